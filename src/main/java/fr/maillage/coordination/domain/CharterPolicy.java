package fr.maillage.coordination.domain;

import fr.maillage.accounts.AccountPrincipal;

/**
 * Who publishes a département's charter and records paper signatures: the coordinators of
 * that département (or of 69D, 69M for their collectivité) and the administrators; a
 * coordinator of an EPCI only, or a structure's member, does not.
 */
public final class CharterPolicy {

	private CharterPolicy() {
	}

	public static boolean mayPublish(AccountPrincipal account, String departement) {
		return ActorManagementPolicy.mayManage(account, departement, null);
	}

}
