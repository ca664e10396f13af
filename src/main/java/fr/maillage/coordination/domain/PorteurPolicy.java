package fr.maillage.coordination.domain;

import java.util.Collection;
import java.util.Optional;

/**
 * Who carries a governance body (Rhône: « sous-gouvernance territorialisée avec un
 * porteur défini »): a sous-gouvernance has exactly one porteur; any other body at most
 * one (co-porteurs share the work, one structure answers for it).
 */
public final class PorteurPolicy {

	private PorteurPolicy() {
	}

	/**
	 * @param roles the roles of all the body's members, as they would be saved
	 * @return what is wrong, in French, or empty
	 */
	public static Optional<String> check(BodyType type, Collection<MemberRole> roles) {
		long porteurs = roles.stream().filter(role -> role == MemberRole.PORTEUR).count();
		if (type == BodyType.SOUS_GOUVERNANCE && porteurs == 0) {
			return Optional.of("Une sous-gouvernance a exactement un porteur : désignez la structure qui la porte.");
		}
		if (porteurs > 1) {
			return Optional.of("Une instance a un seul porteur (" + porteurs
					+ " désignés) : les autres structures qui la portent sont co-porteuses.");
		}
		return Optional.empty();
	}

}
