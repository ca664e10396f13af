package fr.maillage.territories.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import fr.maillage.shared.text.TextFolding;
import fr.maillage.territories.Centre;
import fr.maillage.territories.CommuneProfile;
import fr.maillage.territories.CommuneRef;
import fr.maillage.territories.TerritoryDetails;
import fr.maillage.territories.TerritoryHit;
import fr.maillage.territories.search.TerritorySearchIndex;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Territories in PostgreSQL: prefix search over names, codes and postcodes, and details.
 */
@Repository
public class JdbcTerritoryRepository {

	private final JdbcClient jdbc;

	/**
	 * Takes the loader so that Spring loads the reference data before anything reads it.
	 */
	JdbcTerritoryRepository(JdbcClient jdbc, TerritoryReferenceLoader loader) {
		this.jdbc = jdbc;
	}

	/** Communes actuelles and arrondissements municipaux, for in-memory lookups. */
	public List<CommuneRef> listCommuneRefs() {
		return jdbc.sql("""
				select code, nom, departement, collectivite, codes_postaux, latitude, longitude from commune
				where type in ('commune-actuelle', 'arrondissement-municipal')""")
			.query((rs, row) -> new CommuneRef(rs.getString("code"), rs.getString("nom"), rs.getString("departement"),
					rs.getString("collectivite"), Arrays.asList((String[]) rs.getArray("codes_postaux").getArray()),
					centre(rs)))
			.list();
	}

	/** Former code → current code. */
	public Map<String, String> mapNames(String table) {
		if (!List.of("epci", "departement", "region").contains(table)) {
			throw new IllegalArgumentException(table);
		}
		Map<String, String> names = new HashMap<>();
		jdbc.sql("select code, nom from " + table)
			.query((rs, row) -> names.put(rs.getString(1), rs.getString(2)))
			.list();
		return names;
	}

	public Map<String, String> mapFormerCodes() {
		Map<String, String> map = new LinkedHashMap<>();
		jdbc.sql("select ancien_code, min(code) from commune_ancien_code group by ancien_code")
			.query((rs, row) -> map.put(rs.getString(1), rs.getString(2)))
			.list();
		return map;
	}

	/**
	 * INSEE codes of the communes and arrondissements of a territory: {@code epci}
	 * (SIREN), {@code departement} (including 69D and 69M) or {@code region}.
	 */
	public List<CommuneProfile> listCommuneProfiles() {
		return jdbc.sql("""
				select code, nom, departement, collectivite, region, epci, coalesce(population, 0) as population,
				       latitude, longitude
				from commune where type = 'commune-actuelle' order by code""").query((rs, row) -> {
			double lat = rs.getDouble("latitude");
			Centre centre = rs.wasNull() ? null : new Centre(lat, rs.getDouble("longitude"));
			return new CommuneProfile(rs.getString("code"), rs.getString("nom"), rs.getString("departement"),
					rs.getString("collectivite"), rs.getString("region"), rs.getString("epci"),
					rs.getLong("population"), centre);
		}).list();
	}

	public List<String> listCommuneCodes(String level, String code) {
		String condition = switch (level) {
			case "epci" -> "(c.epci = :code or c.ept = :code)";
			case "departement" -> "(c.departement = :code or c.collectivite = :code)";
			case "region" -> "c.region = :code";
			default -> throw new IllegalArgumentException(level);
		};
		return jdbc.sql("select c.code from commune c where c.type = 'commune-actuelle' and " + condition
				+ " union select a.code from commune a join commune c on c.code = a.parent and c.type = 'commune-actuelle'"
				+ " where a.type = 'arrondissement-municipal' and " + condition)
			.param("code", code)
			.query(String.class)
			.list();
	}

	/**
	 * Every searchable territory, for the in-memory index: type order 0 départements and
	 * régions, 1 communes, 2 EPCI, 3 arrondissements, 4 communes déléguées and associées.
	 */
	public List<TerritorySearchIndex.Entry> listSearchEntries() {
		return jdbc
			.sql("""
					select 'departement' as type, code, nom, code as departement, population, latitude, longitude,
					       0 as type_order, parent, '{}'::text[] as codes_postaux from departement
					union all
					select 'region', code, nom, null, population, latitude, longitude, 0, null, '{}' from region
					union all
					select case type when 'commune-actuelle' then 'commune' when 'arrondissement-municipal'
					       then 'arrondissement' when 'commune-deleguee' then 'commune_deleguee' else 'commune_associee' end,
					       code, nom, departement, population, latitude, longitude,
					       case type when 'commune-actuelle' then 1 when 'arrondissement-municipal' then 3 else 4 end,
					       null, case when type = 'commune-actuelle' then codes_postaux else '{}' end
					from commune
					union all
					select case when type = 'EPT' then 'ept' else 'epci' end, code, nom, null, population, latitude,
					       longitude, 2, null, '{}' from epci""")
			.query((rs, row) -> new TerritorySearchIndex.Entry(hit(rs, row), rs.getInt("type_order"),
					rs.getString("parent"), Arrays.asList((String[]) rs.getArray("codes_postaux").getArray())))
			.list();
	}

