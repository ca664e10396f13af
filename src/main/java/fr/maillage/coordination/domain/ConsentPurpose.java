package fr.maillage.coordination.domain;

import java.util.Arrays;
import java.util.Optional;

/**
 * What a referent consents to, each recorded on its own (issue 18: « professional contact
 * details shown only with the contact's consent », « consent to be contacted recorded per
 * contact »). The code is the one of the database, the API and the CSV column.
 */
public enum ConsentPurpose {

	/** Their name, e-mail and phone shown to anyone in « Qui fait quoi » and the API. */
	PUBLICATION("publication", "consentement_contact", "Coordonnées publiées dans « Qui fait quoi »"),

	/** Their e-mail used by the coordination for invitations and announcements. */
	INVITATIONS("invitations", "consentement_invitations", "Invitations et annonces de la coordination par courriel");

	private final String code;

	private final String field;

	private final String label;

	ConsentPurpose(String code, String field, String label) {
		this.code = code;
		this.field = field;
		this.label = label;
	}

	public String code() {
		return code;
	}

	/** The CSV column and form field that state it (oui / non). */
	public String field() {
		return field;
	}

	public String label() {
		return label;
	}

	public static Optional<ConsentPurpose> findByCode(String code) {
		String wanted = code.strip();
		return Arrays.stream(values()).filter(purpose -> purpose.code.equalsIgnoreCase(wanted)).findFirst();
	}

}
