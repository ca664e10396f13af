package fr.maillage.contributions.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import fr.maillage.opendata.PlaceEditing;
import fr.maillage.places.hours.HoursInWords;
import fr.maillage.places.hours.HoursReading;

/**
 * The hours editor of the form: per day of the week a morning and an afternoon (opening
 * and closing time, both empty for « fermé »), plus « autres horaires en clair » (public
 * holidays, exceptions, or the whole week in words) read by the French hours reader.
 * Plain server-rendered inputs: no script is needed. The form shows the stored OSM value
 * in the grid when it is a plain weekly schedule, the rest in words.
 *
 * @param times input name → time as typed ("09:00"), for the 28 inputs of the grid
 * @param other the other hours, in words (or OSM when words would not read back)
 */
record HoursGrid(Map<String, String> times, String other) {

	/** How an error about the text beside the grid starts. */
	static final String OTHER_HOURS = "Autres horaires : ";

	/** Days in OSM's spelling, Monday first, with their French name. */
	static final List<Day> DAYS = List.of(new Day("Mo", "lundi"), new Day("Tu", "mardi"), new Day("We", "mercredi"),
			new Day("Th", "jeudi"), new Day("Fr", "vendredi"), new Day("Sa", "samedi"), new Day("Su", "dimanche"));

	/** The four inputs of a day: morning and afternoon, opening and closing. */
	static final List<String> PARTS = List.of("matin-debut", "matin-fin", "apresmidi-debut", "apresmidi-fin");

	private static final String DAY = "(?:Mo|Tu|We|Th|Fr|Sa|Su)";

	private static final String SPAN = "([0-2]\\d:[0-5]\\d)-([0-2]\\d:[0-5]\\d)";

	private static final Pattern WEEKLY_RULE = Pattern
		.compile("(" + DAY + "(?:-" + DAY + ")?(?:," + DAY + "(?:-" + DAY + ")?)*) " + SPAN + "(?:," + SPAN + ")?");

	private static final Pattern TYPED_TIME = Pattern
		.compile("(\\d{1,2})\\s*(?:[h:.]\\s*(\\d{2})?)?|(\\d{1,2})(\\d{2})");

	HoursGrid {
		times = Map.copyOf(times);
		other = other == null ? "" : other.strip();
	}

	static String input(Day day, String part) {
		return "horaires-" + day.name() + "-" + part;
	}

	/** The grid as posted: every input, empty when absent. */
	static HoursGrid posted(Function<String, String> form) {
		Map<String, String> times = new LinkedHashMap<>();
		for (Day day : DAYS) {
			for (String part : PARTS) {
				String value = form.apply(input(day, part));
				times.put(input(day, part), value == null ? "" : value.strip());
			}
		}
		String other = form.apply("horaires");
		return new HoursGrid(times, other == null ? "" : other);
	}

	/**
	 * The stored hours shown in the form: the weekly rules that come first and name each
	 * day once go to the grid, the rest (public holidays, exceptions…) in words.
	 */
	static HoursGrid of(String osm) {
		Map<String, String> times = new LinkedHashMap<>();
		for (Day day : DAYS) {
			PARTS.forEach(part -> times.put(input(day, part), ""));
		}
		String hours = osm == null ? "" : osm.strip();
		if (hours.isEmpty()) {
			return new HoursGrid(times, "");
		}
		List<String> rules = List.of(hours.split("\\s*;\\s*"));
		int weekly = 0;
		java.util.Set<String> seen = new java.util.HashSet<>();
		for (String rule : rules) {
			Matcher matcher = WEEKLY_RULE.matcher(rule);
			if (!matcher.matches()) {
				break;
			}
			List<Day> days = days(matcher.group(1));
			if (days.stream().anyMatch(day -> !seen.add(day.osm()))) {
				break;
			}
			for (Day day : days) {
				times.put(input(day, "matin-debut"), matcher.group(2));
				times.put(input(day, "matin-fin"), matcher.group(3));
				if (matcher.group(4) != null) {
					times.put(input(day, "apresmidi-debut"), matcher.group(4));
					times.put(input(day, "apresmidi-fin"), matcher.group(5));
				}
			}
			weekly++;
		}
		// a weekly rule after an exception would change its meaning once moved to the
		// grid
		boolean laterWeekly = rules.subList(weekly, rules.size())
			.stream()
			.anyMatch(rule -> WEEKLY_RULE.matcher(rule).matches());
		if (laterWeekly || weekly == 0) {
			times.replaceAll((name, value) -> "");
			return new HoursGrid(times, inWords(hours));
		}
		String rest = String.join("; ", rules.subList(weekly, rules.size()));
		String restInWords = inWords(rest);
		if (restInWords.equals(rest) && !rest.isEmpty()) {
			// "fermé les jours fériés" alone opens no day: it reads after the week's
			// hours
			Optional<String> week = HoursInWords.words(String.join("; ", rules.subList(0, weekly)));
			Optional<String> words = HoursInWords.words(rest);
			if (week.isPresent() && words.isPresent() && readsAs(week.get() + ", " + words.get(), hours)) {
				restInWords = words.get();
			}
		}
		return new HoursGrid(times, restInWords);
	}

