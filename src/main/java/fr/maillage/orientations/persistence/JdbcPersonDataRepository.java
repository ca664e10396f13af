package fr.maillage.orientations.persistence;

import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What finding one person's orientations reads: the encrypted contact fields of every
 * orientation whose data is kept (they can only be compared once decrypted).
 */
@Repository
public class JdbcPersonDataRepository {

	private final JdbcClient jdbc;

	JdbcPersonDataRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** An orientation's encrypted first name and contacts. */
	public record Contacts(UUID id, @Nullable String firstName, @Nullable String phone, @Nullable String email) {

	}

	/** The orientations still holding a person's phone or e-mail. */
	public List<Contacts> listKeptContacts() {
		return jdbc.sql("""
				select id, prenom_chiffre, telephone_chiffre, courriel_chiffre from orientation
				where donnees_effacees_le is null and (telephone_chiffre is not null or courriel_chiffre is not null)
				order by envoyee_le, id""")
			.query((rs, row) -> new Contacts(rs.getObject("id", UUID.class), rs.getString("prenom_chiffre"),
					rs.getString("telephone_chiffre"), rs.getString("courriel_chiffre")))
			.list();
	}

}
