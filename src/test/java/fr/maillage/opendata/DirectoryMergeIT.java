package fr.maillage.opendata;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import fr.maillage.places.PlaceDirectory;
import fr.maillage.testing.ApiClient;
import fr.maillage.testing.EmptyDirectoryApiTest;
import fr.maillage.testing.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Issue 5 on the real Charente file (188 records from 5 producers): the published
 * directory is the merge of the records, each lieu says which records it merges and where
 * each value comes from, and people's decisions on pairs change the directory at once and
 * on every later run.
 */
class DirectoryMergeIT extends EmptyDirectoryApiTest {

	private static final String CHARENTE = "20230711-charente-lieux-de-mediation-numeriques-nouvelle-aquitaine.json";

	@Autowired
	PublishedDirectory publishedDirectory;

	@Autowired
	PlaceDirectory places;

	@BeforeEach
	void importCharente() {
		assertThat(api.importFile("charente", CHARENTE, Fixtures.lieux(CHARENTE)).status()).isEqualTo(201);
	}

	private int publishedCount() {
		return api.get("/api/v1/lieux?taille=1").json().get("total").asInt();
	}

	private JsonNode lieuNamed(String name) {
		for (JsonNode lieu : api.get("/api/v1/lieux?taille=500&q=" + fr.maillage.testing.ApiClient.encode(name))
			.json()
			.get("lieux")) {
			if (lieu.get("nom").asString().equals(name)) {
				return lieu;
			}
		}
		throw new AssertionError("no lieu named " + name);
	}

	@Test
	void recordsOfTheSamePlaceArePublishedAsOneLieuListingItsSources() {
		// 17 records are another producer's record of a place already listed (since issue
		// 15, « CSCS FLEP » is known as the acronym of the Foyer Laïque Éducation
		// Permanente)
		assertThat(publishedCount()).isEqualTo(171);
		JsonNode apej = lieuNamed("APEJ");
		List<String> sources = new ArrayList<>();
		apej.get("sources").forEach(source -> {
			assertThat(source.get("source").asString()).isEqualTo("charente");
			sources.add(source.get("id").asString());
		});
		// the conseiller-numerique, aidants-connect and dora records of 72 rue de Pons
		assertThat(sources).hasSize(3);
		// a lieu of one record lists that record
		assertThat(lieuNamed("Service Info 16").get("sources")).hasSize(1);
		// every record is in exactly one lieu
		assertThat(jdbc.sql("select count(*) from lieu_membre").query(Integer.class).single()).isEqualTo(188);
		// any of the merged records' ids still leads to the lieu
		for (String producerId : sources) {
			String recordId = new fr.maillage.places.PlaceOrigin("charente", producerId).placeId();
			assertThat(api.get("/api/v1/lieux/" + recordId).json().get("id").asString())
				.isEqualTo(apej.get("id").asString());
		}
	}

	@Test
	void theProvenanceKeepsEveryValueAndSaysWhichWasKept() {
		JsonNode apej = lieuNamed("APEJ");
		JsonNode provenance = api.get("/api/v1/lieux/" + apej.get("id").asString() + "/provenance").json();

		assertThat(provenance.get("sources")).hasSize(3);
		JsonNode names = provenance.get("champs").get("nom");
		assertThat(names).hasSize(3);
		List<String> kept = new ArrayList<>();
		List<String> lost = new ArrayList<>();
		names.forEach(value -> (value.get("retenue").asBoolean() ? kept : lost).add(value.get("valeur").asString()));
		assertThat(kept).containsOnly("APEJ");
		// the losing value is not dropped
		assertThat(lost).containsExactly("APEJ COGNAC");
		// the kept name is the most recent record's
		LocalDate newest = LocalDate.MIN;
		String newestName = null;
		for (JsonNode value : names) {
			LocalDate date = LocalDate.parse(value.get("date_maj").asString());
			if (date.isAfter(newest)) {
				newest = date;
				newestName = value.get("valeur").asString();
			}
		}
		assertThat(newestName).isEqualTo("APEJ");
		assertThat(apej.get("date_maj").asString()).isEqualTo(newest.toString());
		// list fields are united: every service of every record is published
		List<String> published = new ArrayList<>();
		apej.get("services").forEach(service -> published.add(service.asString()));
		provenance.get("champs").get("services").forEach(value -> {
			for (String service : value.get("valeur").asString().split("\\|")) {
				assertThat(published).contains(service);
			}
		});
	}

