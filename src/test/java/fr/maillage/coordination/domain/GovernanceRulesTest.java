package fr.maillage.coordination.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The forms of bodies, resources and the charter as tables: each problem in French on its
 * field, nothing refused that is right.
 */
class GovernanceRulesTest {

	private static final Set<String> DEPARTEMENTS = Set.of("69", "69D", "69M", "16", "2A");

	private static final ResourceRules.Places PLACES = new ResourceRules.Places() {

		@Override
		public Set<String> departements() {
			return DEPARTEMENTS;
		}

		@Override
		public boolean isEpci(String siren) {
			return siren.equals("200046977");
		}

		@Override
		public boolean isCommune(String codeInsee) {
			return codeInsee.equals("69266") || codeInsee.equals("2A004");
		}

	};

	@ParameterizedTest(name = "body {0}/{1}/{2}/{3}/{4} → {5}")
	@CsvSource(delimiter = '|', nullValues = "-", textBlock = """
			Comité technique | comite_technique | 69  | -         | -         | -
			Copil            | comite_pilotage  | 2a  | -         | -         | -
			-                | comite_technique | 69  | -         | -         | nom
			Copil            | -                | 69  | -         | -         | type
			Copil            | conseil          | 69  | -         | -         | type
			Copil            | comite_pilotage  | 99  | -         | -         | departement
			Sud              | sous_gouvernance | 69  | -         | -         | secteur
			Sud              | sous_gouvernance | 69  | -         | Sud Rhône | -
			Métropole        | sous_gouvernance | 69M | 200046977 | -         | -
			Métropole        | sous_gouvernance | 69M | 12345     | -         | epci
			Métropole        | sous_gouvernance | 69M | 999999999 | -         | epci
			""")
	void aBody(String name, String type, String departement, String epci, String secteur, String problem) {
		Map<String, String> fields = new HashMap<>();
		fields.put("nom", name);
		fields.put("type", type);
		fields.put("departement", departement);
		fields.put("epci", epci);
		fields.put("secteur", secteur);

		BodyRules.Reading reading = BodyRules.read(fields, DEPARTEMENTS, PLACES::isEpci);

		if (problem == null) {
			assertThat(reading).isInstanceOf(BodyRules.Reading.Accepted.class);
		}
		else {
			assertThat(reading).isInstanceOfSatisfying(BodyRules.Reading.Refused.class,
					refused -> assertThat(refused.problems()).containsOnlyKeys(problem));
		}
	}

	@ParameterizedTest(name = "resource {0}/{1}/{2}/{3}/{4}/{5}/{6} → {7}")
	@CsvSource(delimiter = '|', nullValues = "-",
			textBlock = """
					Prêt de tablettes | materielle | 69  | -         | -     | -          | https://example.fr/pret | -
					Formation         | formative  | 69M | 200046977 | 69266 | 2026-01-01 | http://example.fr       | -
					Appel à projets   | financiere | 69  | -         | -     | 31/12/2026 | -                       | -
					-                 | humaine    | 69  | -         | -     | -          | -                       | titre
					Bénévoles         | benevoles  | 69  | -         | -     | -          | -                       | type
					Bénévoles         | humaine    | 99  | -         | -     | -          | -                       | departement
					Bénévoles         | humaine    | 69  | 123       | -     | -          | -                       | epci
					Bénévoles         | humaine    | 69  | -         | 99999 | -          | -                       | commune
					Bénévoles         | humaine    | 69  | -         | -     | demain     | -                       | du
					Bénévoles         | humaine    | 69  | -         | -     | -          | www.example.fr          | lien
					Bénévoles         | humaine    | 69  | -         | -     | -          | ftp://example.fr/x      | lien
					Bénévoles         | humaine    | 69  | -         | -     | -          | javascript:alert(1)     | lien
					Bénévoles         | humaine    | 69  | -         | -     | -          | https://exa mple.fr     | lien
					""")
	void aResource(String title, String type, String departement, String epci, String commune, String from, String link,
			String problem) {
		Map<String, String> fields = new HashMap<>();
		fields.put("titre", title);
		fields.put("type", type);
		fields.put("departement", departement);
		fields.put("epci", epci);
		fields.put("commune", commune);
		fields.put("du", from);
		fields.put("lien", link);

		ResourceRules.Reading reading = ResourceRules.read(fields, PLACES);

		if (problem == null) {
			assertThat(reading).isInstanceOf(ResourceRules.Reading.Accepted.class);
		}
		else {
			assertThat(reading).isInstanceOfSatisfying(ResourceRules.Reading.Refused.class,
					refused -> assertThat(refused.problems()).containsOnlyKeys(problem));
		}
	}

