package fr.maillage.places.persistence;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

import javax.sql.DataSource;

import fr.maillage.places.DailyConsultations;
import fr.maillage.places.Geocoding;
import fr.maillage.places.Place;
import fr.maillage.places.PlaceOrigin;
import fr.maillage.places.PlacePoint;
import fr.maillage.places.PlaceSummary;
import fr.maillage.places.PlacePage;
import fr.maillage.places.PublishedChanges;
import fr.maillage.places.PublishedPlace;
import fr.maillage.places.RecordOutline;
import fr.maillage.places.PlaceQuery;
import fr.maillage.places.SavedPlaces;
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
import fr.maillage.shared.database.PostgresCopy;
import fr.maillage.shared.geo.Coordinates;
import fr.maillage.shared.text.TextFolding;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Places in table {@code lieu}; geographic search is a bounding-box pre-filter on an
 * index, then haversine.
 */
@Repository
public class JdbcPlaceRepository {

	private static final String DISTANCE_KM = """
			(2 * 6371.0088 * asin(least(1, sqrt(power(sin(radians(latitude - :lat) / 2), 2)
			 + cos(radians(:lat)) * cos(radians(latitude)) * power(sin(radians(longitude - :lon) / 2), 2)))))""";

	/** Columns written by an import, in COPY order. */
	private static final List<String> COLUMNS = List.of("id", "import_source", "source_id", "pivot", "nom", "commune",
			"code_postal", "code_insee", "departement", "adresse", "complement_adresse", "latitude", "longitude",
			"typologie", "telephone", "courriels", "site_web", "horaires", "presentation_resume", "presentation_detail",
			"source", "itinerance", "structure_parente", "date_maj", "services", "publics_specifiquement_adresses",
			"prise_en_charge_specifique", "frais_a_charge", "dispositif_programmes_nationaux", "formations_labels",
			"autres_formations_labels", "modalites_acces", "modalites_accompagnement", "fiche_acces_libre", "prise_rdv",
			"geocodage", "search_text", "empreinte");

	private static final String COLUMN_LIST = String.join(", ", COLUMNS);

	/**
	 * From the staging table into a table of places ({@code lieu_source} or
	 * {@code lieu}): same origin, same row (idempotent imports). A published lieu has the
	 * origin of the record it takes its id from, so origin and id go together in both
	 * tables.
	 */
	private static String mergeStaged(String table) {
		return upsert(table, "lieu_staging");
	}

	/**
	 * Inserts the rows of {@code from} (a table or a subquery aliased as a table) into
	 * {@code table}, updating rows of the same origin whose content changed.
	 */
	private static String upsert(String table, String from) {
		return "insert into " + table + " (" + COLUMN_LIST + ") select " + COLUMN_LIST + " from " + from
				+ " on conflict (import_source, source_id) do update set "
				+ String.join(", ",
						COLUMNS.stream()
							.filter(column -> !List.of("id", "import_source", "source_id").contains(column))
							.map(column -> column + " = excluded." + column)
							.toList())
				+ ", updated_at = now() where " + table + ".empreinte is distinct from excluded.empreinte"
				+ " returning (xmax = 0) as added";
	}

	private static final String UNIT_SEPARATOR = "\u001f";

	private static final List<String> ARRAY_COLUMNS = List.of("typologie", "courriels", "site_web", "itinerance",
			"services", "publics_specifiquement_adresses", "prise_en_charge_specifique", "frais_a_charge",
			"dispositif_programmes_nationaux", "formations_labels", "modalites_acces", "modalites_accompagnement");

	/**
	 * Every column of {@code lieu} as {@link #mapPlace} reads it, from the alias
	 * {@code l}.
	 */
	private static final String ROW = "l.id, l.import_source, l.source_id, l.pivot, l.nom, l.commune, l.code_postal, "
			+ "l.code_insee, l.departement, l.adresse, l.complement_adresse, l.latitude, l.longitude, l.telephone, "
			+ "l.horaires, l.presentation_resume, l.presentation_detail, l.source, l.structure_parente, l.date_maj, "
			+ "l.autres_formations_labels, l.fiche_acces_libre, l.prise_rdv, l.geocodage, l.received_at, l.updated_at, "
			+ String.join(", ",
					ARRAY_COLUMNS.stream()
						.map(column -> "array_to_string(l." + column + ", chr(31)) as " + column)
						.toList());

	private final DataSource dataSource;

	private final JdbcClient jdbc;

	private final NamedParameterJdbcTemplate named;

	private final NamedParameterJdbcTemplate streaming;

	private final PlacePositions positions;

	JdbcPlaceRepository(DataSource dataSource, JdbcClient jdbc) {
		this.dataSource = dataSource;
		this.jdbc = jdbc;
		this.positions = new PlacePositions(jdbc);
		this.named = new NamedParameterJdbcTemplate(dataSource);
		JdbcTemplate streamingTemplate = new JdbcTemplate(dataSource);
		streamingTemplate.setFetchSize(500);
		this.streaming = new NamedParameterJdbcTemplate(streamingTemplate);
	}

	public long count() {
		return jdbc.sql("select count(*) from lieu").query(Long.class).single();
	}

