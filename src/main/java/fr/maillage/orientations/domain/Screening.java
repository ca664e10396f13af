package fr.maillage.orientations.domain;

import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import fr.maillage.places.vocabulary.MediationService;
import fr.maillage.places.vocabulary.SpecificSupport;
import fr.maillage.places.vocabulary.SupportMode;
import org.jspecify.annotations.Nullable;

/**
 * The repérage (issue 16, item 2): what a counter agent asks in two minutes, as closed
 * answers in plain French — the « langage commun » of the territory. Every answer is a
 * code from a short list, never free text: the answers can be counted per territory and
 * month without keeping anyone's row, and kept inside an orientation only with the
 * person's consent ({@code ScreeningRule} turns them into suggested services).
 *
 * @param equipment the devices she has at home (empty: not asked)
 * @param internet internet at home, null when not asked
 * @param emailEase ease with e-mail, null when not asked
 * @param formsEase ease with online forms, null when not asked
 * @param needs what she needs now (at least one)
 * @param help how she prefers to be helped, null when not asked
 * @param mobility how she can travel, null when not asked
 * @param days the days she can go (empty: any day)
 * @param moments morning, afternoon (empty: any time)
 * @param language her ease with French, null when not asked
 * @param disabilities a disability the lieu should know of (empty: none said)
 */
