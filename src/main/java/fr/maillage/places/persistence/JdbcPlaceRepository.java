package fr.maillage.places.persistence;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Array;
import java.sql.Connection;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

import javax.sql.DataSource;

import fr.maillage.places.Place;
import fr.maillage.places.PlaceOrigin;
import fr.maillage.places.PlacePage;
import fr.maillage.places.PlaceQuery;
import fr.maillage.places.vocabulary.AccessMode;
import fr.maillage.places.vocabulary.Fee;
import fr.maillage.places.vocabulary.Itinerance;
import fr.maillage.places.vocabulary.MediationService;
import fr.maillage.places.vocabulary.NationalProgram;
import fr.maillage.places.vocabulary.SpecificPublic;
import fr.maillage.places.vocabulary.SpecificSupport;
import fr.maillage.places.vocabulary.SupportMode;
import fr.maillage.places.vocabulary.TrainingLabel;
import fr.maillage.places.vocabulary.Vocabulary;
import fr.maillage.shared.geo.Coordinates;
import fr.maillage.shared.text.TextFolding;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Places in table {@code lieu}; geographic search is a bounding-box pre-filter on an index, then haversine. */
@Repository
public class JdbcPlaceRepository {

	private static final String DISTANCE_KM = """
			(2 * 6371.0088 * asin(least(1, sqrt(power(sin(radians(latitude - :lat) / 2), 2)
			 + cos(radians(:lat)) * cos(radians(latitude)) * power(sin(radians(longitude - :lon) / 2), 2)))))""";

	/** Columns written by an import, in COPY order. */
	private static final List<String> COLUMNS = List.of("id", "import_source", "source_id", "pivot", "nom", "commune",
			"code_postal", "code_insee", "departement", "adresse", "complement_adresse", "latitude", "longitude",
			"typologie", "telephone", "courriels", "site_web", "horaires", "presentation_resume",
			"presentation_detail", "source", "itinerance", "structure_parente", "date_maj", "services",
			"publics_specifiquement_adresses", "prise_en_charge_specifique", "frais_a_charge",
			"dispositif_programmes_nationaux", "formations_labels", "autres_formations_labels", "modalites_acces",
			"modalites_accompagnement", "fiche_acces_libre", "prise_rdv", "search_text");

	private static final String COLUMN_LIST = String.join(", ", COLUMNS);

	/** From the staging table into {@code lieu}: same origin, same row (idempotent imports). */
	private static final String MERGE_STAGED = "insert into lieu (" + COLUMN_LIST + ") select " + COLUMN_LIST
			+ " from lieu_staging on conflict (import_source, source_id) do update set "
			+ String.join(", ",
					COLUMNS.stream()
						.filter(column -> !List.of("id", "import_source", "source_id").contains(column))
						.map(column -> column + " = excluded." + column)
						.toList())
			+ ", updated_at = now()";


	private final DataSource dataSource;

	private final JdbcClient jdbc;

	private final NamedParameterJdbcTemplate named;

	private final NamedParameterJdbcTemplate streaming;

	JdbcPlaceRepository(DataSource dataSource, JdbcClient jdbc) {
		this.dataSource = dataSource;
		this.jdbc = jdbc;
		this.named = new NamedParameterJdbcTemplate(dataSource);
		JdbcTemplate streamingTemplate = new JdbcTemplate(dataSource);
		streamingTemplate.setFetchSize(500);
		this.streaming = new NamedParameterJdbcTemplate(streamingTemplate);
	}

	public long count() {
		return jdbc.sql("select count(*) from lieu").query(Long.class).single();
	}

	public Optional<Place> findById(String id) {
		UUID uuid;
		try {
			uuid = UUID.fromString(id);
		}
		catch (IllegalArgumentException notAnId) {
			return Optional.empty();
		}
		return jdbc.sql("select * from lieu where id = :id").param("id", uuid).query(this::mapPlace).optional();
	}

	public PlacePage search(PlaceQuery query) {
		SqlQuery sql = SqlQuery.of(query);
		MapSqlParameterSource params = sql.params();
		params.addValue("limit", query.size()).addValue("offset", (long) (query.page() - 1) * query.size());
		String select = "select l.*, " + sql.distanceColumn() + ", count(*) over () as total from (" + sql.filtered()
				+ ") l " + sql.distanceFilter() + " order by " + sql.order() + " limit :limit offset :offset";
		long[] total = { -1 };
		List<PlacePage.Hit> hits = named.query(select, params, (rs, row) -> {
			total[0] = rs.getLong("total");
			double distance = rs.getDouble("distance_km");
			Double distanceKm = rs.wasNull() ? null : distance;
			return new PlacePage.Hit(mapPlace(rs, row), distanceKm);
		});
		if (total[0] < 0) {
			total[0] = hits.isEmpty() && query.page() > 1 ? countMatches(sql) : hits.size();
		}
		return new PlacePage(total[0], query.page(), query.size(), hits);
	}