	/**
	 * The published lieu of that id, or the one that merges the source record of that id
	 * (a lieu whose id disappeared in a merge is still found).
	 */
	public Optional<Place> findById(String id) {
		UUID uuid;
		try {
			uuid = UUID.fromString(id);
		}
		catch (IllegalArgumentException notAnId) {
			return Optional.empty();
		}
		return jdbc
			// two primary-key lookups: a published id, else the lieu holding that record
			.sql("select " + ROW + " from lieu l where l.id = coalesce((select p.id from lieu p where p.id = :id), "
					+ "(select m.lieu_id from lieu_membre m where m.source_record_id = :id))")
			.param("id", uuid)
			.query(this::mapPlace)
			.optional();
	}

	/** The content fingerprint of a published lieu: changes whenever its content does. */
	public Optional<String> findVersion(String id) {
		return jdbc.sql("select empreinte from lieu where id = :id")
			.param("id", UUID.fromString(id))
			.query(String.class)
			.optional();
	}

	/** The outline of every source record, in a stable order. */
	public List<RecordOutline> listSourceOutlines() {
		return streaming.query("select " + OUTLINE + " from lieu_source l order by l.id",
				JdbcPlaceRepository::mapOutline);
	}

	private static final String OUTLINE = "l.id, l.import_source, l.nom, l.commune, l.code_postal, l.code_insee, "
			+ "l.adresse, l.latitude, l.longitude, l.pivot, l.received_at";

	private static RecordOutline mapOutline(ResultSet rs, int row) throws SQLException {
		double latitude = rs.getDouble("latitude");
		Coordinates point = rs.wasNull() ? null : new Coordinates(latitude, rs.getDouble("longitude"));
		Timestamp receivedAt = rs.getTimestamp("received_at");
		return new RecordOutline(rs.getString("id"), rs.getString("import_source"), rs.getString("nom"),
				rs.getString("commune"), rs.getString("code_postal"), rs.getString("code_insee"),
				rs.getString("adresse"), point, rs.getString("pivot"),
				receivedAt == null ? null : receivedAt.toInstant());
	}

	private static UUID[] uuids(Collection<String> ids) {
		return ids.stream().map(UUID::fromString).toArray(UUID[]::new);
	}

	/** The outlines of these source records (unknown ids are left out). */
	public List<RecordOutline> listSourceOutlines(Collection<String> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("select " + OUTLINE + " from unnest(:ids) as wanted(id) join lieu_source l on l.id = wanted.id")
			.param("ids", uuids(ids))
			.query(JdbcPlaceRepository::mapOutline)
			.list();
	}

	/**
	 * The outlines of the source records with coordinates that are in one of these
	 * communes, or without a commune code when {@code withoutCodeInsee}, or of one of
	 * these SIRET, or in a box around one of these points; each once. Every branch is an
	 * index lookup (V19_3), so the cost grows with the neighbourhood, not the table.
	 */
	public List<RecordOutline> listSourceOutlinesAround(Collection<String> codesInsee, boolean withoutCodeInsee,
			Collection<String> pivots, List<Coordinates> centres, double latitudeSpan, double longitudeSpan) {
		List<String> branches = new ArrayList<>();
		if (!codesInsee.isEmpty()) {
			branches.add("select l.id from unnest(cast(:codes as text[])) as wanted(code) "
					+ "join lieu_source l on l.code_insee = wanted.code");
		}
		if (withoutCodeInsee) {
			branches.add("select l.id from lieu_source l where l.code_insee is null");
		}
		if (!pivots.isEmpty()) {
			branches.add("select l.id from unnest(cast(:pivots as text[])) as wanted(pivot) "
					+ "join lieu_source l on l.pivot = wanted.pivot");
		}
		if (!centres.isEmpty()) {
			branches.add("select l.id from unnest(cast(:lats as double precision[]), "
					+ "cast(:lons as double precision[])) as centre(lat, lon) join lieu_source l "
					+ "on l.latitude between centre.lat - :latSpan and centre.lat + :latSpan "
					+ "and l.longitude between centre.lon - :lonSpan and centre.lon + :lonSpan");
		}
		if (branches.isEmpty()) {
			return List.of();
		}
		return jdbc
			.sql("select " + OUTLINE + " from (" + String.join(" union ", branches) + ") found "
					+ "join lieu_source l on l.id = found.id where l.latitude is not null")
			.param("codes", codesInsee.toArray(String[]::new))
			.param("pivots", pivots.toArray(String[]::new))
			.param("lats", centres.stream().map(Coordinates::latitude).toArray(Double[]::new))
			.param("lons", centres.stream().map(Coordinates::longitude).toArray(Double[]::new))
			.param("latSpan", latitudeSpan)
			.param("lonSpan", longitudeSpan)
			.query(JdbcPlaceRepository::mapOutline)
			.list();
	}

