package fr.maillage.coverage.domain;

/** How far help is from a commune, in the words of the API. */
public enum CoverageTier {

	COUVERT("couvert"), PROCHE("proche"), ELOIGNE("eloigne"), ZONE_BLANCHE("zone_blanche");

	private final String code;

	CoverageTier(String code) {
		this.code = code;
	}

	public String code() {
		return code;
	}

}
