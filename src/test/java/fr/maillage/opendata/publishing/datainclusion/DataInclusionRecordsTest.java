package fr.maillage.opendata.publishing.datainclusion;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import fr.maillage.places.Place;
import fr.maillage.places.PlaceOrigin;
import fr.maillage.places.vocabulary.AccessMode;
import fr.maillage.places.vocabulary.Fee;
import fr.maillage.places.vocabulary.MediationService;
import fr.maillage.places.vocabulary.SpecificPublic;
import fr.maillage.places.vocabulary.SpecificSupport;
import fr.maillage.places.vocabulary.SupportMode;
import fr.maillage.places.vocabulary.Typologies;
import fr.maillage.shared.geo.Coordinates;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The data·inclusion mapping as rules (docs/data-inclusion.md): each table's values
 * belong to data·inclusion's own reference lists (copied in
 * {@code src/main/resources/data-inclusion-v1/extra}), and the rules that choose fees,
 * publics, type and who may mobilise read as a table.
 */
class DataInclusionRecordsTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	static Set<String> referential(String name) {
		try (InputStream in = DataInclusionRecordsTest.class
			.getResourceAsStream("/data-inclusion-v1/extra/" + name + ".json")) {
			List<String> values = new ArrayList<>();
			JSON.readTree(in).forEach(item -> values.add(item.get("value").asString()));
			return Set.copyOf(values);
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
	}

