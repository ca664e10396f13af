package fr.maillage.accounts.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ApiAccessInterceptorTest {

	@ParameterizedTest(name = "{0} {1} → administrateur requis : {2}")
	@CsvSource({ "GET, /api/v1/lieux, false", "GET, /api/v1/lieux/abc, false", "GET, /api/v1/lieux/export.csv, false",
			"HEAD, /api/v1/lieux, false", "POST, /api/v1/imports, true", "GET, /api/v1/imports/abc, true",
			"GET, /api/v1/imports/abc/rejets.csv, true", "DELETE, /api/v1/lieux/abc, true",
			"PUT, /api/v1/lieux/abc, true", "POST, /api/v1/anything, true", "GET, /api/v1/signalements, true",
			"GET, /api/v1/consultations, false", "POST, /api/v1/fragilite/imports, true",
			"GET, /api/v1/fragilite/commune/69010, false", "GET, /api/v1/couverture/departements/69, false",
			"POST, /api/v1/couverture/suggestions, false", "PUT, /api/v1/couverture/suggestions/x, true",
			"GET, /api/v1/doublons, true", "POST, /api/v1/doublons/abc/decision, true",
			"GET, /api/v1/lieux/abc/provenance, false", "GET, /api/v1/sources, false",
			"GET, /api/v1/sources/france-services/executions, true",
			"GET, /api/v1/sources/france-services/executions/abc, true" })
	void readingIsPublicEverythingElseNeedsTheAdministrator(String method, String path, boolean required) {
		assertThat(ApiAccessInterceptor.required(method, path) != ApiAccessInterceptor.Required.NONE)
			.isEqualTo(required);
	}

	@ParameterizedTest(name = "{0} {1} → {2}")
	@CsvSource({ "POST, /api/v1/imports, IMPORTER", "GET, /api/v1/imports/abc/rejets.csv, IMPORTER",
			"POST, /api/v1/sources/france-services/executions, IMPORTER", "GET, /api/v1/doublons, ADMINISTRATOR",
			"POST, /api/v1/comptes, ADMINISTRATOR", "POST, /api/v1/fragilite/imports, ADMINISTRATOR" })
	void importsAreOpenToCoordinatorsTokensTheRestToTheAdministrator(String method, String path,
			ApiAccessInterceptor.Required required) {
		assertThat(ApiAccessInterceptor.required(method, path)).isEqualTo(required);
		assertThat(ApiAccessInterceptor.allows(required, fr.maillage.accounts.Role.ADMINISTRATEUR)).isTrue();
		assertThat(ApiAccessInterceptor.allows(required, fr.maillage.accounts.Role.COORDINATEUR))
			.isEqualTo(required == ApiAccessInterceptor.Required.IMPORTER);
		assertThat(ApiAccessInterceptor.allows(required, fr.maillage.accounts.Role.MEMBRE)).isFalse();
	}

}