	/** OSM hours said in words, when the words read back to the same hours. */
	private static String inWords(String osm) {
		if (osm.isBlank()) {
			return "";
		}
		Optional<String> words = HoursInWords.words(osm);
		if (words.isPresent() && readsAs(words.get(), osm)) {
			return words.get();
		}
		return osm;
	}

	private static boolean readsAs(String words, String osm) {
		return PlaceEditing.readHours(words) instanceof HoursReading.Understood understood
				&& understood.osm().equals(osm);
	}

	private static List<Day> days(String osmDays) {
		List<Day> days = new ArrayList<>();
		for (String part : osmDays.split(",")) {
			String[] range = part.split("-");
			int from = indexOf(range[0]);
			int to = range.length == 1 ? from : indexOf(range[1]);
			for (int i = from;; i = (i + 1) % 7) {
				days.add(DAYS.get(i));
				if (i == to) {
					break;
				}
			}
		}
		return days;
	}

	private static int indexOf(String osmDay) {
		for (int i = 0; i < DAYS.size(); i++) {
			if (DAYS.get(i).osm().equals(osmDay)) {
				return i;
			}
		}
		throw new IllegalArgumentException(osmDay);
	}

	boolean gridEmpty() {
		return times.values().stream().allMatch(String::isBlank);
	}

	/** Same hours as another grid, times compared as times ("9h" is "09:00"). */
	boolean sameAs(HoursGrid other) {
		for (String name : times.keySet()) {
			if (!Objects.equals(time(times.get(name)), time(other.times.getOrDefault(name, "")))) {
				return false;
			}
		}
		return this.other.equals(other.other);
	}

	/**
	 * The hours to save, in OSM form: the grid's weekly rules, then the other hours
	 * (exceptions override the week), or the errors that keep them from being read.
	 */
	Reading read() {
		List<String> errors = new ArrayList<>();
		Map<Day, String> spansByDay = new LinkedHashMap<>();
		for (Day day : DAYS) {
			List<String> spans = new ArrayList<>();
			int previousEnd = -1;
			for (String half : List.of("matin", "apresmidi")) {
				String what = capitalized(day.name()) + (half.equals("matin") ? " matin" : " après-midi");
				String start = times.getOrDefault(input(day, half + "-debut"), "");
				String end = times.getOrDefault(input(day, half + "-fin"), "");
				if (start.isBlank() && end.isBlank()) {
					continue;
				}
				String from = time(start);
				String to = time(end);
				if (start.isBlank() || end.isBlank()) {
					errors.add(what + " : indiquez l'heure d'ouverture et l'heure de fermeture (ou aucune si c'est"
							+ " fermé).");
					continue;
				}
				if (from == null || to == null) {
					errors.add(what + " : heure non comprise (« " + (from == null ? start : end)
							+ " ») ; écrivez-la comme 9:00 ou 14:30.");
					continue;
				}
				if (minutes(to) <= minutes(from)) {
					errors.add(what + " : l'heure de fermeture (" + to + ") doit venir après l'heure d'ouverture ("
							+ from + ").");
					continue;
				}
				if (minutes(from) < previousEnd) {
					errors.add(what + " : commence avant la fin du matin.");
					continue;
				}
				previousEnd = minutes(to);
				spans.add(from + "-" + to);
			}
			if (!spans.isEmpty()) {
				spansByDay.put(day, String.join(",", spans));
			}
		}
		if (!errors.isEmpty()) {
			return new Reading(null, errors);
		}
		String week = week(spansByDay);
		if (other.isBlank()) {
			return new Reading(week, List.of());
		}
		HoursReading reading = PlaceEditing.readHours(other);
		if (reading instanceof HoursReading.Understood understood) {
			// what the words say of a day replaces the grid's hours of that day (the help
			// says so): the saved value then says each day once
			Set<Day> named = daysNamed(understood.osm());
			spansByDay.keySet().removeAll(named);
			week = week(spansByDay);
			return new Reading(week.isEmpty() ? understood.osm() : week + "; " + understood.osm(), List.of());
		}
		// exceptions alone ("fermé les jours fériés") open no day: read after the week's
		// hours in words
		Optional<String> weekInWords = week.isEmpty() ? Optional.empty() : HoursInWords.words(week);
		if (weekInWords.isPresent()
				&& PlaceEditing
					.readHours(weekInWords.get() + ", " + other.strip()) instanceof HoursReading.Understood together
				&& together.osm().startsWith(week)) {
			return new Reading(together.osm(), List.of());
		}
		return new Reading(null, List.of(OTHER_HOURS + ((HoursReading.Refused) reading).message()));
	}