	@Test
	void aDecisionOnAPairOfTheQueueChangesTheDirectoryAndIsReappliedOnEveryRun() {
		assertThat(api.get("/api/v1/doublons").status()).isEqualTo(401);
		JsonNode queue = api.getAsAdmin("/api/v1/doublons?statut=a_examiner").json();
		int queued = queue.get("total").asInt();
		assertThat(queued).isPositive();
		JsonNode pair = queue.get("doublons").get(0);
		assertThat(pair.get("score").asInt()).isBetween(60, 79);
		assertThat(pair.get("lieux")).hasSize(2);
		// a coordinator sees the pairs of the territory
		assertThat(api.getAsAdmin("/api/v1/doublons?departement=16").json().get("total").asInt()).isEqualTo(queued);
		assertThat(api.getAsAdmin("/api/v1/doublons?departement=69").json().get("total").asInt()).isZero();
		int before = publishedCount();

		JsonNode decided = api
			.postJsonAsAdmin("/api/v1/doublons/" + pair.get("id").asString() + "/decision",
					"{\"decision\": \"fusionner\", \"auteur\": \"Coordination Charente\"}")
			.json();

		assertThat(decided.get("statut").asString()).isEqualTo("fusionner");
		assertThat(decided.get("auteur").asString()).isEqualTo("Coordination Charente");
		assertThat(decided.get("decide_le").isNull()).isFalse();
		assertThat(publishedCount()).isEqualTo(before - 1);
		assertEveryRecordBelongsToOnePublishedLieu();
		// the pair leaves the queue, with any other pair that is now inside one lieu
		assertThat(api.getAsAdmin("/api/v1/doublons").json().get("total").asInt()).isBetween(0, queued - 1);
		assertThat(api.getAsAdmin("/api/v1/doublons?statut=fusionner").json().get("total").asInt()).isEqualTo(1);

		// a later run of the source keeps the decision
		byte[] changed = new String(Fixtures.lieux(CHARENTE), java.nio.charset.StandardCharsets.UTF_8)
			.replace("\"Service Info 16\"", "\"Service Info 16 (Angoulême)\"")
			.getBytes(java.nio.charset.StandardCharsets.UTF_8);
		JsonNode report = api.importFile("charente", CHARENTE, changed).json();
		assertThat(report.get("modifiees").asInt()).isEqualTo(1);
		assertThat(publishedCount()).isEqualTo(before - 1);

		// someone deciding otherwise on the same pair is told, not silently followed
		var conflict = api.postJsonAsAdmin("/api/v1/doublons/" + pair.get("id").asString() + "/decision",
				"{\"decision\": \"distincts\", \"auteur\": \"Autre personne\"}");
		assertThat(conflict.status()).isEqualTo(409);
		assertThat(conflict.json().get("message").asString()).contains("Coordination Charente");
		assertThat(publishedCount()).isEqualTo(before - 1);
	}

	@Test
	void aPersonCanSplitAnAutomaticMerge() {
		JsonNode lieu = lieuNamed("LES QUATRE ROUTES");
		assertThat(lieu.get("sources")).hasSize(2);
		int before = publishedCount();
		String first = new fr.maillage.places.PlaceOrigin("charente", lieu.get("sources").get(0).get("id").asString())
			.placeId();
		String second = new fr.maillage.places.PlaceOrigin("charente", lieu.get("sources").get(1).get("id").asString())
			.placeId();

		var response = api.postJsonAsAdmin("/api/v1/doublons", "{\"lieux\": [\"" + first + "\", \"" + second
				+ "\"], \"decision\": \"distincts\", \"auteur\": \"Coordination Charente\"}");

		assertThat(response.status()).isEqualTo(201);
		assertThat(response.json().get("score").asInt()).isGreaterThanOrEqualTo(80);
		assertThat(publishedCount()).isEqualTo(before + 1);
		// the lieu that kept its id is still found at it; the other has its record's id
		assertThat(api.get("/api/v1/lieux/" + lieu.get("id").asString()).json().get("sources")).hasSize(1);
		assertThat(api.get("/api/v1/lieux/" + second).json().get("sources")).hasSize(1);
		assertEveryRecordBelongsToOnePublishedLieu();
	}

