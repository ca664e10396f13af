package fr.maillage.orientations.domain;

import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import fr.maillage.places.vocabulary.MediationService;
import fr.maillage.places.vocabulary.SpecificSupport;
import fr.maillage.places.vocabulary.SupportMode;
import org.jspecify.annotations.Nullable;

/**
 * The repérage's rule (issue 16, item 2): from the person's answers, the services of the
 * national schema to look for, each with the reason the agent can read aloud, and what
 * makes a lieu fit her — how far she can go, when she can go, how she likes to be helped.
 * Plain Java: the search itself is the directory's ({@code places.PlaceDirectory}), this
 * only says what to ask it.
 */
public final class ScreeningRule {

	/**
	 * How far to look when she did not say how she travels (the public search's radius).
	 */
	public static final int DEFAULT_RADIUS_KM = 15;

	/** Afternoon starts at 12:00; a span ending after 12:00 has afternoon time in it. */
	private static final int NOON = 12 * 60;

	private static final Pattern SPAN = Pattern.compile("(\\d{1,2}):(\\d{2}) – (\\d{1,2}):(\\d{2})");

	private ScreeningRule() {
	}

	/**
	 * What to look for.
	 *
	 * @param services the schema's services, the most pressing first, each with why
	 * @param supportMode how she prefers to be helped; null for any
	 * @param supports the specific support a lieu may declare that helps her
	 * @param radiusKm how far she can go
	 * @param days the days she can go (empty: any)
	 * @param moments when in the day (empty: any)
	 */
	public record Suggestion(Map<MediationService, String> services, @Nullable SupportMode supportMode,
			Set<SpecificSupport> supports, int radiusKm, Set<DayOfWeek> days, Set<Screening.Moment> moments) {

		public List<MediationService> serviceList() {
			return List.copyOf(services.keySet());
		}

	}

	public static Suggestion suggest(Screening screening) {
		Map<MediationService, String> services = new LinkedHashMap<>();
		// what she asks for comes first, in the order of the list
		for (Screening.Need need : Screening.Need.values()) {
			if (screening.needs().contains(need)) {
				services.putIfAbsent(need.service(), "Elle a besoin de : " + lower(need.label()) + ".");
			}
		}
		boolean noDevice = screening.equipment().contains(Screening.Equipment.AUCUN);
		if (noDevice || screening.internet() == Screening.Internet.NON) {
			services.putIfAbsent(MediationService.INTERNET_AND_EQUIPMENT_ACCESS,
					noDevice ? "Elle n'a pas d'appareil : un lieu où s'en servir sur place."
							: "Pas d'internet chez elle : un lieu où s'en servir sur place.");
		}
		if (noDevice) {
			services.putIfAbsent(MediationService.AFFORDABLE_EQUIPMENT,
					"Elle n'a pas d'appareil : un ordinateur ou un téléphone à petit prix.");
		}
		if (screening.emailEase() == Screening.Ease.PAS_DU_TOUT
				|| screening.formsEase() == Screening.Ease.PAS_DU_TOUT) {
			services.putIfAbsent(MediationService.EVERYDAY_DIGITAL_TOOLS, "Elle n'est pas à l'aise avec "
					+ (screening.emailEase() == Screening.Ease.PAS_DU_TOUT ? "les e-mails" : "les formulaires en ligne")
					+ " : apprendre les bases.");
		}
		if (screening.needs().contains(Screening.Need.DEMARCHE)
				&& screening.formsEase() == Screening.Ease.PAS_DU_TOUT) {
			services.put(MediationService.ADMINISTRATIVE_PROCEDURES,
					"Elle a une démarche à faire et n'est pas à l'aise avec les formulaires : "
							+ "quelqu'un la fera avec elle.");
		}
		SupportMode mode = screening.help() == null ? null : screening.help().mode().orElse(null);
		if (screening.mobility() == Screening.Mobility.NE_SE_DEPLACE_PAS && mode == null) {
			mode = SupportMode.REMOTE;
		}
		Set<SpecificSupport> supports = new LinkedHashSet<>();
		if (screening.language() != null) {
			screening.language().support().ifPresent(supports::add);
		}
		screening.disabilities().stream().sorted().map(Screening.Disability::support).forEach(supports::add);
		int radius = screening.mobility() == null ? DEFAULT_RADIUS_KM : screening.mobility().radiusKm();
		return new Suggestion(services, mode, supports, radius, screening.days(), screening.moments());
	}

	/**
	 * Whether a lieu is open when she can go.
	 * @param week Monday to Sunday, each day's spans as {@code "9:00 – 12:00"} (the
	 * directory's weekly table); empty when its hours are unknown
	 * @return false when the hours are unknown and she named days or moments
	 */
	public static boolean fits(List<List<String>> week, Set<DayOfWeek> days, Set<Screening.Moment> moments) {
		if (week.size() != 7) {
			return days.isEmpty() && moments.isEmpty();
		}
		for (DayOfWeek day : DayOfWeek.values()) {
			if (!days.isEmpty() && !days.contains(day)) {
				continue;
			}
			for (String span : week.get(day.getValue() - 1)) {
				if (fits(span, moments)) {
					return true;
				}
			}
		}
		return false;
	}

	private static boolean fits(String span, Set<Screening.Moment> moments) {
		if (moments.isEmpty() || span.startsWith("24")) {
			return true;
		}
		Matcher times = SPAN.matcher(span);
		if (!times.find()) {
			return true;
		}
		int start = Integer.parseInt(times.group(1)) * 60 + Integer.parseInt(times.group(2));
		int end = Integer.parseInt(times.group(3)) * 60 + Integer.parseInt(times.group(4));
		if (end <= start) {
			// past midnight
			end += 24 * 60;
		}
		List<Screening.Moment> covered = new ArrayList<>();
		if (start < NOON) {
			covered.add(Screening.Moment.MATIN);
		}
		if (end > NOON) {
			covered.add(Screening.Moment.APRES_MIDI);
		}
		return covered.stream().anyMatch(moments::contains);
	}

	private static String lower(String label) {
		return Character.toLowerCase(label.charAt(0)) + label.substring(1);
	}

}