	/** The grid's days as OSM rules, consecutive days with the same hours together. */
	private static String week(Map<Day, String> spansByDay) {
		List<String> rules = new ArrayList<>();
		int i = 0;
		while (i < DAYS.size()) {
			String spans = spansByDay.get(DAYS.get(i));
			if (spans == null) {
				i++;
				continue;
			}
			int j = i;
			while (j + 1 < DAYS.size() && spans.equals(spansByDay.get(DAYS.get(j + 1)))) {
				j++;
			}
			rules.add(DAYS.get(i).osm() + (j > i ? "-" + DAYS.get(j).osm() : "") + " " + spans);
			i = j + 1;
		}
		return String.join("; ", rules);
	}

	/**
	 * The days of the week that the weekly rules of an OSM value name ("Mo-Fr", "Sa,Su").
	 */
	static Set<Day> daysNamed(String osm) {
		Set<Day> named = new java.util.HashSet<>();
		for (String rule : osm.split(";")) {
			Matcher days = RULE_DAYS.matcher(rule.strip());
			if (!days.lookingAt()) {
				continue;
			}
			for (String range : days.group(1).split(",")) {
				String[] ends = range.split("-");
				int from = indexOf(ends[0]);
				int to = indexOf(ends[ends.length - 1]);
				// "Sa-Mo" runs over the week's end
				for (int d = from;; d = (d + 1) % DAYS.size()) {
					named.add(DAYS.get(d));
					if (d == to) {
						break;
					}
				}
			}
		}
		return named;
	}

	private static final Pattern RULE_DAYS = Pattern
		.compile("(" + DAY + "(?:-" + DAY + ")?(?:," + DAY + "(?:-" + DAY + ")?)*)(?=\\s|$)");

	/** "9", "9h", "9:00", "09.00", "0900" → "09:00"; null when not a time. */
	static String time(String typed) {
		if (typed == null || typed.isBlank()) {
			return "";
		}
		Matcher matcher = TYPED_TIME.matcher(typed.strip());
		if (!matcher.matches()) {
			return null;
		}
		// "9", "9h", "9:30", or "0930" as typed on a keypad
		int hour = Integer.parseInt(matcher.group(1) != null ? matcher.group(1) : matcher.group(3));
		String minutes = matcher.group(1) != null ? matcher.group(2) : matcher.group(4);
		int minute = minutes == null ? 0 : Integer.parseInt(minutes);
		if (hour > 24 || minute > 59 || hour == 24 && minute > 0) {
			return null;
		}
		return String.format("%02d:%02d", hour, minute);
	}

	private static int minutes(String time) {
		return Integer.parseInt(time.substring(0, 2)) * 60 + Integer.parseInt(time.substring(3));
	}

	private static String capitalized(String word) {
		return Character.toUpperCase(word.charAt(0)) + word.substring(1);
	}

	/** A day of the grid. */
	record Day(String osm, String name) {
	}

	/** The hours in OSM form ("" for none), or why they were not read. */
	record Reading(String osm, List<String> errors) {
	}

}