	/**
	 * Every source record published in the same lieu as one of these records (those
	 * records included when published): record id → lieu id.
	 */
	public Map<String, String> mapLieuMates(Collection<String> recordIds) {
		Map<String, String> mates = new HashMap<>();
		if (recordIds.isEmpty()) {
			return mates;
		}
		jdbc.sql("select distinct mate.source_record_id, mate.lieu_id from unnest(:ids) as wanted(id) "
				+ "join lieu_membre m on m.source_record_id = wanted.id "
				+ "join lieu_membre mate on mate.lieu_id = m.lieu_id")
			.param("ids", uuids(recordIds))
			.query((rs, row) -> mates.put(rs.getString(1), rs.getString(2)))
			.list();
		return mates;
	}

	/** These source records, by id (unknown ids are left out). */
	/**
	 * These published lieux by id (their own, not a merged record's); unknown ids are
	 * left out.
	 */
	public Map<String, Place> mapPublished(Collection<String> ids) {
		Map<String, Place> lieux = new HashMap<>();
		if (ids.isEmpty()) {
			return lieux;
		}
		jdbc.sql("select " + ROW + " from unnest(:ids) as wanted(id) join lieu l on l.id = wanted.id")
			.param("ids", ids.stream().map(UUID::fromString).toArray(UUID[]::new))
			.query(this::mapPlace)
			.list()
			.forEach(lieu -> lieux.put(lieu.id(), lieu));
		return lieux;
	}

	public Map<String, Place> mapSourceRecords(Collection<String> ids) {
		Map<String, Place> records = new HashMap<>();
		if (ids.isEmpty()) {
			return records;
		}
		// many ids: joined with unnest, not filtered by "= any(:ids)", which a
		// generic plan may check against the whole array for every row of the
		// table (docs/performance.md)
		jdbc.sql("select " + ROW + " from unnest(:ids) as wanted(id) join lieu_source l on l.id = wanted.id")
			.param("ids", ids.stream().map(UUID::fromString).toArray(UUID[]::new))
			.query(this::mapPlace)
			.list()
			.forEach(record -> records.put(record.id(), record));
		return records;
	}

	/** The source records a published lieu merges, in a stable order. */
	public List<Place> listMemberRecords(String publishedId) {
		return jdbc
			.sql("select " + ROW + " from lieu_source l join lieu_membre m on m.source_record_id = l.id "
					+ "where m.lieu_id = :id order by l.id")
			.param("id", UUID.fromString(publishedId))
			.query(this::mapPlace)
			.list();
	}

	/** The origins of the records each of these published lieux merges. */
	public Map<String, List<PlaceOrigin>> mapOrigins(Collection<String> publishedIds) {
		Map<String, List<PlaceOrigin>> origins = new LinkedHashMap<>();
		if (publishedIds.isEmpty()) {
			return origins;
		}
		// one row per lieu (a lieu may merge dozens of records): the driver's
		// cost is per row. A lateral lookup per wanted lieu, so that the plan is
		// index lookups whatever the statistics say (after a large import they
		// may be stale, and a hash join reads every membership: 13 ms instead of
		// 0.3 on 100 000 lieux).
		jdbc.sql("select wanted.id as lieu_id, o.origines from unnest(:ids) as wanted(id) cross join lateral "
				+ "(select string_agg(s.import_source || chr(31) || s.source_id, chr(30) "
				+ "order by s.import_source, s.source_id) as origines from lieu_membre m "
				+ "join lieu_source s on s.id = m.source_record_id where m.lieu_id = wanted.id) o "
				+ "where o.origines is not null")
			.param("ids", publishedIds.stream().map(UUID::fromString).toArray(UUID[]::new))
			.query((rs, row) -> {
				List<PlaceOrigin> list = new ArrayList<>();
				for (String origin : rs.getString("origines").split("\u001e")) {
					String[] parts = origin.split(UNIT_SEPARATOR, 2);
					list.add(new PlaceOrigin(parts[0], parts[1]));
				}
				origins.put(rs.getString("lieu_id"), list);
				return null;
			})
			.list();
		return origins;
	}

