package fr.maillage.coverage;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * Coverage of a département or EPCI for one service (or any service), as the API and the
 * territory page show it.
 *
 * @param service the standard's label, or "tout service"
 * @param communes every commune, ordered by code
 * @param priorites communes "zone blanche" or "éloignées": IFN ≥ 7 first (most fragile
 * first), then by population
 */
public record TerritoryCoverage(String code, String nom, String niveau, String service,
		@JsonProperty("seuils_km") Map<String, Double> seuilsKm, List<CommuneRow> communes, Summary synthese,
		List<CommuneRow> priorites) {

	/** One commune's distance to help. */
	public record CommuneRow(String code, String nom, long population,
			@JsonProperty("distance_km") @Nullable Double distanceKm,
			@JsonProperty("lieu_le_plus_proche") @Nullable NearestPlace lieuLePlusProche, String palier,
			@Nullable Double ifn) {
	}

	/**
	 * The nearest place offering the service.
	 *
	 * @param commune the name of the place's commune, {@code null} when unknown
	 */
	public record NearestPlace(String id, String nom, @JsonProperty("code_insee") @Nullable String codeInsee,
			@Nullable String commune) {

		/** Whether the place lies in another commune than {@code communeCode}. */
		public boolean isElsewhereThan(String communeCode) {
			return codeInsee != null && !codeInsee.equals(communeCode) && commune != null;
		}

	}

	/**
	 * @param paliers communes and population per tier
	 * @param communesAvecAccesInternetEtMateriel communes holding a place that offers
	 * "Accès internet et matériel informatique" (roadmap indicator)
	 */
	public record Summary(Map<String, TierFigures> paliers, long population, int communes, int lieux,
			@JsonProperty("lieux_pour_10000_habitants") double lieuxPour10000Habitants,
			@JsonProperty("communes_avec_acces_internet_et_materiel") int communesAvecAccesInternetEtMateriel) {
	}

	/** Communes and inhabitants in one tier. */
	public record TierFigures(int communes, long population) {
	}

}