	private static TerritoryHit hit(ResultSet rs, int row) throws SQLException {
		String type = rs.getString("type");
		String nom = rs.getString("nom");
		String departement = rs.getString("departement");
		long population = rs.getLong("population");
		Long populationOrNull = rs.wasNull() ? null : population;
		String libelle = switch (type) {
			case "commune", "commune_deleguee", "commune_associee", "arrondissement" -> nom + " (" + departement + ")";
			case "departement" -> nom + " (" + rs.getString("code") + ")";
			default -> nom;
		};
		return new TerritoryHit(type, rs.getString("code"), nom, libelle, departement, populationOrNull, centre(rs));
	}

	private static @Nullable Centre centre(ResultSet rs) throws SQLException {
		double lat = rs.getDouble("latitude");
		if (rs.wasNull()) {
			return null;
		}
		return new Centre(lat, rs.getDouble("longitude"));
	}

	private static double @Nullable [] bbox(ResultSet rs) throws SQLException {
		double minLon = rs.getDouble("min_lon");
		if (rs.wasNull()) {
			return null;
		}
		return new double[] { minLon, rs.getDouble("min_lat"), rs.getDouble("max_lon"), rs.getDouble("max_lat") };
	}

	/**
	 * A commune by its current code, or by a former code (then {@code codeDemande} says
	 * which was asked).
	 */
	public Optional<TerritoryDetails> findCommune(String code) {
		Optional<TerritoryDetails> current = commune(code, null);
		if (current.isPresent()) {
			return current;
		}
		return jdbc.sql("select code from commune_ancien_code where ancien_code = :code order by code")
			.param("code", code)
			.query(String.class)
			.list()
			.stream()
			.findFirst()
			.flatMap(currentCode -> commune(currentCode, code));
	}

	private Optional<TerritoryDetails> commune(String code, @Nullable String formerCode) {
		return jdbc.sql("""
				select c.*, d.nom as departement_nom, r.nom as region_nom, e.nom as epci_nom, t.nom as ept_nom,
				       k.nom as collectivite_nom, p.nom as parent_nom
				from commune c join departement d on d.code = c.departement join region r on r.code = c.region
				left join epci e on e.code = c.epci left join epci t on t.code = c.ept
				left join departement k on k.code = c.collectivite
				left join commune p on p.code = c.parent and p.type = 'commune-actuelle'
				where c.code = :code and c.type in ('commune-actuelle', 'arrondissement-municipal')""")
			.param("code", code)
			.query((rs, row) -> {
				Map<String, Object> parents = new LinkedHashMap<>();
				parents.put("departement", named(rs.getString("departement"), rs.getString("departement_nom")));
				if (rs.getString("collectivite") != null) {
					parents.put("collectivite", named(rs.getString("collectivite"), rs.getString("collectivite_nom")));
				}
				parents.put("region", named(rs.getString("region"), rs.getString("region_nom")));
				if (rs.getString("epci") != null) {
					parents.put("epci", named(rs.getString("epci"), rs.getString("epci_nom")));
				}
				if (rs.getString("ept") != null) {
					parents.put("ept", named(rs.getString("ept"), rs.getString("ept_nom")));
				}
				if (rs.getString("parent") != null) {
					parents.put("commune", named(rs.getString("parent"), rs.getString("parent_nom")));
				}
				long population = rs.getLong("population");
				Long populationOrNull = rs.wasNull() ? null : population;
				Centre centre = centre(rs);
				String type = rs.getString("type").equals("commune-actuelle") ? "commune" : "arrondissement";
				double[] extent = bbox(rs);
				return new TerritoryDetails(type, rs.getString("code"), rs.getString("nom"), populationOrNull, centre,
						extent != null ? extent
								: centre == null ? null
										: new double[] { centre.lon(), centre.lat(), centre.lon(), centre.lat() },
						parents, Map.of("communes_deleguees", members(rs.getString("code"))),
						Arrays.asList((String[]) rs.getArray("codes_postaux").getArray()), formerCode,
						formerCode == null ? null
								: "Le code " + formerCode + " est un ancien code : voici la commune actuelle.");
			})
			.optional();
	}