	/**
	 * One page of matches and the total. The filtering pass selects only ids (and
	 * distances), so that it can be answered from indexes; full rows are read for the
	 * page only.
	 */
	public PlacePage search(PlaceQuery query) {
		if (query.near() != null) {
			return searchAround(query, query.near());
		}
		SqlQuery sql = SqlQuery.of(query);
		MapSqlParameterSource params = sql.params();
		params.addValue("limit", query.size()).addValue("offset", (long) (query.page() - 1) * query.size());
		String select = "with matches as (" + sql.matches() + "), page as (select id, distance_km, "
				+ "count(*) over () as total from matches order by " + sql.pageOrder()
				+ " limit :limit offset :offset) " + "select " + ROW
				+ ", page.distance_km, page.total from page join lieu l on l.id = page.id order by " + sql.order();
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

	/**
	 * Around a point, with vocabulary filters only, the lieux within the radius come from
	 * the {@link PositionIndex} held in memory; with text or territory filters, the
	 * database returns the ids and coordinates of the matches in the bounding box. Either
	 * way, full rows are read for the page only (docs/performance.md).
	 */
	private PlacePage searchAround(PlaceQuery query, PlaceQuery.Near near) {
		List<PositionIndex.Hit> inRadius = PositionIndex.Filter.findFor(query)
			.map(filter -> positions.current().within(near.centre(), near.radiusKm(), filter))
			.orElseGet(() -> searchAroundInDatabase(query, near));
		int from = (int) Math.min(inRadius.size(), (long) (query.page() - 1) * query.size());
		List<PositionIndex.Hit> page = inRadius.subList(from, Math.min(inRadius.size(), from + query.size()));
		Map<String, Place> rows = new HashMap<>();
		if (!page.isEmpty()) {
			jdbc.sql("select " + ROW + " from lieu l where l.id = any(:ids)")
				.param("ids", page.stream().map(hit -> UUID.fromString(hit.id())).toArray(UUID[]::new))
				.query(this::mapPlace)
				.list()
				.forEach(place -> rows.put(place.id(), place));
		}
		List<PlacePage.Hit> hits = new ArrayList<>(page.size());
		for (PositionIndex.Hit hit : page) {
			Place place = rows.get(hit.id());
			// a lieu removed between the two reads (a publication committed) is left out
			if (place != null) {
				hits.add(new PlacePage.Hit(place, hit.distanceKm()));
			}
		}
		return new PlacePage(inRadius.size(), query.page(), query.size(), hits);
	}

	private List<PositionIndex.Hit> searchAroundInDatabase(PlaceQuery query, PlaceQuery.Near near) {
		SqlQuery sql = SqlQuery.of(query);
		List<PositionIndex.Hit> inRadius = new ArrayList<>();
		named.query("select id, latitude, longitude from lieu" + sql.where(), sql.params(), rs -> {
			double distance = near.centre()
				.distanceKmTo(new Coordinates(rs.getDouble("latitude"), rs.getDouble("longitude")));
			if (distance <= near.radiusKm()) {
				inRadius.add(new PositionIndex.Hit(rs.getString("id"), distance));
			}
		});
		inRadius.sort(PositionIndex.Hit.NEAREST_FIRST);
		return inRadius;
	}

	public void forEach(PlaceQuery query, Consumer<Place> consumer) {
		SqlQuery sql = SqlQuery.of(query);
		String select = "select " + ROW + ", " + sql.distanceColumn() + " from (" + sql.filtered() + ") l "
				+ sql.distanceFilter() + " order by " + sql.order();
		streaming.query(select, sql.params(), rs -> {
			consumer.accept(mapPlace(rs, 0));
		});
	}

	public void countConsultation(String placeId, LocalDate day) {
		jdbc.sql("""
				insert into lieu_consultation (lieu_id, jour, nombre) values (:id, :day, 1)
				on conflict (lieu_id, jour) do update set nombre = lieu_consultation.nombre + 1""")
			.param("id", UUID.fromString(placeId))
			.param("day", Date.valueOf(day))
			.update();
	}

	public List<DailyConsultations> listConsultations(String placeId) {
		return jdbc.sql("select jour, nombre from lieu_consultation where lieu_id = :id order by jour")
			.param("id", UUID.fromString(placeId))
			.query((rs, row) -> new DailyConsultations(rs.getDate("jour").toLocalDate(), rs.getLong("nombre")))
			.list();
	}

	public long sumConsultations(PlaceQuery query, LocalDate from, LocalDate to) {
		SqlQuery sql = SqlQuery.of(query);
		MapSqlParameterSource params = sql.params()
			.addValue("from", Date.valueOf(from))
			.addValue("to", Date.valueOf(to));
		Long total = named.queryForObject(
				"select coalesce(sum(c.nombre), 0) from lieu_consultation c where c.jour "
						+ "between :from and :to and c.lieu_id in (select id from (" + sql.matches() + ") m)",
				params, Long.class);
		return total == null ? 0 : total;
	}

	private long countMatches(SqlQuery sql) {
		return named.queryForObject("select count(*) from (" + sql.matches() + ") counted", sql.params(), Long.class);
	}

	/**
	 * Inserts or updates a batch in the caller's transaction. Rows are streamed with COPY
	 * into a temporary staging table, then merged with one INSERT … ON CONFLICT: an order
	 * of magnitude faster than batched statements with 36 parameters each
	 * (docs/performance.md).
	 */
	public SavedPlaces upsertAll(List<Place> places) {
		if (places.isEmpty()) {
			return SavedPlaces.NONE;
		}
		// records never received before are copied straight into lieu_source: staging and
		// merging are for records that may change (a first import of a source is all new)
		Set<String> known = new HashSet<>(jdbc.sql("select id from lieu_source where id = any(:ids)")
			.param("ids", places.stream().map(place -> UUID.fromString(place.id())).toArray(UUID[]::new))
			.query(String.class)
			.list());
		List<List<Object>> fresh = new ArrayList<>();
		List<List<Object>> received = new ArrayList<>();
		Set<String> seen = new HashSet<>();
		for (Place place : places) {
			boolean isNew = !known.contains(place.id()) && seen.add(place.id());
			(isNew ? fresh : received).add(copyValues(place));
		}
		PostgresCopy.copyIn(dataSource, "copy lieu_source (" + COLUMN_LIST + ") from stdin with (format csv)", fresh);
		List<Boolean> written = stageAndMerge("lieu_source", received);
		int added = fresh.size() + (int) written.stream().filter(Boolean::booleanValue).count();
		int changed = fresh.size() + written.size();
		return new SavedPlaces(added, changed - added, places.size() - changed);
	}

	/** Rows whose content is unchanged are not updated, hence not returned. */
	private List<Boolean> stageAndMerge(String table, List<List<Object>> rows) {
		if (rows.isEmpty()) {
			return List.of();
		}
		jdbc.sql("create temporary table if not exists lieu_staging (like lieu including defaults) "
				+ "on commit delete rows")
			.update();
		jdbc.sql("truncate lieu_staging").update();
		PostgresCopy.copyIn(dataSource, "copy lieu_staging (" + COLUMN_LIST + ") from stdin with (format csv)", rows);
		if (table.equals("lieu_source")) {
			// a record whose content changes keeps its previous content in the history
			jdbc.sql("""
					insert into lieu_source_historique (source_record_id, import_source, remplace_le, avant, apres)
					select s.id, s.import_source, now(), to_jsonb(s) - 'search_text' - 'empreinte' - 'received_at'
					       - 'updated_at', to_jsonb(t) - 'search_text' - 'empreinte' - 'received_at' - 'updated_at'
					from lieu_source s join lieu_staging t
					  on t.import_source = s.import_source and t.source_id = s.source_id
					where s.empreinte is distinct from t.empreinte""").update();
		}
		return jdbc.sql(mergeStaged(table)).query(Boolean.class).list();
	}

	/**
	 * Replaces the published directory, in the caller's transaction: lieux whose content
	 * changed are written, lieux no publication holds any more are removed after their
	 * page views and error reports have moved to the lieu that now holds their record,
	 * and memberships that changed are written. A record alone in its lieu is copied from
	 * {@code lieu_source} inside the database: it never travels to the application and
	 * back.
	 * @param alone ids of the records published as they are, each its own lieu
	 * @param merged the lieux that merge several records
	 */
	public PublishedChanges replacePublished(List<String> alone, List<PublishedPlace> merged) {
		// which lone records differ from their lieu is decided here, on the
		// fingerprints of both tables read whole: an anti-join planned on
		// statistics taken before an import (a table seen nearly empty) ran a
		// scan per row, 90 s for 50 000 lieux
		Map<String, String> fingerprints = mapFingerprints("lieu");
		Map<String, String> recordFingerprints = mapFingerprints("lieu_source");
		Map<String, String> memberships = mapPairs("select source_record_id, lieu_id from lieu_membre");
		int[] counts = writePublished(fingerprints, recordFingerprints, memberships, alone, merged);
		return new PublishedChanges(counts[0], counts[1], counts[2]);
	}

	/**
	 * Replaces part of the published directory, in the caller's transaction: the lieux of
	 * these source records become the given ones. The records must be whole lieux (every
	 * record published with one of them is among them) and every one must be in
	 * {@code alone} or in a lieu of {@code merged}; the rest of the directory is neither
	 * read nor written.
	 * @param records ids of the source records regrouped
	 */
	public PublishedChanges replacePublishedPart(Collection<String> records, List<String> alone,
			List<PublishedPlace> merged) {
		UUID[] ids = uuids(records);
		Map<String, String> fingerprints = new HashMap<>();
		jdbc.sql("select l.id, l.empreinte from lieu l where l.id in (select m.lieu_id from unnest(:ids) as "
				+ "wanted(id) join lieu_membre m on m.source_record_id = wanted.id) or l.id in "
				+ "(select wanted.id from unnest(:ids) as wanted(id))")
			.param("ids", ids)
			.query((rs, row) -> fingerprints.put(rs.getString(1), rs.getString(2)))
			.list();
		Map<String, String> recordFingerprints = new HashMap<>();
		jdbc.sql("select l.id, l.empreinte from unnest(:ids) as wanted(id) join lieu_source l on l.id = wanted.id")
			.param("ids", uuids(alone))
			.query((rs, row) -> recordFingerprints.put(rs.getString(1), rs.getString(2)))
			.list();
		Map<String, String> memberships = new HashMap<>();
		jdbc.sql("select m.source_record_id, m.lieu_id from unnest(:ids) as wanted(id) "
				+ "join lieu_membre m on m.source_record_id = wanted.id")
			.param("ids", ids)
			.query((rs, row) -> memberships.put(rs.getString(1), rs.getString(2)))
			.list();
		int[] counts = writePublished(fingerprints, recordFingerprints, memberships, alone, merged);
		return new PublishedChanges((int) count(), counts[1], counts[2]);
	}

	/**
	 * Writes the lieux that differ from {@code fingerprints} and the memberships that
	 * differ from {@code memberships}, and removes the lieux of {@code fingerprints} that
	 * are no longer published.
	 * @param fingerprints id → fingerprint of the lieux being replaced
	 * @param recordFingerprints id → fingerprint of (at least) the records of
	 * {@code alone}
	 * @param memberships record → lieu of (at least) the records being regrouped
	 * @return lieux published, written and removed
	 */
	private int[] writePublished(Map<String, String> fingerprints, Map<String, String> recordFingerprints,
			Map<String, String> memberships, List<String> alone, List<PublishedPlace> merged) {
		List<List<Object>> changed = new ArrayList<>();
		Map<String, String> lieuOfRecord = new HashMap<>();
		alone.forEach(id -> lieuOfRecord.put(id, id));
		Set<String> publishedIds = new HashSet<>(alone);
		for (PublishedPlace place : merged) {
			String id = place.place().id();
			publishedIds.add(id);
			List<Object> row = copyValues(place.place());
			if (!row.get(row.size() - 1).equals(fingerprints.get(id))) {
				changed.add(row);
			}
			place.memberIds().forEach(member -> lieuOfRecord.put(member, id));
		}
		UUID[] aloneChanged = alone.stream()
			.filter(id -> !fingerprints.containsKey(id)
					|| !Objects.equals(recordFingerprints.get(id), fingerprints.get(id)))
			.map(UUID::fromString)
			.toArray(UUID[]::new);
		if (aloneChanged.length > MANY_ROWS) {
			refreshStatistics("lieu_source");
		}
		int written = aloneChanged.length == 0 ? 0
				: jdbc
					.sql(upsert("lieu",
							"(select s.* from unnest(:alone) as wanted(id) join lieu_source s on s.id = wanted.id) s"))
					.param("alone", aloneChanged)
					.query(Boolean.class)
					.list()
					.size();
		written += stageAndMerge("lieu", changed).size();
		replaceMemberships(memberships, lieuOfRecord);
		UUID[] stale = fingerprints.keySet()
			.stream()
			.filter(id -> !publishedIds.contains(id))
			.map(UUID::fromString)
			.toArray(UUID[]::new);
		if (stale.length > 0) {
			jdbc.sql("""
					insert into lieu_consultation (lieu_id, jour, nombre)
					select m.lieu_id, c.jour, c.nombre from lieu_consultation c
					join lieu_membre m on m.source_record_id = c.lieu_id
					join unnest(:stale) as gone(id) on gone.id = c.lieu_id
					on conflict (lieu_id, jour) do update set nombre = lieu_consultation.nombre + excluded.nombre""")
				.param("stale", stale)
				.update();
			jdbc.sql("""
					update signalement s set lieu_id = m.lieu_id from lieu_membre m, unnest(:stale) as gone(id)
					where m.source_record_id = s.lieu_id and s.lieu_id = gone.id""").param("stale", stale).update();
			jdbc.sql("delete from lieu l using unnest(:stale) as gone(id) where l.id = gone.id")
				.param("stale", stale)
				.update();
		}
		if (written + stale.length > MANY_ROWS) {
			refreshStatistics("lieu");
		}
		positions.publicationChanged();
		return new int[] { publishedIds.size(), written, stale.length };
	}

	/**
	 * Writes only the memberships that differ from the last publication: rewriting them
	 * all cost every publication, even of one changed record, half a second on a
	 * directory of 50 000 lieux.
	 * @param current the lieu of every record being regrouped, as last published
	 * @param lieuOfRecord the lieu of every record published
	 */
	private void replaceMemberships(Map<String, String> current, Map<String, String> lieuOfRecord) {
		List<UUID> gone = new ArrayList<>();
		current.keySet()
			.stream()
			.filter(record -> !lieuOfRecord.containsKey(record))
			.forEach(record -> gone.add(UUID.fromString(record)));
		List<List<Object>> added = new ArrayList<>();
		List<UUID> movedRecords = new ArrayList<>();
		List<UUID> movedTo = new ArrayList<>();
		lieuOfRecord.forEach((record, lieu) -> {
			String before = current.get(record);
			if (before == null) {
				added.add(List.of(record, lieu));
			}
			else if (!before.equals(lieu)) {
				movedRecords.add(UUID.fromString(record));
				movedTo.add(UUID.fromString(lieu));
			}
		});
		if (!gone.isEmpty()) {
			jdbc.sql("delete from lieu_membre m using unnest(:gone) as g(id) where m.source_record_id = g.id")
				.param("gone", gone.toArray(UUID[]::new))
				.update();
		}
		if (!movedRecords.isEmpty()) {
			jdbc.sql("""
					update lieu_membre m set lieu_id = moved.lieu_id
					from unnest(:records, :lieux) as moved(source_record_id, lieu_id)
					where m.source_record_id = moved.source_record_id""")
				.param("records", movedRecords.toArray(UUID[]::new))
				.param("lieux", movedTo.toArray(UUID[]::new))
				.update();
		}
		// records never published before: a first import brings 50 000 at once
		PostgresCopy.copyIn(dataSource, "copy lieu_membre (source_record_id, lieu_id) from stdin with (format csv)",
				added);
	}

	/**
	 * Beyond this many rows written, the statistics of a table are taken again in the
	 * writing transaction (which sees its own rows): planned on statistics of a table
	 * seen nearly empty, a join with 50 000 ids scanned the table once per id (30–90 s
	 * instead of 2 s), and readers would meet the same plans until autovacuum's next
	 * pass.
	 */
	private static final int MANY_ROWS = 1_000;

	/** Id → content fingerprint of every row of {@code lieu} or {@code lieu_source}. */
	private Map<String, String> mapFingerprints(String table) {
		return mapPairs("select id, empreinte from " + table);
	}

	/** The first column of every row of a query → its second column. */
	private Map<String, String> mapPairs(String select) {
		Map<String, String> pairs = new HashMap<>();
		jdbc.sql(select).query((rs, row) -> {
			pairs.put(rs.getString(1), rs.getString(2));
			return null;
		}).list();
		return pairs;
	}

	private void refreshStatistics(String table) {
		// the size of the table and its ids are what those plans need; every column's
		// statistics would cost a second per 50 000 rows (autovacuum takes them later)
		jdbc.sql("analyze " + table + " (id)").update();
	}

	private static List<Object> copyValues(Place place) {
		MapSqlParameterSource params = toParams(place);
		List<Object> values = new ArrayList<>(COLUMNS.size());
		StringBuilder content = new StringBuilder();
		for (String column : COLUMNS) {
			if (column.equals("empreinte")) {
				values.add(fingerprint(content));
				continue;
			}
			Object value = params.getValue(column);
			values.add(value);
			// the date of update alone is no change of content
			if (!column.equals("date_maj")) {
				content.append(value instanceof String[] array ? String.join(UNIT_SEPARATOR, array) : value)
					.append('\u001e');
			}
		}
		return values;
	}

	private static String fingerprint(CharSequence content) {
		try {
			byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
				.digest(content.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
			return java.util.HexFormat.of().formatHex(digest, 0, 16);
		}
		catch (java.security.NoSuchAlgorithmException impossible) {
			throw new IllegalStateException(impossible);
		}
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
			.addValue("geocodage", place.geocoding() == null ? null : place.geocoding().code())
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
		Timestamp changedAt = rs.getTimestamp("updated_at");
		return new Place(new PlaceOrigin(rs.getString("import_source"), rs.getString("source_id")),
				rs.getString("pivot"), rs.getString("nom"), rs.getString("commune"), rs.getString("code_postal"),
				rs.getString("code_insee"), rs.getString("adresse"), rs.getString("complement_adresse"), point,
				strings(array(rs, "typologie")), rs.getString("telephone"), strings(array(rs, "courriels")),
				strings(array(rs, "site_web")), rs.getString("horaires"), rs.getString("presentation_resume"),
				rs.getString("presentation_detail"), rs.getString("source"),
				vocabulary(array(rs, "itinerance"), Itinerance.class), rs.getString("structure_parente"),
				updatedOn == null ? null : updatedOn.toLocalDate(),
				vocabulary(array(rs, "services"), MediationService.class),
				vocabulary(array(rs, "publics_specifiquement_adresses"), SpecificPublic.class),
				vocabulary(array(rs, "prise_en_charge_specifique"), SpecificSupport.class),
				vocabulary(array(rs, "frais_a_charge"), Fee.class),
				vocabulary(array(rs, "dispositif_programmes_nationaux"), NationalProgram.class),
				vocabulary(array(rs, "formations_labels"), TrainingLabel.class),
				rs.getString("autres_formations_labels"), vocabulary(array(rs, "modalites_acces"), AccessMode.class),
				vocabulary(array(rs, "modalites_accompagnement"), SupportMode.class), rs.getString("fiche_acces_libre"),
				rs.getString("prise_rdv"),
				rs.getString("geocodage") == null ? null : Geocoding.ofCode(rs.getString("geocodage")),
				receivedAt == null ? null : receivedAt.toInstant(), changedAt == null ? null : changedAt.toInstant());
	}

	private static List<String> strings(String[] array) {
		return Arrays.asList(array);
	}

	/**
	 * The elements of a text[] column read as {@code array_to_string(col, U+001F)}:
	 * splitting one string is many times cheaper than the driver's parsing of array
	 * literals, and no value contains that control character.
	 */
	public List<PlacePoint> listPoints(@Nullable Collection<String> communes) {
		String sql = "select id, nom, code_insee, latitude, longitude, array_to_string(services, '" + UNIT_SEPARATOR
				+ "') as services from lieu where latitude is not null and longitude is not null"
				+ (communes == null ? "" : " and code_insee = any(cast(:communes as text[]))") + " order by nom, id";
		var statement = jdbc.sql(sql);
		if (communes != null) {
			statement = statement.param("communes", communes.toArray(String[]::new));
		}
		return statement
			.query((rs, row) -> new PlacePoint(rs.getString("id"), rs.getString("nom"), rs.getString("code_insee"),
					rs.getDouble("latitude"), rs.getDouble("longitude"), services(array(rs, "services"))))
			.list();
	}

	/**
	 * The places of these départements, communes or ids (any of them); every place when
	 * all three are null.
	 */
	public List<PlaceSummary> listSummaries(@Nullable Collection<String> departements,
			@Nullable Collection<String> codesInsee, @Nullable Collection<String> ids) {
		boolean all = departements == null && codesInsee == null && ids == null;
		String sql = "select id, nom, commune, code_insee, departement, date_maj, search_text, "
				+ "array_to_string(services, '" + UNIT_SEPARATOR + "') as services from lieu"
				+ (all ? "" : " where departement = any(cast(:departements as text[])) "
						+ "or code_insee = any(cast(:communes as text[])) or id = any(cast(:ids as uuid[]))");
		var statement = jdbc.sql(sql);
		if (!all) {
			statement = statement
				.param("departements", (departements == null ? List.<String>of() : departements).toArray(String[]::new))
				.param("communes", (codesInsee == null ? List.<String>of() : codesInsee).toArray(String[]::new))
				.param("ids",
						(ids == null ? List.<String>of() : ids).stream()
							.map(java.util.UUID::fromString)
							.toArray(java.util.UUID[]::new));
		}
		return statement.query((rs, row) -> {
			java.sql.Date updated = rs.getDate("date_maj");
			return new PlaceSummary(rs.getString("id"), rs.getString("nom"), rs.getString("commune"),
					rs.getString("code_insee"), rs.getString("departement"), services(array(rs, "services")),
					updated == null ? null : updated.toLocalDate(), rs.getString("search_text"));
		}).list();
	}

	private static Set<MediationService> services(String[] labels) {
		Set<MediationService> services = EnumSet.noneOf(MediationService.class);
		services.addAll(vocabulary(labels, MediationService.class));
		return services;
	}

	private static String[] array(ResultSet rs, String column) throws SQLException {
		String joined = rs.getString(column);
		return joined == null || joined.isEmpty() ? new String[0] : joined.split(UNIT_SEPARATOR, -1);
	}

	private static <E extends Enum<E> & Vocabulary> List<E> vocabulary(String[] array, Class<E> type) {
		List<E> values = new ArrayList<>();
		for (String label : strings(array)) {
			Vocabulary.findByLabel(type, label).ifPresent(values::add);
		}
		return values;
	}

	/** The WHERE clauses of a query, shared by the page, the count and the export. */
	private record SqlQuery(String where, String distanceColumn, String distanceFilter, String order, String pageOrder,
			Map<String, Object> values) {

		String filtered() {
			return "select * from lieu" + where;
		}

		/**
		 * Ids of the matches with what sorting needs; around a point that is only columns
		 * of the geographic index, so PostgreSQL can answer from the index alone.
		 */
		String matches() {
			return pageOrder.startsWith("distance_km")
					? "select id, " + distanceColumn + " from (select id, latitude, longitude from lieu" + where
							+ ") l " + distanceFilter
					: "select id, nom, null::double precision as distance_km from lieu" + where;
		}

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
			anyOf(where, values, "code_postal = any(cast(:codes_postaux as text[]))", "codes_postaux",
					query.postalCodes());
			anyOf(where, values, "departement = any(cast(:departements as text[]))", "departements",
					query.departements());
			if (query.withinCommunes() != null) {
				where.add("code_insee = any(cast(:within_communes as text[]))");
				values.put("within_communes", query.withinCommunes().toArray(String[]::new));
			}
			// Around a point, the position index alone is selective; letting the planner
			// also read the services
			// index (a service is offered by most places) makes the query several times
			// slower, so the filter is
			// written in a form that index cannot serve there.
			boolean aroundPoint = query.near() != null;
			overlaps(where, values, aroundPoint ? "coalesce(services, '{}')" : "services", "services",
					query.services());
			overlaps(where, values, "publics_specifiquement_adresses", "publics_specifiquement_adresses",
					query.publics());
			overlaps(where, values, "prise_en_charge_specifique", "prise_en_charge_specifique",
					query.specificSupports());
			overlaps(where, values, "frais_a_charge", "frais_a_charge", query.fees());
			overlaps(where, values, "modalites_accompagnement", "modalites_accompagnement", query.supportModes());
			overlaps(where, values, "dispositif_programmes_nationaux", "dispositif_programmes_nationaux",
					query.nationalPrograms());
			if (query.itinerantOnly()) {
				where.add("'Itinérant' = any(itinerance)");
			}
			String distanceColumn = "null::double precision as distance_km";
			String distanceFilter = "";
			String order = "l.nom, l.id";
			String pageOrder = "nom, id";
			PlaceQuery.Near near = query.near();
			if (near != null) {
				double[] box = near.centre().boundingBox(near.radiusKm());
				where.add("latitude is not null and point(longitude, latitude) <@ "
						+ "box(point(:min_lon, :min_lat), point(:max_lon, :max_lat))");
				values.put("min_lat", box[0]);
				values.put("max_lat", box[1]);
				values.put("min_lon", box[2]);
				values.put("max_lon", box[3]);
				values.put("lat", near.centre().latitude());
				values.put("lon", near.centre().longitude());
				values.put("radius_km", near.radiusKm());
				distanceColumn = DISTANCE_KM + " as distance_km";
				distanceFilter = "where " + DISTANCE_KM + " <= :radius_km";
				order = "page.distance_km, l.id";
				pageOrder = "distance_km, id";
			}
			String whereClause = where.isEmpty() ? "" : " where " + String.join(" and ", where);
			return new SqlQuery(whereClause, distanceColumn, distanceFilter, order, pageOrder, values);
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

		private static void overlaps(List<String> where, Map<String, Object> values, String expression, String name,
				List<? extends Vocabulary> wanted) {
			if (!wanted.isEmpty()) {
				where.add(expression + " && cast(:" + name + " as text[])");
				values.put(name, labels(wanted));
			}
		}

	}

}
