package fr.maillage.places.vocabulary;

/** What the person pays (schema field {@code frais_a_charge}). */
public enum Fee implements Vocabulary {

	FREE("Gratuit"),

	FREE_UNDER_CONDITIONS("Gratuit sous condition"),

	PAID("Payant");

	private final String label;

	Fee(String label) {
		this.label = label;
	}

	@Override
	public String label() {
		return label;
	}

}