	private List<String> members(String communeCode) {
		return jdbc
			.sql("select code from commune where parent = :code and type in ('commune-deleguee', "
					+ "'commune-associee', 'arrondissement-municipal') order by code")
			.param("code", communeCode)
			.query(String.class)
			.list();
	}

	public Optional<TerritoryDetails> findEpci(String code) {
		return jdbc.sql("select * from epci where code = :code").param("code", code).query((rs, row) -> {
			String siren = rs.getString("code");
			List<String> communes = jdbc
				.sql("select code from commune where type = 'commune-actuelle' and "
						+ "(epci = :code or ept = :code) order by code")
				.param("code", siren)
				.query(String.class)
				.list();
			Map<String, Object> parents = new LinkedHashMap<>();
			parents.put("departements",
					jdbc.sql("""
							select distinct d.code, d.nom from commune c join departement d on d.code = c.departement
							where c.type = 'commune-actuelle' and (c.epci = :code or c.ept = :code) order by d.code""")
						.param("code", siren)
						.query((r, i) -> named(r.getString("code"), r.getString("nom")))
						.list());
			long population = rs.getLong("population");
			return new TerritoryDetails(rs.getString("type").equals("EPT") ? "ept" : "epci", siren, rs.getString("nom"),
					rs.wasNull() ? null : population, centre(rs), bbox(rs), parents, Map.of("communes", communes), null,
					null, "Nature : " + rs.getString("type"));
		}).optional();
	}

	public Optional<TerritoryDetails> findDepartement(String code) {
		return jdbc.sql("""
				select d.*, r.nom as region_nom, p.nom as parent_nom from departement d
				join region r on r.code = d.region left join departement p on p.code = d.parent
				where d.code = :code""").param("code", code.toUpperCase()).query((rs, row) -> {
			String dep = rs.getString("code");
			boolean collectivity = rs.getString("parent") != null;
			String communeFilter = collectivity ? "c.collectivite = :code" : "c.departement = :code";
			List<String> communes = jdbc
				.sql("select c.code from commune c where c.type = 'commune-actuelle' and " + communeFilter
						+ " order by c.code")
				.param("code", dep)
				.query(String.class)
				.list();
			List<String> epcis = jdbc
				.sql("select distinct c.epci from commune c where c.type = 'commune-actuelle' "
						+ "and c.epci is not null and " + communeFilter + " order by c.epci")
				.param("code", dep)
				.query(String.class)
				.list();
			Map<String, Object> parents = new LinkedHashMap<>();
			parents.put("region", named(rs.getString("region"), rs.getString("region_nom")));
			if (collectivity) {
				parents.put("departement", named(rs.getString("parent"), rs.getString("parent_nom")));
			}
			Map<String, List<String>> members = new LinkedHashMap<>();
			members.put("communes", communes);
			members.put("epci", epcis);
			if (!collectivity) {
				members.put("collectivites",
						jdbc.sql("select code from departement where parent = :code order by code")
							.param("code", dep)
							.query(String.class)
							.list());
			}
			long population = rs.getLong("population");
			return new TerritoryDetails(collectivity ? "collectivite" : "departement", dep, rs.getString("nom"),
					rs.wasNull() ? null : population, centre(rs), bbox(rs), parents, members, null, null, null);
		}).optional();
	}

	public Optional<TerritoryDetails> findRegion(String code) {
		return jdbc.sql("select * from region where code = :code").param("code", code).query((rs, row) -> {
			List<String> departements = jdbc
				.sql("select code from departement where region = :code and parent is null " + "order by code")
				.param("code", code)
				.query(String.class)
				.list();
			long population = rs.getLong("population");
			return new TerritoryDetails("region", rs.getString("code"), rs.getString("nom"),
					rs.wasNull() ? null : population, centre(rs), bbox(rs), Map.of(),
					Map.of("departements", departements), null, null, null);
		}).optional();
	}

	/**
	 * Départements as a GeoJSON FeatureCollection: their contour when known (metropolitan
	 * France), else their centre as a Point.
	 */
	public String departementsGeoJson() {
		return featureCollection(jdbc.sql("""
				select d.code, d.nom, d.region, d.population, d.latitude, d.longitude, c.geojson
				from departement d left join territory_contour c on c.level = 'departement' and c.code = d.code
				where d.parent is null order by d.code""")
			.query((rs, row) -> feature(rs,
					Map.of("code", rs.getString("code"), "nom", rs.getString("nom"), "region", rs.getString("region"),
							"population", rs.getLong("population"))))
			.list());
	}