	public void forEach(PlaceQuery query, Consumer<Place> consumer) {
		SqlQuery sql = SqlQuery.of(query);
		String select = "select l.*, " + sql.distanceColumn() + " from (" + sql.filtered() + ") l "
				+ sql.distanceFilter() + " order by " + sql.order();
		streaming.query(select, sql.params(), rs -> {
			consumer.accept(mapPlace(rs, 0));
		});
	}

	private long countMatches(SqlQuery sql) {
		return named.queryForObject("select count(*) from (select " + sql.distanceColumn() + " from ("
				+ sql.filtered() + ") l " + sql.distanceFilter() + ") counted", sql.params(), Long.class);
	}

	/**
	 * Inserts or updates a batch in the caller's transaction. Rows are streamed with COPY into a temporary staging
	 * table, then merged with one INSERT … ON CONFLICT: an order of magnitude faster than batched statements with
	 * 36 parameters each (docs/performance.md).
	 */
	public void upsertAll(List<Place> places) {
		if (places.isEmpty()) {
			return;
		}
		Connection connection = DataSourceUtils.getConnection(dataSource);
		try (Statement statement = connection.createStatement()) {
			statement.execute("create temporary table if not exists lieu_staging "
					+ "(like lieu including defaults) on commit delete rows");
			statement.execute("truncate lieu_staging");
			CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
			copy.copyIn("copy lieu_staging (" + COLUMN_LIST + ") from stdin with (format csv)",
					new StringReader(CopyRows.csv(places, JdbcPlaceRepository::copyValues)));
			statement.executeUpdate(MERGE_STAGED);
		}
		catch (SQLException | IOException e) {
			throw new IllegalStateException("Écriture des lieux impossible", e);
		}
		finally {
			DataSourceUtils.releaseConnection(connection, dataSource);
		}
	}

	private static List<Object> copyValues(Place place) {
		MapSqlParameterSource params = toParams(place);
		List<Object> values = new ArrayList<>(COLUMNS.size());
		for (String column : COLUMNS) {
			values.add(params.getValue(column));
		}
		return values;
	}

	private static MapSqlParameterSource toParams(Place place) {
		Coordinates point = place.coordinates();
		return new MapSqlParameterSource().addValue("id", UUID.fromString(place.id()))
			.addValue("import_source", place.origin().importSource())
			.addValue("source_id", place.origin().sourceId())
			.addValue("pivot", place.pivot())
			.addValue("nom", place.name())
			.addValue("commune", place.commune())
			.addValue("code_postal", place.postalCode())
			.addValue("code_insee", place.codeInsee())
			.addValue("departement", place.departement())
			.addValue("adresse", place.address())
			.addValue("complement_adresse", place.addressComplement())
			.addValue("latitude", point == null ? null : point.latitude())
			.addValue("longitude", point == null ? null : point.longitude())
			.addValue("typologie", texts(place.typologies()))
			.addValue("telephone", place.phone())
			.addValue("courriels", texts(place.emails()))
			.addValue("site_web", texts(place.websites()))
			.addValue("horaires", place.openingHours())
			.addValue("presentation_resume", place.summary())
			.addValue("presentation_detail", place.description())
			.addValue("source", place.collectedBy())
			.addValue("itinerance", labels(place.itinerance()))
			.addValue("structure_parente", place.parentStructure())
			.addValue("date_maj", place.updatedOn() == null ? null : Date.valueOf(place.updatedOn()))
			.addValue("services", labels(place.services()))
			.addValue("publics_specifiquement_adresses", labels(place.publics()))
			.addValue("prise_en_charge_specifique", labels(place.specificSupports()))
			.addValue("frais_a_charge", labels(place.fees()))
			.addValue("dispositif_programmes_nationaux", labels(place.nationalPrograms()))
			.addValue("formations_labels", labels(place.trainingLabels()))
			.addValue("autres_formations_labels", place.otherLabels())
			.addValue("modalites_acces", labels(place.accessModes()))
			.addValue("modalites_accompagnement", labels(place.supportModes()))
			.addValue("fiche_acces_libre", place.accessibilitySheetUrl())
			.addValue("prise_rdv", place.appointmentUrl())
			.addValue("search_text", TextFolding.searchKey(place.name() + " " + place.commune()));
	}

	private static String[] texts(List<String> values) {
		return values.toArray(String[]::new);
	}

	private static String[] labels(List<? extends Vocabulary> values) {
		return values.stream().map(Vocabulary::label).toArray(String[]::new);
	}

