package fr.maillage.testing;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Integration tests share one database; each test starts from an empty directory. */
public final class CleanDatabase {

	private CleanDatabase() {
	}

	public static void empty(JdbcClient jdbc) {
		jdbc.sql(
				"truncate compte, connexion_echec, courriel_sortant, spring_session, saisie_lieu, confirmation_lieu, structure, structure_lieu, rappel_fraicheur, proposition_lieu, lieu_source_historique, lieu, annuaire_version, lieu_source, lieu_membre, doublon, source_execution, import_run, signalement, lieu_consultation cascade")
			.update();
		jdbc.sql("truncate fragilite_valeur, fragilite_score_publie, fragilite_import cascade").update();
		jdbc.sql("truncate acteur, instance, reunion, lieu_changement, liste_diffusion, charte_version, "
				+ "charte_signature, charte_lecture, ressource cascade")
			.update();
		jdbc.sql("truncate demande_compte, demande_compte_essai").update();
		jdbc.sql("truncate reperage_compte").update();
		jdbc.sql("truncate hsds_paquet cascade").update();
	}

}