	/**
	 * The current communes of a territory as GeoJSON features: their contour when known,
	 * their centre otherwise.
	 * @param level {@code departement} (also 69D/69M), {@code epci} or {@code commune}
	 */
	public Optional<String> communesGeoJson(String level, String territoryCode) {
		String code = territoryCode.toUpperCase();
		String table = switch (level) {
			case "departement" -> "departement";
			case "epci" -> "epci";
			case "commune" -> "commune";
			default -> throw new IllegalArgumentException(level);
		};
		boolean exists = jdbc.sql("select count(*) from " + table + " where code = :code")
			.param("code", code)
			.query(Long.class)
			.single() > 0;
		if (!exists) {
			return Optional.empty();
		}
		String condition = switch (level) {
			case "departement" -> "(m.departement = :code or m.collectivite = :code)";
			case "epci" -> "(m.epci = :code or m.ept = :code)";
			default -> "m.code = :code";
		};
		return Optional.of(featureCollection(jdbc.sql("""
				select m.code, m.nom, m.population, m.epci, m.latitude, m.longitude, c.geojson
				from commune m left join territory_contour c on c.level = 'commune' and c.code = m.code
				where m.type = 'commune-actuelle' and\s""" + condition + " order by m.code")
			.param("code", code)
			.query((rs, row) -> {
				Map<String, Object> properties = new LinkedHashMap<>();
				properties.put("code", rs.getString("code"));
				properties.put("nom", rs.getString("nom"));
				long population = rs.getLong("population");
				properties.put("population", rs.wasNull() ? null : population);
				properties.put("epci", rs.getString("epci"));
				properties.put("contour", rs.getString("geojson") != null);
				return feature(rs, properties);
			})
			.list()));
	}

	/**
	 * Current communes by INSEE code as GeoJSON (contour where known, else centre), for
	 * maps drawn without a tile server; unknown codes are left out.
	 */
	public String communesGeoJson(java.util.Collection<String> codes) {
		if (codes.isEmpty()) {
			return featureCollection(List.of());
		}
		return featureCollection(jdbc.sql("""
				select m.code, m.nom, m.latitude, m.longitude, c.geojson
				from commune m left join territory_contour c on c.level = 'commune' and c.code = m.code
				where m.type = 'commune-actuelle' and m.code in (:codes) order by m.code""")
			.param("codes", List.copyOf(codes))
			.query((rs, row) -> {
				Map<String, Object> properties = new LinkedHashMap<>();
				properties.put("code", rs.getString("code"));
				properties.put("nom", rs.getString("nom"));
				return feature(rs, properties);
			})
			.list());
	}

	private static final tools.jackson.databind.ObjectMapper JSON = tools.jackson.databind.json.JsonMapper.builder()
		.build();

	private static String feature(ResultSet rs, Map<String, Object> properties) throws SQLException {
		String geometry = rs.getString("geojson");
		if (geometry == null) {
			double lat = rs.getDouble("latitude");
			geometry = rs.wasNull() ? "null" : String.format(java.util.Locale.ROOT,
					"{\"type\":\"Point\",\"coordinates\":[%.5f,%.5f]}", rs.getDouble("longitude"), lat);
		}
		return "{\"type\":\"Feature\",\"geometry\":" + geometry + ",\"properties\":"
				+ JSON.writeValueAsString(properties) + "}";
	}

	private static String featureCollection(List<String> features) {
		return "{\"type\":\"FeatureCollection\",\"features\":[" + String.join(",", features) + "]}";
	}

	public Map<String, Long> countByLevel() {
		Map<String, Long> counts = new LinkedHashMap<>();
		jdbc.sql("select type, count(*) from commune group by type order by type")
			.query((rs, row) -> counts.put(rs.getString(1), rs.getLong(2)))
			.list();
		counts.put("epci", jdbc.sql("select count(*) from epci where type <> 'EPT'").query(Long.class).single());
		counts.put("ept", jdbc.sql("select count(*) from epci where type = 'EPT'").query(Long.class).single());
		counts.put("departement",
				jdbc.sql("select count(*) from departement where parent is null").query(Long.class).single());
		counts.put("region", jdbc.sql("select count(*) from region").query(Long.class).single());
		return counts;
	}

	private static Map<String, String> named(String code, String nom) {
		Map<String, String> named = new LinkedHashMap<>();
		named.put("code", code);
		named.put("nom", nom);
		return named;
	}

}