	private Place mapPlace(ResultSet rs, int row) throws SQLException {
		double latitude = rs.getDouble("latitude");
		Coordinates point = rs.wasNull() ? null : new Coordinates(latitude, rs.getDouble("longitude"));
		Date updatedOn = rs.getDate("date_maj");
		Timestamp receivedAt = rs.getTimestamp("received_at");
		return new Place(new PlaceOrigin(rs.getString("import_source"), rs.getString("source_id")),
				rs.getString("pivot"), rs.getString("nom"), rs.getString("commune"), rs.getString("code_postal"),
				rs.getString("code_insee"), rs.getString("adresse"), rs.getString("complement_adresse"), point,
				strings(rs.getArray("typologie")), rs.getString("telephone"), strings(rs.getArray("courriels")),
				strings(rs.getArray("site_web")), rs.getString("horaires"), rs.getString("presentation_resume"),
				rs.getString("presentation_detail"), rs.getString("source"),
				vocabulary(rs.getArray("itinerance"), Itinerance.class), rs.getString("structure_parente"),
				updatedOn == null ? null : updatedOn.toLocalDate(),
				vocabulary(rs.getArray("services"), MediationService.class),
				vocabulary(rs.getArray("publics_specifiquement_adresses"), SpecificPublic.class),
				vocabulary(rs.getArray("prise_en_charge_specifique"), SpecificSupport.class),
				vocabulary(rs.getArray("frais_a_charge"), Fee.class),
				vocabulary(rs.getArray("dispositif_programmes_nationaux"), NationalProgram.class),
				vocabulary(rs.getArray("formations_labels"), TrainingLabel.class),
				rs.getString("autres_formations_labels"), vocabulary(rs.getArray("modalites_acces"), AccessMode.class),
				vocabulary(rs.getArray("modalites_accompagnement"), SupportMode.class),
				rs.getString("fiche_acces_libre"), rs.getString("prise_rdv"),
				receivedAt == null ? null : receivedAt.toInstant());
	}

	private static List<String> strings(@Nullable Array array) throws SQLException {
		return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
	}

	private static <E extends Enum<E> & Vocabulary> List<E> vocabulary(@Nullable Array array, Class<E> type)
			throws SQLException {
		List<E> values = new ArrayList<>();
		for (String label : strings(array)) {
			Vocabulary.findByLabel(type, label).ifPresent(values::add);
		}
		return values;
	}

	/** The WHERE clauses of a query, shared by the page, the count and the export. */
	private record SqlQuery(String filtered, String distanceColumn, String distanceFilter, String order,
			Map<String, Object> values) {

		static SqlQuery of(PlaceQuery query) {
			List<String> where = new ArrayList<>();
			Map<String, Object> values = new LinkedHashMap<>();
			if (query.text() != null && !query.text().isBlank()) {
				String[] words = TextFolding.searchKey(query.text()).split(" ");
				for (int i = 0; i < words.length; i++) {
					if (!words[i].isEmpty()) {
						where.add("search_text like :word" + i);
						values.put("word" + i, "%" + words[i] + "%");
					}
				}
			}
			anyOf(where, values, "code_insee = any(cast(:codes_insee as text[]))", "codes_insee", query.codesInsee());
			anyOf(where, values, "code_postal = any(cast(:codes_postaux as text[]))", "codes_postaux", query.postalCodes());
			anyOf(where, values, "departement = any(cast(:departements as text[]))", "departements", query.departements());
			overlaps(where, values, "services", query.services());
			overlaps(where, values, "publics_specifiquement_adresses", query.publics());
			overlaps(where, values, "prise_en_charge_specifique", query.specificSupports());
			overlaps(where, values, "frais_a_charge", query.fees());
			overlaps(where, values, "modalites_accompagnement", query.supportModes());
			String distanceColumn = "null::double precision as distance_km";
			String distanceFilter = "";
			String order = "l.nom, l.id";
			PlaceQuery.Near near = query.near();
			if (near != null) {
				double[] box = near.centre().boundingBox(near.radiusKm());
				where.add("latitude between :min_lat and :max_lat and longitude between :min_lon and :max_lon");
				values.put("min_lat", box[0]);
				values.put("max_lat", box[1]);
				values.put("min_lon", box[2]);
				values.put("max_lon", box[3]);
				values.put("lat", near.centre().latitude());
				values.put("lon", near.centre().longitude());
				values.put("radius_km", near.radiusKm());
				distanceColumn = DISTANCE_KM + " as distance_km";
				distanceFilter = "where " + DISTANCE_KM + " <= :radius_km";
				order = "distance_km, l.nom, l.id";
			}
			String filtered = "select * from lieu" + (where.isEmpty() ? "" : " where " + String.join(" and ", where));
			return new SqlQuery(filtered, distanceColumn, distanceFilter, order, values);
		}

		MapSqlParameterSource params() {
			return new MapSqlParameterSource(values);
		}

		private static void anyOf(List<String> where, Map<String, Object> values, String clause, String name,
				List<String> codes) {
			if (!codes.isEmpty()) {
				where.add(clause);
				values.put(name, codes.toArray(String[]::new));
			}
		}

		private static void overlaps(List<String> where, Map<String, Object> values, String column,
				List<? extends Vocabulary> wanted) {
			if (!wanted.isEmpty()) {
				where.add(column + " && cast(:" + column + " as text[])");
				values.put(column, labels(wanted));
			}
		}

	}

}
