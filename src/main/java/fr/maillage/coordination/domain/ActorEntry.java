package fr.maillage.coordination.domain;

import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * An actor of the directory as entered: checked by {@link ActorRules}.
 *
 * @param siret 14 digits (check digit verified), or null when unknown
 * @param departement the département (or 69D, 69M) the actor acts in
 * @param epci the SIREN of the EPCI it acts in, when narrower than the département
 * @param referent who to contact about digital inclusion, if known
 * @param consents what the entry states of the referent's consents (true: given, false:
 * refused or withdrawn); a purpose the entry does not mention is left as recorded
 */
public record ActorEntry(String name, @Nullable String siret, ActorType type, String departement, @Nullable String epci,
		Set<Competence> competences, @Nullable Referent referent, Map<ConsentPurpose, Boolean> consents) {

	public ActorEntry {
		competences = Set.copyOf(competences);
		consents = Map.copyOf(consents);
	}

	/**
	 * The structure's referent for digital inclusion (Rhône: « Identifier un référent par
	 * structure »): personal data, encrypted at rest, shown to the public only with their
	 * recorded consent ({@link ContactConsent}).
	 */
	public record Referent(String name, @Nullable String email, @Nullable String phone) {

		/** The phone as people read it: 04 78 03 67 67. */
		public @Nullable String phoneForDisplay() {
			return phone == null ? null : spaced(phone);
		}

		/** 10 digits in pairs; any other number as stored. */
		public static String spaced(String phone) {
			return phone.matches("0\\d{9}") ? phone.replaceAll("(\\d{2})(?=\\d)", "$1 ") : phone;
		}

	}

}
