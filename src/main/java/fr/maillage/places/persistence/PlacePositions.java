package fr.maillage.places.persistence;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The {@link PositionIndex} of the published directory as of its last publication. Every
 * use reads the directory's token (one row): when another publication happened, here or
 * in another instance sharing the database, the index is read again before answering, so
 * a search never answers from a directory older than the one committed when it started.
 */
final class PlacePositions {

	private record Snapshot(@Nullable String token, PositionIndex index) {
	}

	private final JdbcClient jdbc;

	private volatile @Nullable Snapshot snapshot;

	PlacePositions(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Marks the directory changed, in the publishing transaction. */
	void publicationChanged() {
		jdbc.sql("insert into annuaire_version (singleton, jeton) values (true, gen_random_uuid()) "
				+ "on conflict (singleton) do update set jeton = excluded.jeton")
			.update();
	}

	PositionIndex current() {
		String token = readToken();
		Snapshot known = snapshot;
		if (known != null && Objects.equals(known.token(), token)) {
			return known.index();
		}
		synchronized (this) {
			known = snapshot;
			if (known != null && Objects.equals(known.token(), token)) {
				return known.index();
			}
			// the token first: lieux read after it are at least as new, so a publication
			// committed in between only causes one more reading
			String loadedToken = readToken();
			PositionIndex index = load();
			snapshot = new Snapshot(loadedToken, index);
			return index;
		}
	}

	private @Nullable String readToken() {
		return jdbc.sql("select jeton from annuaire_version").query(String.class).optional().orElse(null);
	}

	private PositionIndex load() {
		List<PositionIndex.Entry> entries = new ArrayList<>();
		// the list columns in the order of PositionIndex.VOCABULARIES, from column 4
		jdbc.sql("select id, latitude, longitude, services, publics_specifiquement_adresses, "
				+ "prise_en_charge_specifique, frais_a_charge, modalites_accompagnement, "
				+ "dispositif_programmes_nationaux, itinerance from lieu where latitude is not null")
			.query(rs -> {
				long bits = 0;
				for (int vocabulary = 0; vocabulary < PositionIndex.VOCABULARIES.size(); vocabulary++) {
					java.sql.Array array = rs.getArray(4 + vocabulary);
					if (array != null) {
						for (String label : (String[]) array.getArray()) {
							bits |= PositionIndex.bitOf(vocabulary, label);
						}
					}
				}
				entries.add(new PositionIndex.Entry(rs.getString("id"), rs.getDouble("latitude"),
						rs.getDouble("longitude"), bits));
			});
		return new PositionIndex(entries);
	}

}