public record Screening(Set<Equipment> equipment, @Nullable Internet internet, @Nullable Ease emailEase,
		@Nullable Ease formsEase, Set<Need> needs, @Nullable Help help, @Nullable Mobility mobility,
		Set<DayOfWeek> days, Set<Moment> moments, @Nullable Language language, Set<Disability> disabilities) {

	public Screening {
		equipment = Set.copyOf(equipment);
		needs = Set.copyOf(needs);
		days = Set.copyOf(days);
		moments = Set.copyOf(moments);
		disabilities = Set.copyOf(disabilities);
	}

	/** An answer of a closed list: its code (forms, counts, storage) and its words. */
	public interface Answer {

		String code();

		String label();

	}

	public enum Equipment implements Answer {

		ORDINATEUR("ordinateur", "Un ordinateur"), SMARTPHONE("smartphone", "Un smartphone"),
		TABLETTE("tablette", "Une tablette"), AUCUN("aucun", "Aucun de ces appareils");

		private final String code;

		private final String label;

		Equipment(String code, String label) {
			this.code = code;
			this.label = label;
		}

		@Override
		public String code() {
			return code;
		}

		@Override
		public String label() {
			return label;
		}

	}

	public enum Internet implements Answer {

		OUI("oui", "Oui"), NON("non", "Non"), NE_SAIT_PAS("ne_sait_pas", "Elle ne sait pas");

		private final String code;

		private final String label;

		Internet(String code, String label) {
			this.code = code;
			this.label = label;
		}

		@Override
		public String code() {
			return code;
		}

		@Override
		public String label() {
			return label;
		}

	}

	public enum Ease implements Answer {

		A_L_AISE("a_l_aise", "À l'aise"), AVEC_AIDE("avec_aide", "Un peu, avec de l'aide"),
		PAS_DU_TOUT("pas_du_tout", "Pas du tout");

		private final String code;

		private final String label;

		Ease(String code, String label) {
			this.code = code;
			this.label = label;
		}

		@Override
		public String code() {
			return code;
		}

		@Override
		public String label() {
			return label;
		}

	}

	/** What she needs now, each the schema's service that answers it. */
	public enum Need implements Answer {

		DEMARCHE("demarche", "Faire une démarche en ligne (CAF, impôts, ANTS, retraite…)",
				MediationService.ADMINISTRATIVE_PROCEDURES),
		COURRIEL("courriel", "Créer ou lire une adresse e-mail", MediationService.EVERYDAY_DIGITAL_TOOLS),
		APPAREIL("appareil", "Se servir de son téléphone ou de son ordinateur",
				MediationService.EVERYDAY_DIGITAL_TOOLS),
		EMPLOI("emploi", "Chercher un emploi ou une formation", MediationService.PROFESSIONAL_INTEGRATION),
		SECURITE("securite", "Se protéger des arnaques", MediationService.SAFE_DIGITAL_USE),
		SCOLARITE("scolarite", "Suivre la scolarité des enfants", MediationService.PARENTING_AND_EDUCATION),
		IMPRIMER("imprimer", "Imprimer, scanner, avoir internet sur place",
				MediationService.INTERNET_AND_EQUIPMENT_ACCESS),
		MATERIEL("materiel", "Avoir un ordinateur ou un téléphone à petit prix", MediationService.AFFORDABLE_EQUIPMENT);

		private final String code;

		private final String label;

		private final MediationService service;

		Need(String code, String label, MediationService service) {
			this.code = code;
			this.label = label;
			this.service = service;
		}

		@Override
		public String code() {
			return code;
		}

		@Override
		public String label() {
			return label;
		}

		public MediationService service() {
			return service;
		}

	}

	/** How she prefers to be helped, each the schema's support mode (null: any). */
	public enum Help implements Answer {

		AVEC_QUELQU_UN("avec_quelqu_un", "Sur place, avec quelqu'un", SupportMode.INDIVIDUAL),
		ATELIER("atelier", "En atelier, avec d'autres", SupportMode.GROUP_WORKSHOP),
		A_DISTANCE("a_distance", "À distance (téléphone, visio)", SupportMode.REMOTE),
		PEU_IMPORTE("peu_importe", "Peu importe", null);

		private final String code;

		private final String label;

		private final @Nullable SupportMode mode;

		Help(String code, String label, @Nullable SupportMode mode) {
			this.code = code;
			this.label = label;
			this.mode = mode;
		}

		@Override
		public String code() {
			return code;
		}

		@Override
		public String label() {
			return label;
		}

		public Optional<SupportMode> mode() {
			return Optional.ofNullable(mode);
		}

	}

	/** How far she can go: the radius of the lieux suggested. */
	public enum Mobility implements Answer {

		A_PIED("a_pied", "À pied seulement", 3), TRANSPORTS("transports", "En bus, tram ou train", 10),
		VOITURE("voiture", "En voiture", 25),
		NE_SE_DEPLACE_PAS("ne_se_deplace_pas", "Elle ne peut pas se déplacer", 30);

		private final String code;

		private final String label;

		private final int radiusKm;

		Mobility(String code, String label, int radiusKm) {
			this.code = code;
			this.label = label;
			this.radiusKm = radiusKm;
		}

		@Override
		public String code() {
			return code;
		}

		@Override
		public String label() {
			return label;
		}

		public int radiusKm() {
			return radiusKm;
		}

	}

	public enum Moment implements Answer {

		MATIN("matin", "Le matin"), APRES_MIDI("apres_midi", "L'après-midi");

		private final String code;

		private final String label;

		Moment(String code, String label) {
			this.code = code;
			this.label = label;
		}

		@Override
		public String code() {
			return code;
		}

		@Override
		public String label() {
			return label;
		}

	}

	/** Her ease with French, each the schema's specific support that helps (if any). */
	public enum Language implements Answer {

		FRANCAIS("francais", "Parle et lit le français", null),
		LIT_DIFFICILEMENT("lit_difficilement", "Parle français, lit difficilement", SpecificSupport.ILLITERACY),
		AUTRE_LANGUE("autre_langue", "Parle peu le français", SpecificSupport.OTHER_LANGUAGES);

		private final String code;

		private final String label;

		private final @Nullable SpecificSupport support;

		Language(String code, String label, @Nullable SpecificSupport support) {
			this.code = code;
			this.label = label;
			this.support = support;
		}

		@Override
		public String code() {
			return code;
		}

		@Override
		public String label() {
			return label;
		}

		public Optional<SpecificSupport> support() {
			return Optional.ofNullable(support);
		}

	}

	public enum Disability implements Answer {

		SURDITE("surdite", "Surdité, malentendance", SpecificSupport.DEAFNESS),
		VUE("vue", "Malvoyance", SpecificSupport.VISUAL_IMPAIRMENT),
		MOTEUR("moteur", "Handicap moteur", SpecificSupport.MOTOR_DISABILITIES),
		MENTAL("mental", "Handicap mental ou psychique", SpecificSupport.MENTAL_DISABILITIES);

		private final String code;

		private final String label;

		private final SpecificSupport support;

		Disability(String code, String label, SpecificSupport support) {
			this.code = code;
			this.label = label;
			this.support = support;
		}

		@Override
		public String code() {
			return code;
		}

		@Override
		public String label() {
			return label;
		}

		public SpecificSupport support() {
			return support;
		}

	}

	/** The days offered, as codes: lundi … dimanche. */
	public static final Map<String, DayOfWeek> DAYS = new LinkedHashMap<>();

	static {
		String[] names = { "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche" };
		for (DayOfWeek day : DayOfWeek.values()) {
			DAYS.put(names[day.getValue() - 1], day);
		}
	}

	public static String dayCode(DayOfWeek day) {
		return DAYS.entrySet().stream().filter(entry -> entry.getValue() == day).findFirst().orElseThrow().getKey();
	}

	/** The answers read from a form or a stored code line, and what to fix in them. */
	public record Reading(@Nullable Screening screening, Map<String, String> problems) {

	}

	/** The questions, as form fields and count keys. */
	public static final List<String> QUESTIONS = List.of("equipement", "internet", "courriel", "formulaires", "besoins",
			"aide", "mobilite", "jours", "moments", "langue", "handicap");

	/**
	 * Reads the answers: each question's codes (a form's checked boxes). Unknown codes
	 * are problems, not ignored, so that a tampered form or an old code line says so.
	 */
	public static Reading read(Map<String, List<String>> answers) {
		Map<String, String> problems = new LinkedHashMap<>();
		Set<Equipment> equipment = many(Equipment.class, answers.get("equipement"), "equipement", problems);
		Internet internet = one(Internet.class, answers.get("internet"), "internet", problems);
		Ease email = one(Ease.class, answers.get("courriel"), "courriel", problems);
		Ease forms = one(Ease.class, answers.get("formulaires"), "formulaires", problems);
		Set<Need> needs = many(Need.class, answers.get("besoins"), "besoins", problems);
		Help help = one(Help.class, answers.get("aide"), "aide", problems);
		Mobility mobility = one(Mobility.class, answers.get("mobilite"), "mobilite", problems);
		Set<Moment> moments = many(Moment.class, answers.get("moments"), "moments", problems);
		Language language = one(Language.class, answers.get("langue"), "langue", problems);
		Set<Disability> disabilities = many(Disability.class, answers.get("handicap"), "handicap", problems);
		Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
		for (String code : values(answers.get("jours"))) {
			DayOfWeek day = DAYS.get(code);
			if (day == null) {
				problems.put("jours", "Le jour « " + code + " » n'existe pas.");
			}
			else {
				days.add(day);
			}
		}
		if (equipment.contains(Equipment.AUCUN) && equipment.size() > 1) {
			problems.put("equipement", "« Aucun de ces appareils » ne va pas avec un appareil coché.");
		}
		if (needs.isEmpty() && !problems.containsKey("besoins")) {
			problems.put("besoins", "Cochez au moins une chose dont la personne a besoin maintenant.");
		}
		if (!problems.isEmpty()) {
			return new Reading(null, problems);
		}
		return new Reading(new Screening(equipment, internet, email, forms, needs, help, mobility, days, moments,
				language, disabilities), problems);
	}

	/** The answers as codes, question by question (unanswered questions left out). */
	public Map<String, List<String>> codes() {
		Map<String, List<String>> codes = new LinkedHashMap<>();
		put(codes, "equipement", equipment);
		put(codes, "internet", internet == null ? Set.of() : Set.of(internet));
		put(codes, "courriel", emailEase == null ? Set.of() : Set.of(emailEase));
		put(codes, "formulaires", formsEase == null ? Set.of() : Set.of(formsEase));
		put(codes, "besoins", needs);
		put(codes, "aide", help == null ? Set.of() : Set.of(help));
		put(codes, "mobilite", mobility == null ? Set.of() : Set.of(mobility));
		if (!days.isEmpty()) {
			codes.put("jours", days.stream().sorted().map(Screening::dayCode).toList());
		}
		put(codes, "moments", moments);
		put(codes, "langue", language == null ? Set.of() : Set.of(language));
		put(codes, "handicap", disabilities);
		return codes;
	}

	/**
	 * One line of codes, {@code besoins=demarche,courriel;internet=non}: what a hidden
	 * field carries to the send form, and what an orientation keeps (encrypted).
	 */
	public String codeLine() {
		return codes().entrySet()
			.stream()
			.map(entry -> entry.getKey() + "=" + String.join(",", entry.getValue()))
			.collect(Collectors.joining(";"));
	}

	/** Reads a {@link #codeLine()}. */
	public static Reading readLine(@Nullable String line) {
		Map<String, List<String>> answers = new LinkedHashMap<>();
		if (line != null) {
			for (String part : line.split(";")) {
				int equals = part.indexOf('=');
				if (equals > 0) {
					answers.put(part.substring(0, equals).strip(), List.of(part.substring(equals + 1).split(",")));
				}
			}
		}
		return read(answers);
	}

	/** The needs in words, for the send form's « ce dont elle a besoin ». */
	public String needsInWords() {
		return needs.stream().sorted().map(Need::label).collect(Collectors.joining(" ; "));
	}

	private static <E extends Enum<E> & Answer> void put(Map<String, List<String>> codes, String question,
			Set<E> answers) {
		if (!answers.isEmpty()) {
			codes.put(question, answers.stream().sorted().map(Answer::code).toList());
		}
	}

	private static List<String> values(@Nullable List<String> raw) {
		if (raw == null) {
			return List.of();
		}
		List<String> values = new ArrayList<>();
		for (String value : raw) {
			if (value != null && !value.isBlank()) {
				values.add(value.strip());
			}
		}
		return values;
	}

	private static <E extends Enum<E> & Answer> Set<E> many(Class<E> type, @Nullable List<String> raw, String question,
			Map<String, String> problems) {
		Set<E> found = EnumSet.noneOf(type);
		for (String code : values(raw)) {
			Optional<E> answer = Arrays.stream(type.getEnumConstants())
				.filter(candidate -> candidate.code().equals(code))
				.findFirst();
			if (answer.isEmpty()) {
				problems.put(question, "La réponse « " + code + " » n'est pas dans la liste.");
			}
			else {
				found.add(answer.get());
			}
		}
		return found;
	}

	private static <E extends Enum<E> & Answer> @Nullable E one(Class<E> type, @Nullable List<String> raw,
			String question, Map<String, String> problems) {
		Set<E> found = many(type, raw, question, problems);
		if (found.size() > 1) {
			problems.put(question, "Une seule réponse ici.");
			return null;
		}
		return found.isEmpty() ? null : found.iterator().next();
	}

}
