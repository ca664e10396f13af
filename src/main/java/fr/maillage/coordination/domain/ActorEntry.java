package fr.maillage.coordination.domain;

import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * An actor of the directory as entered: checked by {@link ActorRules}.
 *
 * @param siret 14 digits (check digit verified), or null when unknown
 * @param departement the département (or 69D, 69M) the actor acts in
 * @param epci the SIREN of the EPCI it acts in, when narrower than the département
 * @param referent who to contact about digital inclusion, if known
 */
public record ActorEntry(String name, @Nullable String siret, ActorType type, String departement, @Nullable String epci,
		Set<Competence> competences, @Nullable Referent referent) {

	public ActorEntry {
		competences = Set.copyOf(competences);
	}

	/**
	 * The structure's referent for digital inclusion (Rhône: « Identifier un référent par
	 * structure »). Their contact details are shown to the public only with their
	 * consent.
	 */
	public record Referent(String name, @Nullable String email, @Nullable String phone, boolean contactConsent) {
	}

}
