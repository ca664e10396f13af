package fr.maillage.accounts.web;

import static org.assertj.core.api.Assertions.assertThat;

import fr.maillage.accounts.web.ApiAccessRules.Who;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ApiAccessRulesTest {

	@ParameterizedTest(name = "{0} {1} → {2}")
	@CsvSource({ "GET, /api/v1/lieux, EVERYONE", "GET, /api/v1/lieux/abc, EVERYONE",
			"GET, /api/v1/lieux/export.csv, EVERYONE", "HEAD, /api/v1/lieux, EVERYONE",
			"OPTIONS, /api/v1/lieux, EVERYONE", "POST, /api/v1/imports, IMPORTER", "GET, /api/v1/imports/abc, IMPORTER",
			"GET, /api/v1/imports/abc/rejets.csv, IMPORTER", "DELETE, /api/v1/lieux/abc, ADMINISTRATOR",
			"PUT, /api/v1/lieux/abc, ADMINISTRATOR", "POST, /api/v1/anything, ADMINISTRATOR",
			"GET, /api/v1/signalements, ADMINISTRATOR", "GET, /api/v1/consultations, EVERYONE",
			"POST, /api/v1/fragilite/imports, ADMINISTRATOR", "GET, /api/v1/fragilite/imports/x, ADMINISTRATOR",
			"GET, /api/v1/fragilite/commune/69010, EVERYONE", "GET, /api/v1/couverture/departements/69, EVERYONE",
			"POST, /api/v1/couverture/suggestions, EVERYONE", "PUT, /api/v1/couverture/suggestions/x, ADMINISTRATOR",
			"GET, /api/v1/doublons, ADMINISTRATOR", "POST, /api/v1/doublons/abc/decision, ADMINISTRATOR",
			"GET, /api/v1/lieux/abc/provenance, EVERYONE", "GET, /api/v1/sources, EVERYONE",
			"GET, /api/v1/sources/france-services/executions, IMPORTER",
			"GET, /api/v1/sources/france-services/executions/abc, IMPORTER", "POST, /api/v1/comptes, ADMINISTRATOR",
			// deny by default: a read the table does not know is the administrator's
			"GET, /api/v1/nouveau, ADMINISTRATOR", "GET, /api/v1/lieux/abc/contacts, ADMINISTRATOR" })
	void readingTheOpenDataIsPublicImportsAreForImportersTheRestForTheAdministrator(String method, String path,
			Who who) {
		assertThat(ApiAccessRules.required(method, path)).isEqualTo(who);
	}

	@ParameterizedTest(name = "{0} {1} → {2}")
	@CsvSource({ "GET, /api/v1/%73ignalements, ADMINISTRATOR", "GET, /%61pi/v1/signalements, ADMINISTRATOR",
			"GET, /api/v1/%64oublons, ADMINISTRATOR", "GET, /api/v1/%69mports/abc/rejets.csv, IMPORTER",
			"GET, /api/v1/sources/x/%65xecutions, IMPORTER", "GET, /api/v1/signalements;x=1, ADMINISTRATOR",
			"GET, /api/v1;x/doublons, ADMINISTRATOR", "GET, /api/v1/lieux/%2e%2e/signalements, ADMINISTRATOR",
			"GET, /api/v1/SIGNALEMENTS, ADMINISTRATOR", "get, /api/v1/signalements, ADMINISTRATOR",
			"GET, /api/v1/signalements/, ADMINISTRATOR", "GET, /api/v1/%6Cieux, EVERYONE" })
	void theRuleSeesThePathAsTheRouterDecodesIt(String method, String path, Who who) {
		assertThat(ApiAccessRules.required(method, path)).isEqualTo(who);
	}

}
