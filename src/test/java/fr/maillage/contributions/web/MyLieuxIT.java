package fr.maillage.contributions.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import fr.maillage.opendata.importing.SourceImport;
import fr.maillage.shared.text.TextFolding;
import fr.maillage.testing.EmptyDirectoryApiTest;
import fr.maillage.testing.Fixtures;
import fr.maillage.testing.WebSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.web.util.HtmlUtils;

/**
 * Issue 15: « Mes lieux » lists the lieux of a coordinator's territories (a member's
 * structure's), filtered, sorted and fifty to a page — and never another territory's.
 */
class MyLieuxIT extends EmptyDirectoryApiTest {

	private static final Pattern ROW = Pattern.compile("<th scope=\"row\">([^<]*)</th>\\s*<td>([^<]*)</td>");

	private static final Pattern TOTAL = Pattern.compile("<strong>(\\d+) lieux?</strong>");

	@Autowired
	SourceImport sourceImport;

	@BeforeEach
	void importCharenteAndRhone() {
		api.importFile("charente", Fixtures.CHARENTE, Fixtures.lieux(Fixtures.CHARENTE));
		Fixtures.importHinaura(sourceImport);
	}

	private long count(String where) {
		return jdbc.sql("select count(*) from lieu where " + where).query(Long.class).single();
	}

	/** The lieux of a page, as "name — commune". */
	private static List<String> rows(String html) {
		List<String> rows = new ArrayList<>();
		Matcher row = ROW.matcher(html);
		while (row.find()) {
			rows.add(HtmlUtils.htmlUnescape(row.group(1)) + " — " + HtmlUtils.htmlUnescape(row.group(2)));
		}
		return rows;
	}

	private static long total(String html) {
		Matcher total = TOTAL.matcher(html);
		assertThat(total.find()).as(html).isTrue();
		return Long.parseLong(total.group(1));
	}

	@Test
	void aCoordinatorPagesThroughItsDepartementOnlyByFiftiesInFrench() throws Exception {
		long charente = count("departement = '16'");
		assertThat(charente).isGreaterThan(100);
		assertThat(count("departement = '69'")).isPositive();
		WebSession coordinator = WebSession.signedIn(port, jdbc, "coordinateur", "departement:16");

		String first = coordinator.get("/espace/lieux").body();
		assertThat(total(first)).isEqualTo(charente);
		long pages = (charente + 49) / 50;
		assertThat(first).contains("Page 1 sur " + pages);
		List<String> page1 = rows(first);
		// by name as people read it (no case, accents nor punctuation), as the database
		// orders them that way
		assertThat(page1).hasSize(50)
			.containsExactlyElementsOf(jdbc
				.sql("select nom || ' — ' || commune from lieu where departement = '16' order by "
						+ "btrim(lower(unaccent(regexp_replace(nom, '[^[:alnum:]]+', ' ', 'g')))), id limit 50")
				.query(String.class)
				.list());
		List<String> page2 = rows(coordinator.get("/espace/lieux?page=2").body());
		assertThat(page2).hasSize(50).doesNotContainAnyElementsOf(page1);
		String last = coordinator.get("/espace/lieux?page=" + pages).body();
		assertThat(last).contains("Page " + pages + " sur " + pages);
		assertThat(rows(last)).hasSize((int) (charente - 50 * (pages - 1)));

		// every lieu of every page is in Charente, none of the Rhône
		List<String> all = new ArrayList<>();
		for (int page = 1; page <= pages; page++) {
			all.addAll(rows(coordinator.get("/espace/lieux?tri=commune&page=" + page).body()));
		}
		List<String> charenteNames = jdbc.sql("select nom || ' — ' || commune from lieu where departement = '16'")
			.query(String.class)
			.list();
		assertThat(all).hasSize((int) charente).containsExactlyInAnyOrderElementsOf(charenteNames);
		// an administrator's filter is not a coordinator's: the département parameter is
		// ignored
		assertThat(total(coordinator.get("/espace/lieux?departement=69").body())).isEqualTo(charente);
	}

	@Test
	void filtersByTextServiceCommuneAndFreshness() throws Exception {
		WebSession coordinator = WebSession.signedIn(port, jdbc, "coordinateur", "departement:16");

		String julienne = coordinator.get("/espace/lieux?q=bibliotheque+julienne").body();
		assertThat(rows(julienne)).singleElement().asString().startsWith("Bibliothèque Julienne");

		String service = "Aide aux démarches administratives";
		long withService = count("departement = '16' and '" + service + "' = any(services)");
		assertThat(withService).isPositive();
		assertThat(total(coordinator.get("/espace/lieux?service=" + encode(service)).body())).isEqualTo(withService);

		String commune = jdbc
			.sql("select commune from lieu where departement = '16' group by commune order by count(*) desc limit 1")
			.query(String.class)
			.single();
		String inCommune = coordinator.get("/espace/lieux?commune=" + encode(commune)).body();
		// however its producers spelled it
		assertThat(total(inCommune))
			.isEqualTo(count("departement = '16' and lower(unaccent(commune)) = lower(unaccent('" + commune + "'))"));
		assertThat(rows(inCommune))
			.allSatisfy(row -> assertThat(TextFolding.searchKey(row)).endsWith(" " + TextFolding.searchKey(commune)));
		// the commune list offers the territory's communes only
		assertThat(inCommune).contains("<option value=\"" + commune + "\" selected=\"selected\">")
			.doesNotContain(">Villeurbanne</option>");

		// a « toujours exact » makes one lieu à jour, and the page says so in French
		long upToDate = total(coordinator.get("/espace/lieux?fraicheur=a-jour").body());
		String lieuId = api.findLieuId("Bibliothèque Julienne");
		assertThat(coordinator
			.submit("/espace/lieux", "/espace/lieux/" + lieuId + "/confirmation",
					Map.of("retour", "/espace/lieux?fraicheur=a-jour"))
			.headers()
			.firstValue("Location")).hasValueSatisfying(location -> assertThat(location).endsWith("fraicheur=a-jour"));
		String fresh = coordinator.get("/espace/lieux?fraicheur=a-jour&q=julienne").body();
		assertThat(rows(fresh)).singleElement().asString().startsWith("Bibliothèque Julienne");
		assertThat(fresh).containsPattern("\\d{1,2} (janvier|février|mars|avril|mai|juin|juillet|août|septembre|"
				+ "octobre|novembre|décembre) 20\\d\\d");
		assertThat(total(coordinator.get("/espace/lieux?fraicheur=a-jour").body())).isEqualTo(upToDate + 1);
		long toCheck = total(coordinator.get("/espace/lieux?fraicheur=a-verifier").body());
		long unknown = total(coordinator.get("/espace/lieux?fraicheur=inconnue").body());
		assertThat(upToDate + 1 + toCheck + unknown).isEqualTo(count("departement = '16'"));
		assertThat(total(coordinator.get("/espace/lieux?fraicheur=a-verifier&q=julienne").body())).isZero();
	}

