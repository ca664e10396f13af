package fr.maillage.opendata.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import fr.maillage.shared.importing.ImportIssue;
import fr.maillage.places.Geocoding;
import fr.maillage.places.Place;
import fr.maillage.territories.Centre;
import fr.maillage.territories.CommuneRef;
import fr.maillage.places.vocabulary.Fee;
import fr.maillage.places.vocabulary.MediationService;
import fr.maillage.places.vocabulary.NationalProgram;
import fr.maillage.places.vocabulary.SpecificPublic;
import fr.maillage.places.vocabulary.SpecificSupport;
import fr.maillage.places.vocabulary.SupportMode;
import fr.maillage.places.vocabulary.TrainingLabel;
import fr.maillage.places.vocabulary.AccessMode;
import org.junit.jupiter.api.Test;

class RecordNormalizerTest {

	private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneId.of("Europe/Paris"));

	/** A few real communes (COG 2026) for the consistency rules. */
	private static final CommuneReferential COMMUNES = new CommuneReferential() {

		private final List<CommuneRef> all = List.of(
				new CommuneRef("51454", "Reims", "51", null, List.of("51100"), new Centre(49.2484, 4.0415)),
				new CommuneRef("69266", "Villeurbanne", "69", "69M", List.of("69100"), new Centre(45.7707, 4.8902)),
				new CommuneRef("69382", "Lyon 2e Arrondissement", "69", "69M", List.of("69002"),
						new Centre(45.7485, 4.8271)),
				new CommuneRef("01015", "Arboys en Bugey", "01", null, List.of("01300"), new Centre(45.7245, 5.6497)));

		@Override
		public Optional<CommuneRef> findCommune(String codeInsee) {
			return all.stream().filter(c -> c.code().equals(codeInsee)).findFirst();
		}

		@Override
		public Optional<String> findCurrentCode(String codeInsee) {
			return codeInsee.equals("01340") ? Optional.of("01015") : findCommune(codeInsee).map(CommuneRef::code);
		}

		@Override
		public List<CommuneRef> listCommunesByPostalCode(String postalCode) {
			return all.stream().filter(c -> c.codesPostaux().contains(postalCode)).toList();
		}

	};

	private final RecordNormalizer normalizer = new RecordNormalizer(CLOCK, COMMUNES);

	/**
	 * A valid v1.0.2 record, from the standard's own example, that each test then spoils
	 * in one way.
	 */
	private static Map<String, Object> validRecord() {
		Map<String, Object> values = new LinkedHashMap<>();
		values.put("id", "structure-1");
		values.put("pivot", "43493312300029");
		values.put("nom", "Anonymal");
		values.put("commune", "Reims");
		values.put("code_postal", "51100");
		values.put("code_insee", "51454");
		values.put("adresse", "12 BIS RUE DE LECLERCQ");
		values.put("latitude", "49.25");
		values.put("longitude", "4.03");
		values.put("telephone", "+33180059880");
		values.put("horaires", "Mo-Fr 09:00-12:00,14:00-18:30; Sa 08:30-12:00");
		values.put("date_maj", "2024-04-02");
		values.put("services", "Maîtrise des outils numériques du quotidien|Loisirs et créations numériques");
		return values;
	}

	private RecordOutcome normalize(Map<String, Object> values) {
		return normalizer.normalize(new RawRecord(2, values, false), "test");
	}

	private RecordOutcome normalizeJson(Map<String, Object> values) {
		return normalizer.normalize(new RawRecord(1, values, true), "test");
	}

	private static Place accepted(RecordOutcome outcome) {
		assertThat(outcome).isInstanceOf(RecordOutcome.Accepted.class);
		return ((RecordOutcome.Accepted) outcome).place();
	}

	private static List<String> warnedFields(RecordOutcome outcome) {
		return outcome.warnings().stream().map(ImportIssue::champ).toList();
	}

	@Test
	void acceptsTheStandardsExampleWithoutAnyWarning() {
		RecordOutcome outcome = normalize(validRecord());
		Place place = accepted(outcome);
		assertThat(outcome.warnings()).isEmpty();
		assertThat(place.name()).isEqualTo("Anonymal");
		assertThat(place.services()).containsExactly(MediationService.EVERYDAY_DIGITAL_TOOLS,
				MediationService.LEISURE_AND_CREATION);
		assertThat(place.coordinates().latitude()).isEqualTo(49.25);
		assertThat(place.id()).isEqualTo(place.origin().placeId());
	}

	@Test
	void anEmailThatCouldBreakOutOfALinkIsDroppedWithItsReason() {
		Map<String, Object> values = validRecord();
		values.put("courriels",
				"a@b.fr\"><script>alert(6)</script>|contact@mairie-élancourt.fr|x@y|o'brien@exemple.fr");
		RecordOutcome outcome = normalize(values);
		assertThat(accepted(outcome).emails()).containsExactly("contact@mairie-élancourt.fr", "o'brien@exemple.fr");
		assertThat(outcome.warnings()).extracting(ImportIssue::message)
			.containsExactly("Adresse électronique invalide : ignorée.", "Adresse électronique invalide : ignorée.");
	}

	@Test
	void anAddressOnADomainThatDoesNotExistIsKeptAndTheProducerWarned() {
		Map<String, Object> values = validRecord();
		values.put("courriels", "genevois@france-services.gouv|accueil@soyaux.fr");
		RecordOutcome outcome = normalize(values);
		assertThat(accepted(outcome).emails()).containsExactly("genevois@france-services.gouv", "accueil@soyaux.fr");
		assertThat(outcome.warnings()).extracting(ImportIssue::valeur, ImportIssue::message)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("genevois@france-services.gouv",
					"Le domaine « .gouv » n'existe pas : vérifiez l'adresse (gardée, mais pas transmise à data·inclusion)."));
	}

	@Test
	void putsAPhoneWithSpacesInInternationalFormat() {
		Map<String, Object> values = validRecord();
		values.put("telephone", "+33 1 80 05 98 80");
		RecordOutcome outcome = normalize(values);
		assertThat(accepted(outcome).phone()).isEqualTo("+33180059880");
		assertThat(warnedFields(outcome)).containsExactly("telephone");
	}

	@Test
	void putsANationalPhoneInInternationalFormat() {
		Map<String, Object> values = validRecord();
		values.put("telephone", "04.72.77.00.66");
		RecordOutcome outcome = normalize(values);
		assertThat(accepted(outcome).phone()).isEqualTo("+33472770066");
		assertThat(outcome.warnings()).singleElement()
			.satisfies(w -> assertThat(w.valeur()).isEqualTo("04.72.77.00.66"));
	}

	@Test
	void dropsAnUnrecognisablePhoneButReportsItsValue() {
		Map<String, Object> values = validRecord();
		values.put("telephone", "voir site web");
		RecordOutcome outcome = normalize(values);
		assertThat(accepted(outcome).phone()).isNull();
		assertThat(outcome.warnings()).singleElement().satisfies(w -> {
			assertThat(w.champ()).isEqualTo("telephone");
			assertThat(w.valeur()).isEqualTo("voir site web");
			assertThat(w.ligne()).isEqualTo(2);
		});
	}

	@Test
	void restoresTheLeadingZeroAPostcodeLost() {
		Map<String, Object> values = validRecord();
		values.put("commune", "Arboys en Bugey");
		values.put("code_postal", new BigDecimal("1300"));
		values.put("code_insee", new BigDecimal("1015"));
		values.put("latitude", new BigDecimal("45.7245"));
		values.put("longitude", new BigDecimal("5.6497"));
		RecordOutcome outcome = normalizeJson(values);
		Place place = accepted(outcome);
		assertThat(place.postalCode()).isEqualTo("01300");
		assertThat(place.codeInsee()).isEqualTo("01015");
		assertThat(place.departement()).isEqualTo("01");
		assertThat(warnedFields(outcome)).containsExactly("code_postal", "code_insee");
	}

	@Test
	void convertsCoordinatesWrittenAsTextInJson() {
		RecordOutcome outcome = normalizeJson(validRecord());
		assertThat(accepted(outcome).coordinates().longitude()).isEqualTo(4.03);
		assertThat(warnedFields(outcome)).containsExactly("latitude", "longitude");
	}

	@Test
	void takesCoordinatesFromTheGeoJsonGeometryWhenPropertiesHaveNone() {
		Map<String, Object> values = validRecord();
		values.remove("latitude");
		values.remove("longitude");
		values.put(JsonRecordReader.GEOMETRY_LATITUDE, new BigDecimal("49.2541"));
		values.put(JsonRecordReader.GEOMETRY_LONGITUDE, new BigDecimal("4.0278"));
		RecordOutcome outcome = normalizeJson(values);
		assertThat(accepted(outcome).coordinates().latitude()).isEqualTo(49.2541);
		assertThat(outcome.warnings()).isEmpty();
	}

	@Test
	void dropsCoordinatesOutOfRangeThenPlacesThePlaceAtItsCommuneCentre() {
		Map<String, Object> values = validRecord();
		values.put("latitude", "495.2");
		RecordOutcome outcome = normalize(values);
		assertThat(accepted(outcome).geocoding()).isEqualTo(Geocoding.COMMUNE_CENTRE);
		assertThat(warnedFields(outcome)).containsExactly("latitude", "latitude");
	}

	@Test
	void removesStraySpacesAndSaysSo() {
		Map<String, Object> values = validRecord();
		values.put("nom", "  Mairie  de   Soyaux ");
		RecordOutcome outcome = normalize(values);
		assertThat(accepted(outcome).name()).isEqualTo("Mairie de Soyaux");
		assertThat(outcome.warnings()).singleElement()
			.satisfies(w -> assertThat(w.message()).isEqualTo("Espaces superflus supprimés."));
	}

	@Test
	void keepsAPlaceWhosePivotIsThePlaceholderButForgetsThePlaceholder() {
		Map<String, Object> values = validRecord();
		values.put("pivot", "00000000000000");
		RecordOutcome outcome = normalize(values);
		assertThat(accepted(outcome).pivot()).isNull();
		assertThat(warnedFields(outcome)).containsExactly("pivot");
	}

	@Test
	void removesSpacesFromASiret() {
		Map<String, Object> values = validRecord();
		values.put("pivot", "401 092 267 00020");
		RecordOutcome outcome = normalize(values);
		assertThat(accepted(outcome).pivot()).isEqualTo("40109226700020");
		assertThat(warnedFields(outcome)).containsExactly("pivot");
	}

	@Test
	void treatsThePlaceholderUpdateDateAsUnknown() {
		Map<String, Object> values = validRecord();
		values.put("date_maj", "1969-12-31");
		RecordOutcome outcome = normalize(values);
		assertThat(accepted(outcome).updatedOn()).isNull();
		assertThat(warnedFields(outcome)).containsExactly("date_maj");
	}

	@Test
	void dropsInvalidOpeningHoursButKeepsThemInTheReport() {
		Map<String, Object> values = validRecord();
		values.put("horaires", "Tu-Th 08:45-13:45; Mo 08:45-12:00-13:45");
		RecordOutcome outcome = normalize(values);
		assertThat(accepted(outcome).openingHours()).isNull();
		assertThat(outcome.warnings()).singleElement().satisfies(w -> {
			assertThat(w.champ()).isEqualTo("horaires");
			assertThat(w.valeur()).isEqualTo("Tu-Th 08:45-13:45; Mo 08:45-12:00-13:45");
		});
	}

	@Test
	void keepsOpeningHoursThatRunPastMidnight() {
		Map<String, Object> values = validRecord();
		values.put("horaires", "Fr 19:00-11:00");
		RecordOutcome outcome = normalize(values);
		assertThat(accepted(outcome).openingHours()).isEqualTo("Fr 19:00-11:00");
		assertThat(outcome.warnings()).isEmpty();
	}

	@Test
	void rejectsARecordWithoutItsRequiredFieldsAndNamesEachOne() {
		Map<String, Object> values = validRecord();
		values.remove("nom");
		values.put("adresse", "   ");
		RecordOutcome outcome = normalize(values);
		assertThat(outcome).isInstanceOf(RecordOutcome.Rejected.class);
		assertThat(((RecordOutcome.Rejected) outcome).errors()).extracting(ImportIssue::champ)
			.containsExactly("nom", "adresse");
		assertThat(((RecordOutcome.Rejected) outcome).errors())
			.allSatisfy(e -> assertThat(e.message()).startsWith("Champ obligatoire manquant"));
	}

	@Test
	void rejectsAnUnreadableUpdateDate() {
		Map<String, Object> values = validRecord();
		values.put("date_maj", "le 3 mars");
		RecordOutcome outcome = normalize(values);
		assertThat(outcome).isInstanceOf(RecordOutcome.Rejected.class);
		assertThat(((RecordOutcome.Rejected) outcome).errors()).singleElement().satisfies(e -> {
			assertThat(e.champ()).isEqualTo("date_maj");
			assertThat(e.valeur()).isEqualTo("le 3 mars");
			assertThat(e.message()).contains("AAAA-MM-JJ");
		});
	}

	@Test
	void rejectsAnUpdateDateInTheFuture() {
		Map<String, Object> values = validRecord();
		values.put("date_maj", "2031-01-01");
		assertThat(normalize(values)).isInstanceOf(RecordOutcome.Rejected.class);
	}

	@Test
	void rejectsAPostcodeThatIsNotFiveDigits() {
		Map<String, Object> values = validRecord();
		values.put("code_postal", "REIMS");
		RecordOutcome outcome = normalize(values);
		assertThat(outcome).isInstanceOf(RecordOutcome.Rejected.class);
		assertThat(((RecordOutcome.Rejected) outcome).errors()).extracting(ImportIssue::champ)
			.containsExactly("code_postal");
	}

	@Test
	void mapsVersion01ValuesToVersion1ByTheDocumentedTable() {
		Map<String, Object> values = validRecord();
		values.put("services", "Réaliser des démarches administratives avec un accompagnement;"
				+ "Prendre en main un ordinateur;Accéder à du matériel");
		values.put("publics_accueillis", "Seniors (+ 65 ans);Adultes;Surdité;"
				+ "Handicaps psychiques : troubles psychiatriques donnant lieu à des atteintes comportementales");
		values.put("conditions_acces", "Gratuit : Je peux accéder gratuitement au lieu et à ses services");
		values.put("labels_nationaux", "CNFS;France Services;APTIC;Fabriques de Territoire");
		values.put("labels_autres", "SudLabs");
		values.put("modalites_accompagnement",
				"Seul : j'ai accès à du matériel et une connexion;A ma place : une personne habilitée fait les démarches à ma place");
		values.put("courriel", "contact@laquincaillerie.tl");
		RecordOutcome outcome = normalize(values);
		Place place = accepted(outcome);
		assertThat(outcome.warnings()).isEmpty();
		assertThat(place.services()).containsExactly(MediationService.ADMINISTRATIVE_PROCEDURES,
				MediationService.EVERYDAY_DIGITAL_TOOLS, MediationService.INTERNET_AND_EQUIPMENT_ACCESS);
		assertThat(place.publics()).containsExactly(SpecificPublic.SENIORS);
		assertThat(place.specificSupports()).containsExactly(SpecificSupport.DEAFNESS,
				SpecificSupport.MENTAL_DISABILITIES);
		assertThat(place.fees()).containsExactly(Fee.FREE);
		assertThat(place.nationalPrograms()).containsExactly(NationalProgram.CONSEILLERS_NUMERIQUES,
				NationalProgram.FRANCE_SERVICES);
		assertThat(place.trainingLabels()).containsExactly(TrainingLabel.FABRIQUES_DE_TERRITOIRE);
		assertThat(place.otherLabels()).isEqualTo("SudLabs|APTIC");
		assertThat(place.supportModes()).containsExactly(SupportMode.SELF_SERVICE, SupportMode.INDIVIDUAL);
		assertThat(place.emails()).containsExactly("contact@laquincaillerie.tl");
	}

	@Test
	void acceptsTheSpellingsOfTheStandardsOwnDescriptionsWithoutWarning() {
		Map<String, Object> values = validRecord();
		values.put("formations_labels", "Étapes numériques (La Poste)|Étapes numériques(La Poste)");
		values.put("dispositif_programmes_nationaux", "Point d’accès numérique CAF");
		values.put("modalites_acces", "Ce lieu n’accueille pas de public");
		values.put("services", "Comprehension du monde numérique");
		RecordOutcome outcome = normalize(values);
		Place place = accepted(outcome);
		assertThat(outcome.warnings()).isEmpty();
		assertThat(place.trainingLabels()).containsExactly(TrainingLabel.ETAPES_NUMERIQUES);
		assertThat(place.nationalPrograms()).containsExactly(NationalProgram.CAF_DIGITAL_ACCESS_POINT);
		assertThat(place.accessModes()).containsExactly(AccessMode.NO_PUBLIC_RECEPTION);
		assertThat(place.services()).containsExactly(MediationService.UNDERSTANDING_DIGITAL_WORLD);
	}

	@Test
	void correctsCaseAndAccentsOfAKnownValueAndSaysSo() {
		Map<String, Object> values = validRecord();
		values.put("frais_a_charge", "gratuit sous condition");
		RecordOutcome outcome = normalize(values);
		assertThat(accepted(outcome).fees()).containsExactly(Fee.FREE_UNDER_CONDITIONS);
		assertThat(outcome.warnings()).singleElement()
			.satisfies(w -> assertThat(w.message()).contains("Gratuit sous condition"));
	}

	@Test
	void dropsAnUnknownValueOfAClosedListAndReportsIt() {
		Map<String, Object> values = validRecord();
		values.put("services", "Aide aux démarches administratives|Cours de cuisine");
		RecordOutcome outcome = normalize(values);
		assertThat(accepted(outcome).services()).containsExactly(MediationService.ADMINISTRATIVE_PROCEDURES);
		assertThat(outcome.warnings()).singleElement()
			.satisfies(w -> assertThat(w.valeur()).isEqualTo("Cours de cuisine"));
	}

	@Test
	void shortensATooLongSummaryAndKeepsTheFullTextAsDescription() {
		Map<String, Object> values = validRecord();
		String longSummary = "Un très long résumé. ".repeat(20).strip();
		values.put("presentation_resume", longSummary);
		RecordOutcome outcome = normalize(values);
		Place place = accepted(outcome);
		assertThat(place.summary()).hasSizeLessThanOrEqualTo(280).endsWith("…");
		assertThat(place.description()).isEqualTo(longSummary);
		assertThat(warnedFields(outcome)).containsExactly("presentation_resume");
	}

	@Test
	void readsAFrenchDateAndSaysItConvertedIt() {
		Map<String, Object> values = validRecord();
		values.put("date_maj", "02/04/2024");
		RecordOutcome outcome = normalize(values);
		assertThat(accepted(outcome).updatedOn()).isEqualTo(LocalDate.of(2024, 4, 2));
		assertThat(warnedFields(outcome)).containsExactly("date_maj");
	}

	@Test
	void derivesTheInseeCodeFromThePostcodeAndTheCommuneName() {
		Map<String, Object> values = validRecord();
		values.remove("code_insee");
		values.put("commune", "REIMS");
		RecordOutcome outcome = normalize(values);
		assertThat(accepted(outcome).codeInsee()).isEqualTo("51454");
		assertThat(outcome.warnings()).isEmpty();
	}

	@Test
	void derivesTheArrondissementOfLyonFromItsPostcode() {
		Map<String, Object> values = validRecord();
		values.remove("code_insee");
		values.put("commune", "Lyon");
		values.put("code_postal", "69002");
		values.put("latitude", "45.7441");
		values.put("longitude", "4.8218");
		RecordOutcome outcome = normalize(values);
		assertThat(accepted(outcome).codeInsee()).isEqualTo("69382");
		assertThat(accepted(outcome).departement()).isEqualTo("69");
	}

	@Test
	void replacesAFormerInseeCodeWithTheCurrentOneAndSaysSo() {
		Map<String, Object> values = validRecord();
		values.put("code_insee", "01340");
		values.put("code_postal", "01300");
		values.put("latitude", "45.7245");
		values.put("longitude", "5.6497");
		RecordOutcome outcome = normalize(values);
		assertThat(accepted(outcome).codeInsee()).isEqualTo("01015");
		assertThat(outcome.warnings()).singleElement().satisfies(w -> assertThat(w.message()).contains("01015"));
	}

	@Test
	void warnsWhenTheInseeCodeAndThePostcodeDisagree() {
		Map<String, Object> values = validRecord();
		values.put("code_insee", "69266");
		values.put("latitude", "45.7707");
		values.put("longitude", "4.8902");
		RecordOutcome outcome = normalize(values);
		assertThat(accepted(outcome).codeInsee()).isEqualTo("69266");
		assertThat(outcome.warnings()).singleElement().satisfies(w -> {
			assertThat(w.champ()).isEqualTo("code_insee");
			assertThat(w.message()).contains("incohérent avec le code postal 51100");
		});
	}

	@Test
	void warnsWhenCoordinatesAreFarFromTheCommune() {
		Map<String, Object> values = validRecord();
		values.put("latitude", "43.52609");
		values.put("longitude", "5.41423");
		RecordOutcome outcome = normalize(values);
		assertThat(accepted(outcome).coordinates().latitude()).isEqualTo(43.52609);
		assertThat(outcome.warnings()).singleElement()
			.satisfies(w -> assertThat(w.message()).contains("km du centre de Reims"));
	}

	@Test
	void placesAPlaceWithoutCoordinatesAtItsCommuneCentreAndSaysSo() {
		Map<String, Object> values = validRecord();
		values.remove("latitude");
		values.remove("longitude");
		RecordOutcome outcome = normalize(values);
		Place place = accepted(outcome);
		assertThat(place.coordinates().latitude()).isEqualTo(49.2484);
		assertThat(place.geocoding()).isEqualTo(Geocoding.COMMUNE_CENTRE);
		assertThat(outcome.warnings()).singleElement()
			.satisfies(w -> assertThat(w.message()).contains("approximative"));
	}

	// --- issue 14: web addresses take http(s) only, every field has a length limit

	@org.junit.jupiter.params.ParameterizedTest
	@org.junit.jupiter.params.provider.ValueSource(strings = { "javascript:alert(1)", "JavaScript:alert(1)",
			"  javascript:alert(1)", "\t\njavascript:alert(1)", "data:text/html,<script>alert(1)</script>",
			"vbscript:msgbox(1)", "//evil.example/rdv", "javascript&#58;alert(1)", "%6Aavascript:alert(1)" })
	void dropsEveryWebAddressThatIsNotHttpAndSaysSo(String address) {
		for (String field : List.of("prise_rdv", "site_web", "fiche_acces_libre")) {
			Map<String, Object> values = validRecord();
			values.put(field, address);
			RecordOutcome outcome = normalize(values);
			Place place = accepted(outcome);
			assertThat(place.appointmentUrl()).isNull();
			assertThat(place.websites()).isEmpty();
			assertThat(place.accessibilitySheetUrl()).isNull();
			assertThat(outcome.warnings()).filteredOn(w -> w.champ().equals(field)).anySatisfy(w -> {
				assertThat(w.ligne()).isEqualTo(2L);
				assertThat(w.message()).contains("Adresse web invalide");
				assertThat(w.valeur()).isNotBlank();
			});
		}
	}

	@Test
	void keepsHttpAppointmentAndAccessibilityAddresses() {
		Map<String, Object> values = validRecord();
		values.put("prise_rdv", "https://rdv.anct.gouv.fr/lieu/12");
		values.put("fiche_acces_libre", "https://acceslibre.beta.gouv.fr/app/69-lyon/a/mairie/erp/mairie/");
		values.put("site_web", "https://www.example.fr|javascript:alert(1)");
		Place place = accepted(normalize(values));
		assertThat(place.appointmentUrl()).isEqualTo("https://rdv.anct.gouv.fr/lieu/12");
		assertThat(place.accessibilitySheetUrl()).startsWith("https://acceslibre.beta.gouv.fr/");
		assertThat(place.websites()).containsExactly("https://www.example.fr");
	}

	@Test
	void rejectsARecordWhoseRequiredFieldIsTooLongWithOneReason() {
		for (String field : List.of("nom", "adresse", "commune", "id")) {
			Map<String, Object> values = validRecord();
			values.put(field, "x".repeat(5_000_000));
			RecordOutcome outcome = normalize(values);
			assertThat(outcome).as(field).isInstanceOf(RecordOutcome.Rejected.class);
			assertThat(((RecordOutcome.Rejected) outcome).errors()).singleElement().satisfies(e -> {
				assertThat(e.champ()).isEqualTo(field);
				assertThat(e.message()).contains("Texte trop long").contains("5000000 caractères");
				// the report does not copy megabytes
				assertThat(e.valeur()).hasSize(RecordNormalizer.ISSUE_VALUE_LENGTH);
			});
		}
	}

	@Test
	void keepsANameOfTheLimitAndRejectsOneCharacterMore() {
		Map<String, Object> values = validRecord();
		values.put("nom", "n".repeat(250));
		assertThat(accepted(normalize(values)).name()).hasSize(250);
		values.put("nom", "n".repeat(251));
		assertThat(normalize(values)).isInstanceOf(RecordOutcome.Rejected.class);
	}

	@Test
	void dropsATooLongOptionalFieldAndKeepsThePlace() {
		Map<String, Object> values = validRecord();
		values.put("presentation_detail", "d".repeat(5_001));
		values.put("complement_adresse", "c".repeat(251));
		values.put("horaires", "Mo-Fr 09:00-12:00; ".repeat(200));
		values.put("publics_accueillis", "Jeunes;".repeat(1_000));
		RecordOutcome outcome = normalize(values);
		Place place = accepted(outcome);
		assertThat(place.description()).isNull();
		assertThat(place.addressComplement()).isNull();
		assertThat(place.openingHours()).isNull();
		assertThat(warnedFields(outcome)).contains("presentation_detail", "complement_adresse", "horaires",
				"publics_accueillis");
		assertThat(outcome.warnings()).allSatisfy(w -> assertThat(w.message()).contains("Texte trop long"));
	}

	@Test
	void dropsASummaryTooLongEvenForTheDescription() {
		Map<String, Object> values = validRecord();
		values.put("presentation_resume", "r".repeat(5_001));
		RecordOutcome outcome = normalize(values);
		Place place = accepted(outcome);
		assertThat(place.summary()).isNull();
		assertThat(place.description()).isNull();
		assertThat(warnedFields(outcome)).containsExactly("presentation_resume");
	}

}