	@ParameterizedTest(name = "period {0} → {1}: {2}")
	@CsvSource(delimiter = '|', nullValues = "-", textBlock = """
			2026-03-01 | 2026-02-28 | au
			2026-03-01 | 2026-03-01 | -
			-          | 2026-03-01 | -
			""")
	void aPeriodEndsAfterItStarts(String from, String to, String problem) {
		Map<String, String> fields = new HashMap<>(Map.of("titre", "Prêt", "type", "materielle", "departement", "16"));
		fields.put("du", from);
		fields.put("au", to);

		ResourceRules.Reading reading = ResourceRules.read(fields, PLACES);

		assertThat(reading instanceof ResourceRules.Reading.Refused refused ? refused.problems().keySet() : Set.of())
			.isEqualTo(problem == null ? Set.of() : Set.of(problem));
	}

	@ParameterizedTest(name = "ended {0}, today {1}: current {2}")
	@CsvSource(delimiter = '|', nullValues = "-", textBlock = """
			-          | 2026-12-01 | true
			2026-12-01 | 2026-12-01 | true
			2026-11-30 | 2026-12-01 | false
			""")
	void anEndedResourceIsNoLongerCurrent(LocalDate to, LocalDate today, boolean current) {
		assertThat(ResourceRules.isCurrent(to, today)).isEqualTo(current);
	}

	@ParameterizedTest(name = "signature {0}/{1} → {2}")
	@CsvSource(delimiter = '|', nullValues = "-", textBlock = """
			Camille Martin | 2026-11-15 | -
			Camille Martin | -          | -
			-              | 2026-11-15 | signataire_nom
			Camille Martin | 2026-12-02 | signee_le
			Camille Martin | 2026-10-31 | signee_le
			Camille Martin | 32/13/2026 | signee_le
			""")
	void aSignature(String signatory, String signedOn, String problem) {
		Map<String, String> fields = new HashMap<>();
		fields.put("signataire_nom", signatory);
		fields.put("signee_le", signedOn);

		CharterRules.Reading<CharterRules.SignatureEntry> reading = CharterRules.readSignature(fields,
				LocalDate.parse("2026-11-01"), LocalDate.parse("2026-12-01"));

		assertThat(reading instanceof CharterRules.Reading.Refused<CharterRules.SignatureEntry> refused
				? refused.problems().keySet() : Set.of())
			.isEqualTo(problem == null ? Set.of() : Set.of(problem));
	}

	@ParameterizedTest(name = "version {0} → {1}")
	@CsvSource(delimiter = '|', nullValues = "-", textBlock = """
			Charte 2026 | -
			-           | titre
			""")
	void aVersionAndItsParagraphs(String title, String problem) {
		Map<String, String> fields = new HashMap<>();
		fields.put("titre", title);
		fields.put("texte", "  Premier paragraphe,\r\nsur deux lignes.\r\n\r\n\r\n  Second paragraphe.  ");

		CharterRules.Reading<CharterRules.VersionEntry> reading = CharterRules.readVersion(fields,
				LocalDate.parse("2026-12-01"));

		if (problem == null) {
			assertThat(reading).isInstanceOfSatisfying(CharterRules.Reading.Accepted.class, accepted -> {
				CharterRules.VersionEntry entry = (CharterRules.VersionEntry) accepted.entry();
				assertThat(entry.paragraphs()).containsExactly("Premier paragraphe,\nsur deux lignes.",
						"Second paragraphe.");
				assertThat(entry.publishedOn()).isEqualTo("2026-12-01");
			});
		}
		else {
			assertThat(reading).isInstanceOfSatisfying(CharterRules.Reading.Refused.class,
					refused -> assertThat(refused.problems()).containsOnlyKeys(problem));
		}
	}

}
