package fr.maillage.opendata.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import javax.xml.parsers.DocumentBuilderFactory;

import fr.maillage.testing.ApiClient;
import fr.maillage.testing.CleanDatabase;
import fr.maillage.testing.Fixtures;
import fr.maillage.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.w3c.dom.Document;
import tools.jackson.databind.JsonNode;

/**
 * The changes feed (issue 19) on the real Charente file: a partner's first sync lists
 * every lieu once as created, page after page; then it sees exactly a lieu changed by a
 * later import, a merge decided in the review queue (the lieu that disappears names the
 * one that stays) and a removal; the Atom and JSON feeds of the département list the
 * same; bad input is a French 400.
 */
@IntegrationTest
class ChangeFeedIT {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	/** Every change after a cursor, page by page; returns the last cursor. */
	private String readAll(ApiClient api, String firstQuery, List<JsonNode> into) {
		ApiClient.Response response = api.get("/api/v1/lieux/changements?" + firstQuery);
		int pages = 0;
		while (true) {
			assertThat(response.status()).as(response.body()).isEqualTo(200);
			JsonNode page = response.json();
			page.get("changements").forEach(into::add);
			pages++;
			assertThat(pages).as("pages end").isLessThan(100);
			if (page.get("complet").asBoolean()) {
				return page.get("curseur_suivant").asString();
			}
			response = api.get(page.get("suite").asString());
		}
	}

	private static List<JsonNode> ofKind(List<JsonNode> changes, String kind) {
		return changes.stream().filter(change -> change.get("nature").asString().equals(kind)).toList();
	}

	@Test
	void aPartnerSyncsIncrementally() {
		emptyDirectoryAndFeed();
		ApiClient api = new ApiClient(port);
		Instant before = Instant.now().minusSeconds(1);
		assertThat(api.importFile("charente", "charente.json", Fixtures.lieux(Fixtures.CHARENTE)).status())
			.isEqualTo(201);
		Set<String> published = new HashSet<>(jdbc.sql("select id::text from lieu").query(String.class).list());
		assertThat(published).hasSizeGreaterThan(100);

		// the first sync: every lieu once, created, in pages of 40
		List<JsonNode> first = new ArrayList<>();
		String cursor = readAll(api, "depuis=" + before + "&limite=40", first);
		String afterFirstSync = cursor;
		assertThat(first).hasSize(published.size());
		assertThat(first.stream().map(change -> change.get("id").asString()).toList())
			.containsExactlyInAnyOrderElementsOf(published);
		assertThat(ofKind(first, "cree")).hasSize(published.size());
		assertThat(first).allSatisfy(change -> assertThat(change.at("/lieu/nom").asString()).isNotBlank());
		// the lieu is as the API shows it, with its source records
		assertThat(first.get(0).at("/lieu/sources/0/source").asString()).isEqualTo("charente");

		// nothing new: an empty page that keeps the cursor
		JsonNode nothing = api.get("/api/v1/lieux/changements?curseur=" + cursor).json();
		assertThat(nothing.get("changements")).isEmpty();
		assertThat(nothing.get("complet").asBoolean()).isTrue();
		assertThat(nothing.get("curseur_suivant").asString()).isEqualTo(cursor);
		// a day after the import: nothing either
		assertThat(api.get("/api/v1/lieux/changements?depuis=2999-01-01").json().get("changements")).isEmpty();

		// a later import changes one lieu
		byte[] changed = new String(Fixtures.lieux(Fixtures.CHARENTE), StandardCharsets.UTF_8)
			.replace("\"Service Info 16\"", "\"Service Info 16 (Angoulême)\"")
			.getBytes(StandardCharsets.UTF_8);
		api.importFile("charente", "charente.json", changed);
		List<JsonNode> second = new ArrayList<>();
		cursor = readAll(api, "curseur=" + cursor, second);
		assertThat(second).hasSize(1);
		assertThat(second.get(0).get("nature").asString()).isEqualTo("modifie");
		assertThat(second.get(0).at("/lieu/nom").asString()).isEqualTo("Service Info 16 (Angoulême)");

		// a merge decided in the review queue: the lieu that disappears names the other
		JsonNode pair = api.getAsAdmin("/api/v1/doublons?statut=a_examiner").json().get("doublons").get(0);
		// the queue names source records: the lieux they are in now
		Set<String> pairLieux = new HashSet<>(
				jdbc.sql("select lieu_id::text from lieu_membre where source_record_id in (:a::uuid, :b::uuid)")
					.param("a", pair.at("/lieux/0/id").asString())
					.param("b", pair.at("/lieux/1/id").asString())
					.query(String.class)
					.list());
		assertThat(pairLieux).hasSize(2);
		assertThat(api
			.postJsonAsAdmin("/api/v1/doublons/" + pair.get("id").asString() + "/decision",
					"{\"decision\": \"fusionner\", \"auteur\": \"Test\"}")
			.status()).isEqualTo(200);
		List<JsonNode> third = new ArrayList<>();
		cursor = readAll(api, "curseur=" + cursor + "&departement=16", third);
		List<JsonNode> merged = ofKind(third, "fusionne");
		assertThat(merged).hasSize(1);
		String gone = merged.get(0).get("id").asString();
		String survivor = merged.get(0).get("survivant").asString();
		assertThat(pairLieux).containsExactlyInAnyOrder(gone, survivor);
		assertThat(merged.get(0).has("lieu")).isFalse();
		assertThat(ofKind(third, "modifie")).extracting(change -> change.get("id").asString())
			.containsExactly(survivor);
		// the id that disappeared still leads to the lieu
		assertThat(api.get("/api/v1/lieux/" + gone).json().get("id").asString()).isEqualTo(survivor);

		// a lieu whose records are gone is removed
		String removed = published.stream().filter(id -> !pairLieux.contains(id)).sorted().findFirst().orElseThrow();
		jdbc.sql("delete from lieu_source where id = :id::uuid").param("id", removed).update();
		jdbc.sql("delete from lieu where id = :id::uuid").param("id", removed).update();
		List<JsonNode> fourth = new ArrayList<>();
		readAll(api, "curseur=" + cursor, fourth);
		assertThat(fourth).hasSize(1);
		assertThat(fourth.get(0).get("nature").asString()).isEqualTo("supprime");
		assertThat(fourth.get(0).get("id").asString()).isEqualTo(removed);

		// another département sees none of it
		List<JsonNode> elsewhere = new ArrayList<>();
		readAll(api, "depuis=" + before + "&departement=69", elsewhere);
		assertThat(elsewhere).isEmpty();
		// read again from the end of the first sync: the same three changes and the
		// removal, none of them new to that reader
		List<JsonNode> again = new ArrayList<>();
		readAll(api, "curseur=" + afterFirstSync + "&limite=1", again);
		assertThat(again).extracting(change -> change.get("nature").asString())
			.containsExactlyInAnyOrder("modifie", "fusionne", "modifie", "supprime");

		// the light page: the same changes, the same natures, no lieu (its « suite »
		// keeps the choice)
		List<JsonNode> light = new ArrayList<>();
		readAll(api, "curseur=" + afterFirstSync + "&limite=1&contenu=identifiants", light);
		assertThat(light).extracting(change -> change.get("id").asString() + " " + change.get("nature").asString())
			.containsExactlyInAnyOrderElementsOf(again.stream()
				.map(change -> change.get("id").asString() + " " + change.get("nature").asString())
				.toList());
		assertThat(light).allSatisfy(change -> assertThat(change.has("lieu")).isFalse());
		assertThat(ofKind(light, "fusionne").get(0).get("survivant").asString()).isEqualTo(survivor);
		List<JsonNode> lightFirst = new ArrayList<>();
		readAll(api, "depuis=" + before + "&limite=40&contenu=identifiants", lightFirst);
		List<JsonNode> fullFirst = new ArrayList<>();
		readAll(api, "depuis=" + before + "&limite=40", fullFirst);
		// from before the first import: every lieu once, as the full page says it
		assertThat(lightFirst).hasSize(published.size())
			.extracting(change -> change.get("id").asString() + " " + change.get("nature").asString())
			.containsExactlyElementsOf(fullFirst.stream()
				.map(change -> change.get("id").asString() + " " + change.get("nature").asString())
				.toList());
	}

