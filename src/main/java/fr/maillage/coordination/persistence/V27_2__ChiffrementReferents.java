package fr.maillage.coordination.persistence;

import java.util.List;
import java.util.UUID;

import fr.maillage.shared.crypto.FieldCipher;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.stereotype.Component;

/**
 * Encrypts the referents' names, e-mails and phones written in clear before issue 18's
 * second part (V24_1): a Java migration, as the key lives outside the database. Flyway
 * runs it once, in the migration's transaction (all rows or none); a value already
 * encrypted is left alone, so running it on a table partly encrypted loses nothing. A
 * Spring bean so that Flyway receives the application's cipher (Boot passes
 * {@code JavaMigration} beans to Flyway).
 */
@Component
public class V27_2__ChiffrementReferents extends BaseJavaMigration {

	private static final List<String> COLUMNS = List.of("referent_nom", "referent_courriel", "referent_telephone");

	private final FieldCipher cipher;

	V27_2__ChiffrementReferents(FieldCipher cipher) {
		this.cipher = cipher;
	}

	@Override
	public void migrate(Context context) {
		encryptClearValues(JdbcClient.create(new SingleConnectionDataSource(context.getConnection(), true)), cipher);
	}

	/**
	 * @return the number of values encrypted
	 */
	public static int encryptClearValues(JdbcClient jdbc, FieldCipher cipher) {
		int encrypted = 0;
		for (String column : COLUMNS) {
			List<ClearValue> clear = jdbc
				.sql("select id, " + column + " as valeur from acteur where " + column + " is not null and " + column
						+ " not like 'v1.%'")
				.query((rs, row) -> new ClearValue(rs.getString("id"), rs.getString("valeur")))
				.list();
			for (ClearValue value : clear) {
				jdbc.sql("update acteur set " + column + " = :sealed where id = :id")
					.param("sealed", cipher.encrypt(value.value(), EncryptedReferent.context(value.id(), column)))
					.param("id", UUID.fromString(value.id()))
					.update();
				encrypted++;
			}
		}
		return encrypted;
	}

	private record ClearValue(String id, @Nullable String value) {
	}

}
