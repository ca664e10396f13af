package fr.maillage.places;

import org.jspecify.annotations.Nullable;

/**
 * Derives the département code of a place from its INSEE code, or failing that from its
 * postcode. Overseas départements and collectivités have three-digit codes (971…988);
 * Corsica is 2A/2B in INSEE codes but 20 in postcodes, where 200xx–201xx are
 * Corse-du-Sud.
 */
public final class DepartementCodes {

	private DepartementCodes() {
	}

	public static String of(@Nullable String codeInsee, String postalCode) {
		if (codeInsee != null && codeInsee.length() == 5) {
			return codeInsee.startsWith("97") || codeInsee.startsWith("98") ? codeInsee.substring(0, 3)
					: codeInsee.substring(0, 2);
		}
		if (postalCode.startsWith("97") || postalCode.startsWith("98")) {
			return postalCode.substring(0, 3);
		}
		if (postalCode.startsWith("20")) {
			return postalCode.compareTo("20200") < 0 ? "2A" : "2B";
		}
		return postalCode.substring(0, 2);
	}

}
