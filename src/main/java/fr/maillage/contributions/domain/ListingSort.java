package fr.maillage.contributions.domain;

import org.jspecify.annotations.Nullable;

/** How the list of the lieux one looks after is ordered; the code is the page's URL's. */
public enum ListingSort {

	NAME("nom", "Nom"), COMMUNE("commune", "Commune"),
	OLDEST_VALIDATION("validation", "Dernière validation, la plus ancienne d'abord"),
	LATEST_VALIDATION("validation-recente", "Dernière validation, la plus récente d'abord");

	private final String code;

	private final String label;

	ListingSort(String code, String label) {
		this.code = code;
		this.label = label;
	}

	public String code() {
		return code;
	}

	public String label() {
		return label;
	}

	/** The sort of that code, by name when unknown. */
	public static ListingSort ofCode(@Nullable String code) {
		for (ListingSort sort : values()) {
			if (sort.code.equals(code)) {
				return sort;
			}
		}
		return NAME;
	}

}