	/**
	 * The ids of lieux are derived from their source and producer id: the changes
	 * recorded for an earlier test's import would make them changed, not new.
	 */
	private void emptyDirectoryAndFeed() {
		CleanDatabase.empty(jdbc);
		jdbc.sql("truncate lieu_changement").update();
	}

	@Test
	void theDepartementFeedsListTheLatestChanges() throws Exception {
		emptyDirectoryAndFeed();
		ApiClient api = new ApiClient(port);
		api.importFile("charente", "charente.json", Fixtures.lieux(Fixtures.CHARENTE));
		ApiClient.Response atom = api.get("/api/v1/lieux/changements.atom?departement=16");
		assertThat(atom.status()).isEqualTo(200);
		assertThat(atom.headers().firstValue("Content-Type").orElse("")).startsWith("application/atom+xml");
		DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
		factory.setNamespaceAware(true);
		Document feed = factory.newDocumentBuilder()
			.parse(new ByteArrayInputStream(atom.body().getBytes(StandardCharsets.UTF_8)));
		assertThat(feed.getDocumentElement().getNamespaceURI()).isEqualTo("http://www.w3.org/2005/Atom");
		assertThat(feed.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "entry").getLength()).isEqualTo(100);
		assertThat(atom.body()).contains("nouveau lieu").contains("/lieux/");

		JsonNode json = api.get("/api/v1/lieux/changements.json?departement=16").json();
		assertThat(json.get("version").asString()).isEqualTo("https://jsonfeed.org/version/1.1");
		assertThat(json.get("items")).hasSize(100);
		assertThat(json.at("/items/0/_maillage/nature").asString()).isEqualTo("cree");
		assertThat(api.get("/api/v1/lieux/changements.json?departement=69").json().get("items")).isEmpty();
	}

	@Test
	void badInputIsAFrenchMessage() {
		ApiClient api = new ApiClient(port);
		for (String query : List.of("", "depuis=hier", "depuis=2026-13-01", "depuis=2026-11-01T08:00:00", "curseur=abc",
				"curseur=r12", "depuis=2026-11-01&curseur=cjEy", "depuis=2026-11-01&limite=0",
				"depuis=2026-11-01&limite=1001", "depuis=2026-11-01&limite=beaucoup",
				"depuis=2026-11-01&departement=ZZ", "depuis=2026-11-01&contenu=tout")) {
			ApiClient.Response response = api.get("/api/v1/lieux/changements?" + query);
			assertThat(response.status()).as(query).isEqualTo(400);
			assertThat(response.json().get("message").asString()).as(query)
				.containsAnyOf("depuis", "curseur", "limite", "departement", "contenu");
		}
		assertThat(api.get("/api/v1/lieux/changements.atom?departement=x").status()).isEqualTo(400);
	}

}