	@Test
	void aCommuneIsOneWhateverItsProducersSpellingAndNamesSortAsPeopleReadThem() throws Exception {
		WebSession rhone = WebSession.signedIn(port, jdbc, "coordinateur", "departement:69");
		// the Hinaura file writes « Brignais » twice and « BRIGNAIS » once
		assertThat(count("departement = '69' and lower(commune) = 'brignais'")).isEqualTo(3);

		String brignais = rhone.get("/espace/lieux?commune=Brignais").body();
		assertThat(total(brignais)).isEqualTo(3);
		assertThat(total(rhone.get("/espace/lieux?commune=BRIGNAIS").body())).isEqualTo(3);
		assertThat(brignais).contains(">Brignais</option>").doesNotContain(">BRIGNAIS</option>");

		List<String> byName = rows(rhone.get("/espace/lieux?tri=nom").body());
		List<String> folded = byName.stream().map(TextFolding::searchKey).toList();
		assertThat(folded).isSorted();
	}

	@Test
	void anEpciCoordinatorSeesItsEpciAndTheEspaceNamesItsTerritories() throws Exception {
		String epci = jdbc.sql("""
				select c.epci from lieu l join commune c on c.code = l.code_insee
				where l.departement = '16' and c.epci is not null
				group by c.epci order by count(*) desc limit 1""").query(String.class).single();
		long inEpci = jdbc
			.sql("select count(*) from lieu l where l.code_insee in (select code from commune where epci = :epci)")
			.param("epci", epci)
			.query(Long.class)
			.single();
		WebSession coordinator = WebSession.signedIn(port, jdbc, "coordinateur", "epci:" + epci);
		assertThat(total(coordinator.get("/espace/lieux").body())).isEqualTo(inEpci).isLessThan(count("true"));

		WebSession rhone = WebSession.signedIn(port, jdbc, "coordinateur", "departement:69");
		String space = rhone.get("/espace").body();
		assertThat(space).contains("Rhône (69)").doesNotContain("departement:69");
		String listing = rhone.get("/espace/lieux?epci=" + epci).body();
		// another territory's EPCI as a filter gives nothing, not its lieux
		assertThat(total(listing)).isZero();
	}

	@Test
	void aMemberSeesItsStructuresLieuxOnlyAndAnAdministratorChoosesADepartement() throws Exception {
		String lieuId = api.findLieuId("Service Info 16");
		WebSession coordinator = WebSession.signedIn(port, jdbc, "coordinateur", "departement:16");
		coordinator.submit("/espace/lieux/" + lieuId + "/modifier", "/espace/lieux/" + lieuId + "/structure",
				Map.of("nom", "Service Info 16 (association)"));
		String structure = jdbc.sql("select structure_id::text from structure_lieu").query(String.class).single();

		WebSession member = WebSession.signedIn(port, jdbc, "membre", "structure:" + structure);
		String page = member.get("/espace/lieux").body();
		assertThat(page).contains("Les lieux de ma structure");
		assertThat(rows(page)).singleElement().asString().startsWith("Service Info 16");
		assertThat(total(member.get("/espace/lieux?q=julienne").body())).isZero();
		assertThat(member.get("/espace").body()).contains("Structure « Service Info 16 (association) »");

		WebSession administrator = WebSession.signedIn(port, jdbc, "administrateur");
		assertThat(total(administrator.get("/espace/lieux").body())).isEqualTo(count("true"));
		assertThat(total(administrator.get("/espace/lieux?departement=69").body()))
			.isEqualTo(count("departement = '69'"));
		assertThat(administrator.get("/espace/lieux?departement=rhone").statusCode()).isEqualTo(400);
	}

	@Test
	void theHeaderOffersToSignInOrGivesTheSpaceAndSigningOut() throws Exception {
		String stranger = new WebSession(port).get("/").body();
		assertThat(stranger).contains("Se connecter").doesNotContain("Mon espace").doesNotContain("_csrf");
		WebSession coordinator = WebSession.signedIn(port, jdbc, "coordinateur", "departement:16");
		String signedIn = coordinator.get("/").body();
		assertThat(signedIn).contains("Mon espace", "Se déconnecter", "name=\"_csrf\"")
			.doesNotContain(">Se connecter<");
		assertThat(coordinator.submit("/", "/deconnexion", Map.of()).statusCode()).isEqualTo(302);
		assertThat(coordinator.get("/espace").statusCode()).isEqualTo(302);
	}

	private static String encode(String value) {
		return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
	}

}