	@Test
	void badDecisionsAreRefusedInFrench() {
		JsonNode pair = api.getAsAdmin("/api/v1/doublons").json().get("doublons").get(0);
		String path = "/api/v1/doublons/" + pair.get("id").asString() + "/decision";
		var noAuthor = api.postJsonAsAdmin(path, "{\"decision\": \"fusionner\"}");
		assertThat(noAuthor.status()).isEqualTo(400);
		assertThat(noAuthor.json().get("message").asString()).contains("auteur");
		var unknown = api.postJsonAsAdmin(path, "{\"decision\": \"peut-etre\", \"auteur\": \"X\"}");
		assertThat(unknown.status()).isEqualTo(400);
		assertThat(unknown.json().get("message").asString()).contains("fusionner");
		assertThat(api
			.postJsonAsAdmin("/api/v1/doublons/inconnu/decision", "{\"decision\": \"fusionner\", \"auteur\": \"X\"}")
			.status()).isEqualTo(404);
		assertThat(api.getAsAdmin("/api/v1/doublons?statut=n_importe").status()).isEqualTo(400);
		assertThat(api.postJson(path, "{\"decision\": \"fusionner\", \"auteur\": \"X\"}").status()).isEqualTo(401);
	}

	@Test
	void publishingAgainWithoutNewInputChangesNothing() {
		List<String> before = jdbc.sql("select id || empreinte from lieu order by id").query(String.class).list();
		var changes = new org.springframework.transaction.support.TransactionTemplate(transactionManager)
			.execute(status -> publishedDirectory.publish());
		assertThat(changes.written()).isZero();
		assertThat(changes.removed()).isZero();
		assertThat(jdbc.sql("select id || empreinte from lieu order by id").query(String.class).list())
			.isEqualTo(before);
	}

	@Test
	void aLieuMergedAwayHandsItsPageViewsToTheLieuThatNowHoldsIt() {
		JsonNode pair = api.getAsAdmin("/api/v1/doublons").json().get("doublons").get(0);
		String a = pair.get("lieux").get(0).get("id").asString();
		String b = pair.get("lieux").get(1).get("id").asString();
		String lieuA = api.get("/api/v1/lieux/" + a).json().get("id").asString();
		String lieuB = api.get("/api/v1/lieux/" + b).json().get("id").asString();
		places.countConsultation(lieuA, LocalDate.of(2026, 11, 2));
		places.countConsultation(lieuB, LocalDate.of(2026, 11, 2));
		places.countConsultation(lieuB, LocalDate.of(2026, 11, 3));

		api.postJsonAsAdmin("/api/v1/doublons/" + pair.get("id").asString() + "/decision",
				"{\"decision\": \"fusionner\", \"auteur\": \"X\"}");

		String merged = api.get("/api/v1/lieux/" + a).json().get("id").asString();
		assertThat(api.get("/api/v1/lieux/" + b).json().get("id").asString()).isEqualTo(merged);
		assertThat(api.get("/api/v1/lieux/" + merged + "/consultations").json().get("total").asInt()).isEqualTo(3);
		String gone = lieuA.equals(merged) ? lieuB : lieuA;
		// through the old id too, and its public page moved to the merged lieu
		assertThat(api.get("/api/v1/lieux/" + gone + "/consultations").json().get("total").asInt()).isEqualTo(3);
		ApiClient.Response page = api.get("/lieux/" + gone);
		assertThat(page.status()).isEqualTo(302);
		assertThat(page.headers().firstValue("Location"))
			.hasValueSatisfying(location -> assertThat(location).endsWith("/lieux/" + merged));
	}

	/**
	 * Memberships are written as a difference from the previous publication: none may be
	 * left behind or point at a lieu that is gone.
	 */
	private void assertEveryRecordBelongsToOnePublishedLieu() {
		assertThat(jdbc.sql("select count(*) from lieu_membre").query(Integer.class).single())
			.isEqualTo(jdbc.sql("select count(*) from lieu_source").query(Integer.class).single());
		assertThat(jdbc
			.sql("select count(*) from lieu_membre m where not exists (select from lieu l where l.id = m.lieu_id)")
			.query(Integer.class)
			.single()).isZero();
		assertThat(jdbc
			.sql("select count(*) from lieu l where not exists (select from lieu_membre m where m.lieu_id = l.id)")
			.query(Integer.class)
			.single()).isZero();
	}

	@Autowired
	org.springframework.transaction.PlatformTransactionManager transactionManager;

}
