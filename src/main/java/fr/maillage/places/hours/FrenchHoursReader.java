package fr.maillage.places.hours;

import java.text.Normalizer;
import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Reads opening hours as people write them in French ("Lundi 10h30-12h, mercredi
 * 14h-17h", "du lundi au vendredi de 9h à 12h et de 14h à 17h, fermé les jours fériés")
 * into an OSM {@code opening_hours} value that {@link OpeningHours} evaluates, with the
 * same hours said back in words by {@link HoursInWords}. It also reads the common OSM
 * forms ("Mo-Fr 09:00-12:00; PH off").
 *
 * <p>
 * The text is cut into words (days, times, "fermé", "sauf"…; accents, case and
 * punctuation do not matter), then into groups of days with their times: a group ends
 * when, having both days and times, a new day comes (days first: "lundi 9h-12h, mardi
 * 14h-17h") or a new time comes (times first: "9h-12h le lundi, 14h-17h le mardi"). A
 * later group about fewer days overrides an earlier one ("tous les jours 9h-18h, samedi
 * 9h-12h"); groups about as many days add up ("lundi 9h-12h, lundi 14h-17h").
 *
 * <p>
 * Anything it does not know refuses the whole text, with the reason and an example:
 * better no hours than wrong hours. Refused on purpose: "matin"/"après-midi" without
 * hours (they say no time), "sur rendez-vous" (not opening hours; the schema has
 * {@code prise_rdv}), times without days in a whole-week text ("9h-17h": which days?),
 * week parity and dates. Days of the month ("1er et 3e mardi du mois") give valid OSM
 * ({@code Tu[1,3]}) that {@link OpeningHours} does not evaluate yet: shown as written,
 * never as closed. The output is canonical (days Monday first, consecutive days with the
 * same times grouped, spans sorted and overlaps merged), so reading its words back gives
 * the same value.
 */
public final class FrenchHoursReader {

	/** A form the reader understands, shown with every refusal. */
	public static final String EXAMPLE = "du lundi au vendredi de 9 h à 12 h et de 14 h à 17 h, fermé les jours fériés";

	private static final int DAY = 24 * 60;

	private static final List<String> OSM_DAYS = List.of("Mo", "Tu", "We", "Th", "Fr", "Sa", "Su");

	private static final Map<String, DayOfWeek> DAY_WORDS = dayWords();

	private static final Map<String, Integer> ORDINAL_WORDS = Map.of("premier", 1, "premiers", 1, "second", 2,
			"deuxieme", 2, "troisieme", 3, "quatrieme", 4, "cinquieme", 5, "dernier", -1, "derniers", -1);

	private static final Set<String> CLOSED_WORDS = Set.of("ferme", "fermee", "fermes", "fermees", "fermeture", "clos",
			"closed", "off");

	private static final Set<String> EXCEPT_WORDS = Set.of("sauf", "excepte", "hors");

	/** Words that carry no meaning here: "de 9h à 12h", "ouvert le lundi"… */
	private static final Set<String> FILLERS = Set.of("de", "du", "d", "le", "la", "les", "l", "et", "en", "des",
			"continu", "ouvert", "ouverte", "ouverts", "ouvertes", "ouverture", "horaires", "horaire", "h", "mois",
			"chaque", "tout", "toute", "y", "compris", "accueil", "sur", "place");

	private static final Set<String> RANGE_WORDS = Set.of("a", "au", "jusqu");

	/**
	 * Pattern → replacement, in order: accents, spaces, dashes and apostrophes first,
	 * then the phrases of several words that become one marker.
	 */
	private static final String[][] PHRASES = { { "\\p{M}", "" }, { "[\\u00a0\\u202f\\t]", " " },
			{ "[\\u2010-\\u2015\\u2212]", "-" }, { "['\\u2019`]", " " }, { "apres[\\s-]*midis?", " AFTERNOON " },
			{ "\\bjours?\\s+feries?\\b|\\bferies\\b", " PH " },
			{ "\\btous\\s+les\\s+jours\\b|\\btoute\\s+la\\s+semaine\\b|\\b7\\s*j(?:ours)?\\s*/\\s*7\\b"
					+ "|\\b7\\s*/\\s*7\\b|\\b7\\s*jours\\s+sur\\s+7\\b", " ALLWEEK " },
			{ "\\b24\\s*h?\\s*/\\s*24\\b|\\bh\\s*24\\b|\\b24\\s*heures\\s+sur\\s+24\\b", " ALLDAY " },
			{ "\\brendez[\\s-]*vous\\b|\\brdv\\b", " APPOINTMENT " } };

	private static final List<Pattern> PHRASE_PATTERNS = Arrays.stream(PHRASES)
		.map(phrase -> Pattern.compile(phrase[0]))
		.toList();

	private static final Pattern TOKEN = Pattern
		.compile("(?<marker>ALLWEEK|ALLDAY|PH|AFTERNOON|APPOINTMENT)" + "|(?<ordinal>\\d)\\s*(?:ere|er|eme|e)\\b"
				+ "|(?<hour>\\d{1,2})\\s*[h:]\\s*(?:(?<minute>\\d{2})(?!\\d|\\s*[h:]))?" + "|(?<number>\\d+)"
				+ "|(?<word>[a-z]+)" + "|(?<dash>-)" + "|(?<slash>/)" + "|(?<stop>[;|\\n])" + "|(?<space>\\s+)"
				+ "|(?<other>.)");

	private FrenchHoursReader() {
	}

	/** A whole week's hours in one text ("du lundi au vendredi de 9h à 12h"). */
	public static HoursReading read(@Nullable String text) {
		if (text == null || text.isBlank()) {
			return refused("Aucun horaire indiqué.");
		}
		try {
			Schedule schedule = new Schedule();
			schedule.read(text, null);
			return schedule.result();
		}
		catch (NotUnderstood e) {
			return refused(e.getMessage());
		}
	}

	/**
	 * Hours given day by day, as producers export them (one column per weekday: "09:00 -
	 * 12:00 / 13:30 - 17:00", "Fermé"); a text without days is about its own day.
	 * @param byDay the day's text; absent or blank: closed
	 */
	public static HoursReading readDays(Map<DayOfWeek, String> byDay) {
		try {
			Schedule schedule = new Schedule();
			schedule.closedAllWeekAllowed = false;
			for (DayOfWeek day : DayOfWeek.values()) {
				String text = byDay.get(day);
				if (text != null && !text.isBlank()) {
					schedule.read(text, day);
				}
			}
			if (!schedule.readSomething) {
				return refused("Aucun horaire indiqué.");
			}
			return schedule.result();
		}
		catch (NotUnderstood e) {
			return refused(e.getMessage());
		}
	}

	private static HoursReading refused(String reason) {
		return new HoursReading.Refused(reason, EXAMPLE);
	}

	// --- words
	// -----------------------------------------------------------------------------

	private enum Kind {

		DAY, TIME, ORDINAL, NUMBER, WORD, DASH, SLASH, STOP, SEPARATOR, ALL_WEEK, ALL_DAY, HOLIDAY, AFTERNOON,
		APPOINTMENT

	}

	private record Token(Kind kind, String text, int value) {

		boolean is(Kind other) {
			return kind == other;
		}

		boolean isWord(Set<String> words) {
			return kind == Kind.WORD && words.contains(text);
		}

	}

	/**
	 * Lower case, no accents, and the phrases of several words turned into one marker.
	 */
	static String normalize(String text) {
		String plain = Normalizer.normalize(text, Normalizer.Form.NFD).toLowerCase(Locale.ROOT);
		for (int i = 0; i < PHRASE_PATTERNS.size(); i++) {
			plain = PHRASE_PATTERNS.get(i).matcher(plain).replaceAll(PHRASES[i][1]);
		}
		return plain;
	}

	static List<Token> tokens(String text) {
		List<Token> tokens = new ArrayList<>();
		Matcher matcher = TOKEN.matcher(normalize(text));
		while (matcher.find()) {
			if (matcher.group("marker") != null) {
				Kind kind = switch (matcher.group("marker")) {
					case "ALLWEEK" -> Kind.ALL_WEEK;
					case "ALLDAY" -> Kind.ALL_DAY;
					case "PH" -> Kind.HOLIDAY;
					case "AFTERNOON" -> Kind.AFTERNOON;
					default -> Kind.APPOINTMENT;
				};
				tokens.add(new Token(kind, matcher.group(), 0));
			}
			else if (matcher.group("ordinal") != null) {
				tokens.add(new Token(Kind.ORDINAL, matcher.group(), Integer.parseInt(matcher.group("ordinal"))));
			}
			else if (matcher.group("hour") != null) {
				int hour = Integer.parseInt(matcher.group("hour"));
				String minutes = matcher.group("minute");
				int minute = minutes == null ? 0 : Integer.parseInt(minutes);
				if (hour > 24 || minute > 59 || (hour == 24 && minute > 0)) {
					throw new NotUnderstood("L'heure « " + matcher.group().strip() + " » n'existe pas.");
				}
				tokens.add(new Token(Kind.TIME, matcher.group().strip(), hour * 60 + minute));
			}
			else if (matcher.group("number") != null) {
				String number = matcher.group("number");
				tokens.add(new Token(Kind.NUMBER, number, number.length() > 2 ? 99 : Integer.parseInt(number)));
			}
			else if (matcher.group("word") != null) {
				String word = matcher.group("word");
				if (DAY_WORDS.containsKey(word)) {
					tokens.add(new Token(Kind.DAY, word, DAY_WORDS.get(word).getValue()));
				}
				else if (ORDINAL_WORDS.containsKey(word)) {
					tokens.add(new Token(Kind.ORDINAL, word, ORDINAL_WORDS.get(word)));
				}
				else if (word.equals("midi")) {
					tokens.add(new Token(Kind.TIME, word, 12 * 60));
				}
				else if (word.equals("minuit")) {
					tokens.add(new Token(Kind.TIME, word, 0));
				}
				else if (word.equals("ph")) {
					tokens.add(new Token(Kind.HOLIDAY, word, 0));
				}
				else {
					tokens.add(new Token(Kind.WORD, word, 0));
				}
			}
			else if (matcher.group("dash") != null) {
				tokens.add(new Token(Kind.DASH, "-", 0));
			}
			else if (matcher.group("slash") != null) {
				tokens.add(new Token(Kind.SLASH, "/", 0));
			}
			else if (matcher.group("stop") != null) {
				tokens.add(new Token(Kind.STOP, matcher.group(), 0));
			}
			else if (matcher.group("other") != null) {
				tokens.add(new Token(Kind.SEPARATOR, matcher.group(), 0));
			}
		}
		return tokens;
	}

	private static Map<String, DayOfWeek> dayWords() {
		Map<String, DayOfWeek> words = new HashMap<>();
		String[][] names = { { "lundi", "lun", "lu", "mo" }, { "mardi", "mar", "ma", "tu" },
				{ "mercredi", "mer", "me", "we" }, { "jeudi", "jeu", "je", "th" }, { "vendredi", "ven", "ve", "fr" },
				{ "samedi", "sam", "sa" }, { "dimanche", "dim", "di", "su" } };
		for (int i = 0; i < names.length; i++) {
			for (String name : names[i]) {
				words.put(name, DayOfWeek.of(i + 1));
			}
			words.put(names[i][0] + "s", DayOfWeek.of(i + 1));
		}
		return Map.copyOf(words);
	}

	// --- items: days, spans, "fermé", "sauf"
	// ----------------------------------------------

	private sealed interface Item {

	}

	private record Days(Set<DayOfWeek> days, boolean holiday, List<Integer> nths) implements Item {
	}

	private record Span(int start, int end) implements Item {
	}

	private record Closed() implements Item {
	}

	/** ";", "|" or a new line: ends what "fermé" applies to. */
	private record Stop() implements Item {
	}

	private record Except() implements Item {
	}

	/**
	 * "00:00 - 00:00": an empty slot of a producer's form (France Services), not 24
	 * hours.
	 */
	private record EmptySlot() implements Item {
	}

	private static List<Item> items(List<Token> tokens) {
		List<Item> items = new ArrayList<>();
		boolean between = false;
		int i = 0;
		while (i < tokens.size()) {
			Token token = tokens.get(i);
			switch (token.kind()) {
				case DAY -> {
					i = day(tokens, i, List.of(), items);
					continue;
				}
				case ORDINAL -> {
					List<Integer> nths = new ArrayList<>();
					while (i < tokens.size() && !tokens.get(i).is(Kind.DAY)) {
						Token next = tokens.get(i);
						if (next.is(Kind.ORDINAL)) {
							nths.add(next.value());
						}
						else if (!(next.is(Kind.SEPARATOR) || next.isWord(FILLERS))) {
							throw new NotUnderstood("« " + token.text()
									+ " » doit précéder un jour (« le 1er et le 3e mardi du mois »).");
						}
						i++;
					}
					if (i == tokens.size()) {
						throw new NotUnderstood(
								"« " + token.text() + " » doit précéder un jour (« le 1er et le 3e mardi du mois »).");
					}
					i = day(tokens, i, nths, items);
					continue;
				}
				case TIME, NUMBER -> {
					i = span(tokens, i, between, items);
					between = false;
					continue;
				}
				case STOP -> items.add(new Stop());
				case ALL_WEEK -> items.add(new Days(EnumSet.allOf(DayOfWeek.class), false, List.of()));
				case ALL_DAY -> items.add(new Span(0, DAY));
				case HOLIDAY -> items.add(new Days(EnumSet.noneOf(DayOfWeek.class), true, List.of()));
				case AFTERNOON -> throw new NotUnderstood(
						"« Matin » et « après-midi » ne disent pas l'heure : écrivez les heures (« de 14 h à 17 h »).");
				case APPOINTMENT -> throw new NotUnderstood("« Sur rendez-vous » n'est pas un horaire d'ouverture : "
						+ "écrivez les heures d'accueil ; la prise de rendez-vous a son propre champ.");
				case WORD -> {
					String word = token.text();
					if (CLOSED_WORDS.contains(word)) {
						items.add(new Closed());
					}
					else if (EXCEPT_WORDS.contains(word)) {
						items.add(new Except());
					}
					else if (word.equals("entre")) {
						between = true;
					}
					else if (word.startsWith("matin")) {
						throw new NotUnderstood("« Matin » et « après-midi » ne disent pas l'heure : "
								+ "écrivez les heures (« de 9 h à 12 h »).");
					}
					else if (!FILLERS.contains(word)) {
						throw new NotUnderstood("Mot non compris : « " + word + " ».");
					}
				}
				default -> {
					// separators and lone dashes or slashes: the groups decide, not the
					// punctuation
				}
			}
			i++;
		}
		return items;
	}

	/** A day, or a range "lundi-vendredi", "du lundi au vendredi", "lun à ven". */
	private static int day(List<Token> tokens, int i, List<Integer> nths, List<Item> items) {
		DayOfWeek start = DayOfWeek.of(tokens.get(i).value());
		int next = i + 1;
		if (next < tokens.size() && (tokens.get(next).is(Kind.DASH) || tokens.get(next).isWord(RANGE_WORDS))) {
			int end = next + 1;
			while (end < tokens.size() && (tokens.get(end).isWord(Set.of("a", "le")))) {
				end++;
			}
			if (end < tokens.size() && tokens.get(end).is(Kind.DAY)) {
				if (!nths.isEmpty()) {
					throw new NotUnderstood("« 1er », « 3e »… ne s'appliquent qu'à un seul jour.");
				}
				Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
				DayOfWeek last = DayOfWeek.of(tokens.get(end).value());
				for (DayOfWeek day = start;; day = day.plus(1)) {
					days.add(day);
					if (day == last) {
						break;
					}
				}
				items.add(new Days(days, false, List.of()));
				return end + 1;
			}
		}
		items.add(new Days(EnumSet.of(start), false, List.copyOf(new TreeSet<>(nths))));
		return i + 1;
	}

	/** "9h-12h", "9:30 à 12:00", "9h/12h", "de 9 à 12h", "entre 9h et 12h". */
	private static int span(List<Token> tokens, int i, boolean between, List<Item> items) {
		Token first = tokens.get(i);
		int next = i + 1;
		boolean connected = false;
		if (next < tokens.size()) {
			Token connector = tokens.get(next);
			if (connector.is(Kind.DASH) || connector.is(Kind.SLASH) || connector.isWord(RANGE_WORDS)
					|| (between && connector.isWord(Set.of("et")))) {
				connected = true;
				next++;
				if (connector.isWord(Set.of("jusqu")) && next < tokens.size() && tokens.get(next).isWord(Set.of("a"))) {
					next++;
				}
			}
		}
		if (next < tokens.size() && tokens.get(next).is(Kind.TIME)
				&& (connected || first.is(Kind.TIME) && tokens.get(next).is(Kind.TIME))) {
			int start = first.is(Kind.TIME) ? first.value() : hourOnly(first);
			int end = tokens.get(next).value();
			if (start >= DAY) {
				throw new NotUnderstood("Une plage ne peut pas commencer à « " + first.text() + " ».");
			}
			if (start == 0 && end == 0) {
				items.add(new EmptySlot());
				return next + 1;
			}
			if (end == start) {
				throw new NotUnderstood(
						"La plage « " + first.text() + " – " + tokens.get(next).text() + " » est vide.");
			}
			items.add(new Span(start, end < start ? end + DAY : end));
			return next + 1;
		}
		if (first.is(Kind.NUMBER)) {
			throw new NotUnderstood(
					"Nombre non compris : « " + first.text() + " » (écrivez les heures « 9 h » ou « 9:00 »).");
		}
		throw new NotUnderstood("L'heure « " + first.text() + " » n'a pas de fin (écrivez une plage, « 9 h-12 h »).");
	}

	private static int hourOnly(Token number) {
		if (number.value() > 23) {
			throw new NotUnderstood("Nombre non compris : « " + number.text() + " ».");
		}
		return number.value() * 60;
	}

	// --- groups, and the week they make
	// ----------------------------------------------------

	/** Days with their times, or closed, as one group of the text says them. */
	private static final class Group {

		final Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);

		boolean holiday;

		List<Integer> nths = List.of();

		final List<Span> spans = new ArrayList<>();

		boolean closed;

		boolean timesFirst;

		boolean emptySlot;

		/** "fermé le dimanche et les jours fériés": the days after "fermé" add up. */
		boolean closedFirst;

		boolean hasDays() {
			return !days.isEmpty() || holiday;
		}

		boolean isEmpty() {
			return !hasDays() && spans.isEmpty() && !closed && !emptySlot;
		}

	}

	private record NthRule(DayOfWeek day, List<Integer> nths, List<Span> spans) {
	}

	private static final class Schedule {

		final Map<DayOfWeek, List<Span>> week = new EnumMap<>(DayOfWeek.class);

		/** How many days the group that set each day's spans was about. */
		final Map<DayOfWeek, Integer> setBy = new EnumMap<>(DayOfWeek.class);

		final List<NthRule> nthRules = new ArrayList<>();

		List<Span> holidaySpans = new ArrayList<>();

		boolean holidayClosed;

		boolean closedSomething;

		boolean readSomething;

		/**
		 * "Fermé" as a whole text says so; seven closed columns say nothing about when to
		 * come.
		 */
		boolean closedAllWeekAllowed = true;

		void read(String text, @Nullable DayOfWeek context) {
			Group group = new Group();
			boolean except = false;
			for (Item item : items(tokens(text))) {
				if (item instanceof Except) {
					except = true;
				}
				else if (item instanceof Days days && except) {
					except = false;
					if (days.holiday()) {
						holidayClosed = true;
					}
					else if (group.days.isEmpty()) {
						throw new NotUnderstood(
								"« Sauf » suit une liste de jours (« du lundi au vendredi sauf le mercredi »).");
					}
					else {
						group.days.removeAll(days.days());
					}
				}
				else if (item instanceof Days days) {
					if (group.hasDays() && (!group.spans.isEmpty() || (group.closed && !group.closedFirst))) {
						apply(group, context);
						group = new Group();
					}
					if (!days.nths().isEmpty() || !group.nths.isEmpty()) {
						if (group.hasDays()) {
							throw new NotUnderstood(
									"Écrivez « 1er mardi du mois » et les autres jours dans des phrases séparées.");
						}
						group.nths = days.nths();
					}
					group.days.addAll(days.days());
					group.holiday |= days.holiday();
				}
				else if (item instanceof Span || item instanceof EmptySlot) {
					if ((group.timesFirst && group.hasDays()) || group.closed) {
						apply(group, context);
						group = new Group();
					}
					if (group.isEmpty()) {
						group.timesFirst = true;
					}
					if (item instanceof Span span) {
						group.spans.add(span);
					}
					else {
						group.emptySlot = true;
					}
				}
				else if (item instanceof Stop) {
					if (group.closed && group.hasDays()) {
						apply(group, context);
						group = new Group();
					}
				}
				else if (item instanceof Closed) {
					if (!group.spans.isEmpty()) {
						apply(group, context);
						group = new Group();
					}
					group.closedFirst = !group.hasDays();
					group.closed = true;
				}
			}
			if (except) {
				throw new NotUnderstood("« Sauf » doit être suivi d'un jour (« sauf le mercredi »).");
			}
			if (group.isEmpty()) {
				throw new NotUnderstood("Aucun horaire compris.");
			}
			apply(group, context);
		}

		void apply(Group group, @Nullable DayOfWeek context) {
			readSomething = true;
			Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
			days.addAll(group.days);
			if (!group.hasDays()) {
				if (context != null) {
					days.add(context);
				}
				else if (group.closed) {
					days.addAll(EnumSet.allOf(DayOfWeek.class));
				}
				else {
					throw new NotUnderstood("Précisez les jours de ces heures (« du lundi au vendredi »).");
				}
			}
			if (group.spans.isEmpty() && group.emptySlot) {
				group.closed = true;
			}
			if (!group.closed && group.spans.isEmpty()) {
				throw new NotUnderstood("Précisez les heures de ces jours (« de 9 h à 12 h »), ou « fermé ».");
			}
			if (!group.nths.isEmpty()) {
				if (group.closed || days.size() != 1) {
					throw new NotUnderstood(
							"« 1er », « 3e »… s'écrivent avec un jour et ses heures (« le 1er samedi du mois de 9 h à 12 h »).");
				}
				nthRules.add(new NthRule(days.iterator().next(), group.nths, merged(group.spans)));
				return;
			}
			if (group.closed) {
				closedSomething = true;
				for (DayOfWeek day : days) {
					week.remove(day);
					setBy.remove(day);
				}
				holidayClosed |= group.holiday;
				return;
			}
			for (DayOfWeek day : days) {
				List<Span> spans = week.get(day);
				if (spans == null || setBy.get(day) > days.size()) {
					spans = new ArrayList<>();
				}
				spans.addAll(group.spans);
				week.put(day, merged(spans));
				setBy.put(day, days.size());
			}
			if (group.holiday) {
				holidaySpans.addAll(group.spans);
				holidaySpans = merged(holidaySpans);
			}
		}

		HoursReading result() {
			String osm = osm();
			return new HoursReading.Understood(osm, HoursInWords.words(osm)
				.orElseThrow(() -> new IllegalStateException("no words for the reader's own output: " + osm)));
		}

		String osm() {
			boolean allDayEveryDay = week.size() == 7
					&& week.values().stream().allMatch(spans -> spans.equals(List.of(new Span(0, DAY))));
			if (allDayEveryDay && nthRules.isEmpty() && !holidayClosed && holidaySpans.isEmpty()) {
				return "24/7";
			}
			List<String> rules = new ArrayList<>();
			int i = 0;
			DayOfWeek[] days = DayOfWeek.values();
			while (i < 7) {
				List<Span> spans = week.get(days[i]);
				if (spans == null) {
					i++;
					continue;
				}
				int end = i;
				while (end + 1 < 7 && spans.equals(week.get(days[end + 1]))) {
					end++;
				}
				String range = end == i ? OSM_DAYS.get(i)
						: OSM_DAYS.get(i) + (end == i + 1 ? "," : "-") + OSM_DAYS.get(end);
				rules.add(range + " " + times(spans));
				i = end + 1;
			}
			for (NthRule rule : nthRules) {
				rules.add(OSM_DAYS.get(rule.day().getValue() - 1) + "["
						+ String.join(",", rule.nths().stream().map(String::valueOf).toList()) + "] "
						+ times(rule.spans()));
			}
			if (rules.isEmpty() && holidaySpans.isEmpty()) {
				if (closedSomething && !holidayClosed && closedAllWeekAllowed) {
					return "off";
				}
				throw new NotUnderstood("Aucun jour d'ouverture compris.");
			}
			if (holidayClosed) {
				rules.add("PH off");
			}
			else if (!holidaySpans.isEmpty()) {
				rules.add("PH " + times(holidaySpans));
			}
			return String.join("; ", rules);
		}

	}

	private static List<Span> merged(List<Span> spans) {
		List<Span> sorted = new ArrayList<>(spans);
		sorted.sort((a, b) -> a.start() != b.start() ? Integer.compare(a.start(), b.start())
				: Integer.compare(a.end(), b.end()));
		List<Span> merged = new ArrayList<>();
		for (Span span : sorted) {
			Span last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
			if (last != null && span.start() <= last.end()) {
				merged.set(merged.size() - 1, new Span(last.start(), Math.max(last.end(), span.end())));
			}
			else {
				merged.add(span);
			}
		}
		return merged;
	}

	private static String times(List<Span> spans) {
		return String.join(",", spans.stream().map(span -> time(span.start()) + "-" + time(span.end())).toList());
	}

	private static String time(int minutes) {
		int shown = minutes > DAY ? minutes - DAY : minutes;
		return String.format("%02d:%02d", shown / 60, shown % 60);
	}

	/** Why the text is refused, in French. */
	private static final class NotUnderstood extends RuntimeException {

		NotUnderstood(String reason) {
			super(reason, null, false, false);
		}

	}

}