	static Set<String> structureNetworks() {
		try (InputStream in = DataInclusionRecordsTest.class.getResourceAsStream("/data-inclusion-v1/structure.json")) {
			JsonNode values = JSON.readTree(in).at("/$defs/ReseauPorteur/enum");
			List<String> networks = new ArrayList<>();
			values.forEach(value -> networks.add(value.asString()));
			return Set.copyOf(networks);
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
	}

	private static Set<String> flat(Collection<List<String>> lists) {
		return lists.stream().flatMap(List::stream).collect(Collectors.toSet());
	}

	@Test
	void everyNationalServiceHasThematiquesOfDataInclusion() {
		assertThat(DataInclusionRecords.THEMATIQUES).containsOnlyKeys(MediationService.values());
		assertThat(referential("thematiques")).containsAll(flat(DataInclusionRecords.THEMATIQUES.values()));
	}

	@Test
	void everyOtherValueWrittenIsInDataInclusionsReferentials() {
		assertThat(referential("publics")).containsAll(DataInclusionRecords.PUBLICS.values())
			.contains("tous-publics", "personnes-en-situation-de-handicap");
		assertThat(DataInclusionRecords.PUBLICS).containsOnlyKeys(SpecificPublic.values());
		assertThat(referential("modes-mobilisation")).containsAll(DataInclusionRecords.MOBILISATION.values())
			.contains("utiliser-lien-mobilisation");
		assertThat(referential("types-de-services")).contains("atelier", "aide-materielle", "accompagnement");
		assertThat(referential("frais")).contains("gratuit", "payant");
		assertThat(referential("modes-accueil")).contains("en-presentiel", "a-distance");
		assertThat(referential("personnes-mobilisatrices")).contains("professionnels", "usagers");
		assertThat(structureNetworks()).containsAll(DataInclusionRecords.PROGRAM_NETWORKS.values())
			.containsAll(DataInclusionRecords.TYPOLOGY_NETWORKS.values());
		assertThat(Typologies.KNOWN_CODES).containsAll(DataInclusionRecords.TYPOLOGY_NETWORKS.keySet());
	}

	@Test
	void themesAreWrittenOnceInTheServicesOrder() {
		assertThat(DataInclusionRecords.thematiques(List.of(MediationService.ADMINISTRATIVE_PROCEDURES,
				MediationService.EVERYDAY_DIGITAL_TOOLS, MediationService.SAFE_DIGITAL_USE)))
			.containsExactly("numerique--acceder-a-des-services-en-ligne",
					"difficultes-administratives-ou-juridiques--accompagnement-aux-demarches-administratives",
					"numerique--maitriser-les-fondamentaux-du-numerique");
	}

	@ParameterizedTest(name = "frais {0} → {1}")
	@CsvSource(nullValues = "-", value = { "-, -", "FREE, gratuit", "FREE_UNDER_CONDITIONS, gratuit", "PAID, payant",
			"FREE PAID, payant", "FREE_UNDER_CONDITIONS PAID, payant" })
	void feesArePaidAsSoonAsSomethingCosts(String fees, String expected) {
		List<Fee> values = fees == null ? List.of() : List.of(fees.split(" ")).stream().map(Fee::valueOf).toList();
		assertThat(DataInclusionRecords.fees(values)).isEqualTo(expected);
	}

	@ParameterizedTest(name = "publics {0} / prise en charge {1} → {2}")
	@CsvSource(nullValues = "-",
			value = { "-, -, tous-publics", "SENIORS, -, seniors", "YOUTH STUDENTS, -, jeunes etudiants",
					"-, ENGLISH, tous-publics", "-, DEAFNESS, personnes-en-situation-de-handicap",
					"WOMEN, VISUAL_IMPAIRMENT ILLITERACY, femmes personnes-en-situation-de-handicap" })
	void publicsAreEveryoneUnlessTheLieuNamesSome(String publics, String supports, String expected) {
		Place place = place(builder -> {
			builder.publics = publics == null ? List.of()
					: List.of(publics.split(" ")).stream().map(SpecificPublic::valueOf).toList();
			builder.supports = supports == null ? List.of()
					: List.of(supports.split(" ")).stream().map(SpecificSupport::valueOf).toList();
		});
		assertThat(DataInclusionRecords.publics(place)).containsExactly(expected.split(" "));
	}

	@ParameterizedTest(name = "modalités {0}, services {1} → {2}")
	@CsvSource(nullValues = "-",
			value = { "-, ADMINISTRATIVE_PROCEDURES, accompagnement", "GROUP_WORKSHOP, EVERYDAY_DIGITAL_TOOLS, atelier",
					"GROUP_WORKSHOP INDIVIDUAL, EVERYDAY_DIGITAL_TOOLS, accompagnement",
					"-, INTERNET_AND_EQUIPMENT_ACCESS AFFORDABLE_EQUIPMENT, aide-materielle",
					"SELF_SERVICE, INTERNET_AND_EQUIPMENT_ACCESS ADMINISTRATIVE_PROCEDURES, accompagnement" })
	void theTypeIsAWorkshopOnlyWhenHelpIsOnlyInGroups(String modes, String services, String expected) {
		Place place = place(builder -> {
			builder.supportModes = modes == null ? List.of()
					: List.of(modes.split(" ")).stream().map(SupportMode::valueOf).toList();
			builder.services = List.of(services.split(" ")).stream().map(MediationService::valueOf).toList();
		});
		assertThat(DataInclusionRecords.type(place)).isEqualTo(expected);
	}

	@ParameterizedTest(name = "accès {0} → {1}")
	@CsvSource(nullValues = "-", value = { "-, professionnels usagers", "WALK_IN PHONE, professionnels usagers",
			"PRESCRIPTION_BY_EMAIL, professionnels", "PRESCRIPTION_BY_EMAIL WALK_IN, professionnels usagers" })
	void aPersonMayComeHerselfUnlessOnlyAPrescriptionOpensTheDoor(String access, String expected) {
		Place place = place(builder -> builder.accessModes = access == null ? List.of()
				: List.of(access.split(" ")).stream().map(AccessMode::valueOf).toList());
		assertThat(DataInclusionRecords.mobilisableBy(place)).containsExactly(expected.split(" "));
	}

	@Test
	void anOnlineAppointmentIsALinkOnlyWhenTheLieuGivesOne() {
		Place withLink = place(builder -> {
			builder.accessModes = List.of(AccessMode.ONLINE_APPOINTMENT, AccessMode.PHONE);
			builder.appointmentUrl = "https://rdv.exemple.fr/mediatheque";
		});
		assertThat(DataInclusionRecords.mobilisation(withLink)).containsExactly("utiliser-lien-mobilisation",
				"telephoner");
		assertThat(DataInclusionRecords.service(withLink, "https://maillage.exemple.fr/lieux/x"))
			.containsEntry("lien_mobilisation", "https://rdv.exemple.fr/mediatheque");
		Place withoutLink = place(builder -> builder.accessModes = List.of(AccessMode.ONLINE_APPOINTMENT));
		assertThat(DataInclusionRecords.mobilisation(withoutLink)).isNull();
	}

	@Test
	void namesFitDataInclusionsBounds() {
		assertThat(DataInclusionRecords.name("Médiathèque.")).isEqualTo("Médiathèque");
		assertThat(DataInclusionRecords.name("EPN")).isEqualTo("EPN");
		assertThat(DataInclusionRecords.name("AB")).isEqualTo("Lieu de médiation numérique « AB »");
		assertThat(DataInclusionRecords.name("x".repeat(200))).hasSize(150).endsWith("…");
	}

	@Test
	void aServiceAlwaysHasADescriptionAndALieuWithoutServiceHasNoService() {
		Place plain = place(builder -> builder.services = List.of(MediationService.ADMINISTRATIVE_PROCEDURES,
				MediationService.AFFORDABLE_EQUIPMENT));
		Map<String, Object> service = DataInclusionRecords.service(plain, "https://maillage.exemple.fr/lieux/x");
		assertThat(service).containsEntry("nom", "Médiation numérique")
			.containsEntry("id", "maillage--" + plain.id())
			.containsEntry("structure_id", "maillage--" + plain.id())
			.containsEntry("description",
					"Aide au numérique proposée ici : Faire mes démarches en ligne ; Acheter un ordinateur ou un téléphone à petit prix.");
		assertThat(DataInclusionRecords.service(place(builder -> builder.services = List.of()), "u")).isNull();
	}

	@Test
	void theAddressGivenIsTheFirstThatDataInclusionCanTake() {
		assertThat(DataInclusionRecords.mailbox(List.of("chambéry@accorderie.fr", "contact@accorderie.fr")))
			.isEqualTo("contact@accorderie.fr");
		assertThat(DataInclusionRecords.mailbox(List.of("chambéry@accorderie.fr"))).isNull();
		assertThat(DataInclusionRecords
			.mailbox(List.of("genevois@france-services.gouv", "genevois@france-services.gouv.fr")))
			.isEqualTo("genevois@france-services.gouv.fr");
		assertThat(DataInclusionRecords.mailbox(List.of())).isNull();
	}

	@Test
	void aSiretIsGivenOnlyWhenThePivotIsOne() {
		assertThat(DataInclusionRecords.siret("21160374900011")).isEqualTo("21160374900011");
		assertThat(DataInclusionRecords.siret("00000000000000")).isNull();
		assertThat(DataInclusionRecords.siret("W161000123")).isNull();
		assertThat(DataInclusionRecords.siret(null)).isNull();
	}

	/** The fields these rules read; everything else as a plain lieu of Soyaux. */
	static final class Builder {

		List<MediationService> services = List.of(MediationService.ADMINISTRATIVE_PROCEDURES);

		List<SpecificPublic> publics = List.of();

		List<SpecificSupport> supports = List.of();

		List<SupportMode> supportModes = List.of();

		List<AccessMode> accessModes = List.of();

		String appointmentUrl;

	}

	static Place place(java.util.function.Consumer<Builder> change) {
		Builder builder = new Builder();
		change.accept(builder);
		return new Place(new PlaceOrigin("hub", "1"), null, "Mairie de Soyaux", "Soyaux", "16800", "16374",
				"235 avenue du Général de Gaulle", null, new Coordinates(45.641629, 0.192714), List.of(), null,
				List.of(), List.of(), null, null, null, null, List.of(), null, LocalDate.of(2023, 1, 10),
				builder.services, builder.publics, builder.supports, List.of(), List.of(), List.of(), null,
				builder.accessModes, builder.supportModes, null, builder.appointmentUrl, null,
				Instant.parse("2026-11-02T08:00:00Z"));
	}

}
