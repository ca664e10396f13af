package fr.maillage.coordination;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import fr.maillage.accounts.AccountPrincipal;
import fr.maillage.accounts.Role;
import fr.maillage.contributions.Structures;
import fr.maillage.testing.ApiClient;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The actors of the Rhône the governance, charter and resources tests share (invented):
 * the Mairie de Villeurbanne (69M) runs a lieu of the directory, so that a member of its
 * structure acts for it; an association and a CCAS of the Rhône; a mairie of the
 * Charente.
 */
public final class CoordinationFixture {

	public static final AccountPrincipal RHONE = new AccountPrincipal(UUID.randomUUID().toString(),
			"coordination@rhone.fr", "Coordination Rhône", Role.COORDINATEUR, List.of("departement:69"));

	public static final AccountPrincipal CHARENTE = new AccountPrincipal(UUID.randomUUID().toString(),
			"coordination@charente.fr", "Coordination Charente", Role.COORDINATEUR, List.of("departement:16"));

	private CoordinationFixture() {
	}

	/**
	 * The actors; returns the id of the structure (contributions) of the mairie's lieu.
	 */
	public static String enter(ApiClient api, JdbcClient jdbc, Actors actors, Structures structures) {
		assertThat(api
			.importFile("rhone", "rhone.json",
					"""
							[{"id": "m-1", "pivot": "21690266800013", "nom": "Espace numérique de la mairie", "commune": "Villeurbanne",
							  "code_postal": "69100", "code_insee": "69266", "adresse": "Place Lazare Goujon",
							  "latitude": 45.77, "longitude": 4.88, "source": "test", "date_maj": "2026-11-01",
							  "structure_parente": "Mairie de Villeurbanne",
							  "services": "Aide aux démarches administratives"}]"""
						.getBytes(StandardCharsets.UTF_8))
			.status()).isEqualTo(201);
		actors.importFromPlaces("69M", RHONE);
		jdbc.sql("update acteur set nom = 'Mairie de Villeurbanne', type = 'mairie' where siret = '21690266800013'")
			.update();
		actors.saveActor(Map.of("nom", "Association Numérique Solidaire", "type", "association", "departement", "69"),
				RHONE);
		actors.saveActor(Map.of("nom", "CCAS de Vénissieux", "type", "ccas", "departement", "69M"), RHONE);
		actors.saveActor(Map.of("nom", "Mairie d'Angoulême", "type", "mairie", "departement", "16"), CHARENTE);
		String lieu = jdbc
			.sql("select lieu_id from acteur_lieu l join acteur a on a.id = l.acteur_id "
					+ "where a.siret = '21690266800013'")
			.query(String.class)
			.single();
		return structures.attach(lieu, "Mairie de Villeurbanne", RHONE).id();
	}

	public static String idOf(JdbcClient jdbc, String name) {
		return jdbc.sql("select id::text from acteur where nom = :name")
			.param("name", name)
			.query(String.class)
			.single();
	}

}
