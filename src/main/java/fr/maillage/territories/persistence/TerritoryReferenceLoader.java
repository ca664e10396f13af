package fr.maillage.territories.persistence;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import javax.sql.DataSource;

import fr.maillage.shared.database.PostgresCopy;
import fr.maillage.territories.SpecialCollectivity;
import org.apache.commons.csv.CSVFormat;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.operation.union.UnaryUnionOp;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import org.apache.commons.csv.CSVRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads the COG extract of {@code resources/territories} into PostgreSQL when the
 * application starts, before it serves anything. The files' checksum is stored: an
 * unchanged extract is not reloaded (fast restarts, several instances on one database), a
 * changed one replaces the previous data in one transaction.
 */
@Component
class TerritoryReferenceLoader implements InitializingBean {

	/** Bump when the derived columns change, so that existing databases reload. */
	private static final String LOADER_VERSION = "2";

	private static final List<String> FILES = List.of("regions.csv", "departements.csv", "epci.csv", "communes.csv",
			"anciens-codes.csv", "contours-departements-2016.geojson", "contours-communes-2016.geojson");

	private static final Logger log = LoggerFactory.getLogger(TerritoryReferenceLoader.class);

	private final JdbcClient jdbc;

	private final DataSource dataSource;

	private final TransactionTemplate transaction;

	TerritoryReferenceLoader(JdbcClient jdbc, DataSource dataSource, TransactionTemplate transaction) {
		this.jdbc = jdbc;
		this.dataSource = dataSource;
		this.transaction = transaction;
	}

	@Override
	public void afterPropertiesSet() {
		String checksum = checksum();
		Optional<String> loaded = jdbc.sql("select checksum from territory_dataset where id = 1")
			.query(String.class)
			.optional();
		if (loaded.filter(checksum::equals).isPresent()) {
			return;
		}
		long start = System.nanoTime();
		transaction.executeWithoutResult(status -> load(checksum));
		log.info("Découpage administratif chargé en {} ms", (System.nanoTime() - start) / 1_000_000);
	}

	private void load(String checksum) {
		jdbc.sql("lock table territory_dataset in exclusive mode").update();
		jdbc.sql("truncate region, departement, epci, commune, commune_code_postal, commune_ancien_code, "
				+ "territory_contour")
			.update();
		List<List<Object>> regions = new ArrayList<>();
		read("regions.csv",
				r -> regions.add(Arrays.asList(r.get("code"), r.get("nom"), blankToNull(r.get("chef_lieu")))));
		copy("region (code, nom, chef_lieu)", regions);

		List<List<Object>> departements = new ArrayList<>();
		read("departements.csv", r -> departements
			.add(Arrays.asList(r.get("code"), r.get("nom"), r.get("region"), blankToNull(r.get("chef_lieu")), null)));
		Map<String, String> regionOfDepartement = new HashMap<>();
		departements.forEach(d -> regionOfDepartement.put((String) d.get(0), (String) d.get(2)));
		for (SpecialCollectivity collectivity : SpecialCollectivity.ALL) {
			departements.add(Arrays.asList(collectivity.code(), collectivity.nom(),
					regionOfDepartement.get(collectivity.departement()), null, collectivity.departement()));
		}
		copy("departement (code, nom, region, chef_lieu, parent)", departements);

		List<List<Object>> epcis = new ArrayList<>();
		read("epci.csv", r -> epcis.add(Arrays.asList(r.get("code"), r.get("nom"), r.get("type"))));
		copy("epci (code, nom, type)", epcis);

		List<List<Object>> communes = new ArrayList<>();
		List<List<Object>> postcodes = new ArrayList<>();
		Map<String, String> collectivityOfCommune = new HashMap<>();
		List<CSVRecord> records = new ArrayList<>();
		read("communes.csv", records::add);
		for (CSVRecord r : records) {
			if (r.get("type").equals("commune-actuelle")) {
				collectivityOf(r.get("departement"), r.get("epci"))
					.ifPresent(code -> collectivityOfCommune.put(r.get("code"), code));
			}
		}
		for (CSVRecord r : records) {
			String type = r.get("type");
			String code = r.get("code");
			String collectivity = type.equals("commune-actuelle") ? collectivityOfCommune.get(code)
					: collectivityOfCommune.get(r.get("parent"));
			String[] postalCodes = r.get("codes_postaux").isEmpty() ? new String[0]
					: r.get("codes_postaux").split("\\|");
			communes.add(Arrays.asList(code, r.get("nom"), type, r.get("departement"), collectivity, r.get("region"),
					blankToNull(r.get("epci")), blankToNull(r.get("ept")), blankToNull(r.get("population")),
					postalCodes, blankToNull(r.get("parent")), blankToNull(r.get("latitude")),
					blankToNull(r.get("longitude")), blankToNull(r.get("centre"))));
			if (type.equals("commune-actuelle") || type.equals("arrondissement-municipal")) {
				for (String postalCode : postalCodes) {
					postcodes.add(Arrays.asList(postalCode, code));
				}
			}
		}
		copy("commune (code, nom, type, departement, collectivite, region, epci, ept, population, codes_postaux, "
				+ "parent, latitude, longitude, centre_source)", communes);
		copy("commune_code_postal (code_postal, commune)", postcodes.stream().distinct().toList());

		List<List<Object>> formerCodes = new ArrayList<>();
		read("anciens-codes.csv", r -> formerCodes.add(Arrays.asList(r.get("ancien_code"), r.get("code"))));
		copy("commune_ancien_code (ancien_code, code)", formerCodes.stream().distinct().toList());

		aggregate();
		loadContours(records, formerCodes, collectivityOfCommune);
		jdbc.sql("""
				insert into territory_dataset (id, checksum, loaded_at) values (1, :checksum, now())
				on conflict (id) do update set checksum = excluded.checksum, loaded_at = excluded.loaded_at""")
			.param("checksum", checksum)
			.update();
	}

	/**
	 * The collectivité named by its EPCI, else the one holding "the other communes" of
	 * the département.
	 */
	private static Optional<String> collectivityOf(String departement, String epci) {
		List<SpecialCollectivity> ofDepartement = SpecialCollectivity.ALL.stream()
			.filter(c -> c.departement().equals(departement))
			.toList();
		return ofDepartement.stream()
			.filter(c -> epci.equals(c.epciSiren()))
			.findFirst()
			.or(() -> ofDepartement.stream().filter(c -> c.epciSiren() == null).findFirst())
			.map(SpecialCollectivity::code);
	}

	/**
	 * Population, extent and centre of the larger territories, from their communes in one
	 * grouped pass per level. The centre of a département or région is its chef-lieu; of
	 * a collectivité or an EPCI, the population-weighted mean of its communes' centres.
	 */
	private void aggregate() {
		aggregate("departement", "(values (c.departement), (c.collectivite))");
		aggregate("region", "(values (c.region))");
		aggregate("epci", "(values (c.epci), (c.ept))");
		for (String table : List.of("departement", "region")) {
			jdbc.sql("update " + table + " t set latitude = c.latitude, longitude = c.longitude from commune c "
					+ "where c.code = t.chef_lieu and c.type = 'commune-actuelle'")
				.update();
		}
	}

	private void aggregate(String table, String groups) {
		jdbc.sql("update " + table + """
				 t set population = a.population, min_lat = a.min_lat, max_lat = a.max_lat, min_lon = a.min_lon,
				  max_lon = a.max_lon, latitude = a.latitude, longitude = a.longitude
				from (select g.code, sum(c.population) as population, min(c.latitude) as min_lat,
				        max(c.latitude) as max_lat, min(c.longitude) as min_lon, max(c.longitude) as max_lon,
				        sum(c.latitude * c.population) filter (where c.latitude is not null)
				          / nullif(sum(c.population) filter (where c.latitude is not null), 0) as latitude,
				        sum(c.longitude * c.population) filter (where c.latitude is not null)
				          / nullif(sum(c.population) filter (where c.latitude is not null), 0) as longitude
				      from commune c cross join lateral """ + groups + """
				 g(code)
				      where c.type = 'commune-actuelle' and g.code is not null group by g.code) a
				where a.code = t.code""").update();
	}

	/**
	 * Contours of 2016 (IGN GEOFLA) mapped to today's communes: a commune merged since
	 * gets the union of its former communes' contours; the collectivités 69D and 69M get
	 * the union of their communes'. Their extents replace the extents of centres.
	 */
	private void loadContours(List<CSVRecord> communes, List<List<Object>> formerCodes,
			Map<String, String> collectivityOfCommune) {
		Map<String, String> currentOf = new HashMap<>();
		for (CSVRecord r : communes) {
			if (r.get("type").equals("commune-actuelle")) {
				currentOf.put(r.get("code"), r.get("code"));
			}
		}
		for (CSVRecord r : communes) {
			if (r.get("type").startsWith("commune-") && !r.get("parent").isEmpty()) {
				currentOf.putIfAbsent(r.get("code"), r.get("parent"));
			}
		}
		formerCodes.forEach(row -> currentOf.putIfAbsent((String) row.get(0), (String) row.get(1)));

		Map<String, List<Geometry>> byCommune = new java.util.TreeMap<>();
		for (JsonNode feature : features("contours-communes-2016.geojson")) {
			String current = currentOf.get(feature.get("properties").get("code").asString());
			if (current != null) {
				byCommune.computeIfAbsent(current, c -> new ArrayList<>())
					.add(GeoJsonGeometries.read(feature.get("geometry")));
			}
		}
		List<List<Object>> contours = new ArrayList<>();
		Map<String, List<Geometry>> byCollectivity = new HashMap<>();
		List<Object[]> communeExtents = new ArrayList<>();
		byCommune.forEach((code, parts) -> {
			Geometry contour = union(parts);
			contours.add(Arrays.asList("commune", code, GeoJsonGeometries.write(contour)));
			communeExtents.add(extent(code, contour));
			String collectivity = collectivityOfCommune.get(code);
			if (collectivity != null) {
				byCollectivity.computeIfAbsent(collectivity, c -> new ArrayList<>()).add(contour);
			}
		});
		List<Object[]> departementExtents = new ArrayList<>();
		for (JsonNode feature : features("contours-departements-2016.geojson")) {
			String code = feature.get("properties").get("code").asString();
			Geometry contour = GeoJsonGeometries.read(feature.get("geometry"));
			contours.add(Arrays.asList("departement", code, GeoJsonGeometries.write(contour)));
			departementExtents.add(extent(code, contour));
		}
		byCollectivity.forEach((code, parts) -> {
			Geometry contour = union(parts);
			contours.add(Arrays.asList("departement", code, GeoJsonGeometries.write(contour)));
			departementExtents.add(extent(code, contour));
		});
		copy("territory_contour (level, code, geojson)", contours);
		JdbcTemplate template = new JdbcTemplate(dataSource);
		template.batchUpdate("update commune set min_lon = ?, min_lat = ?, max_lon = ?, max_lat = ? where code = ? "
				+ "and type = 'commune-actuelle'", communeExtents);
		template.batchUpdate("update departement set min_lon = ?, min_lat = ?, max_lon = ?, max_lat = ? where code = ?",
				departementExtents);
	}

	private static Geometry union(List<Geometry> parts) {
		try {
			return UnaryUnionOp.union(parts);
		}
		catch (RuntimeException topologyProblem) {
			// simplified 2016 contours can overlap slightly: keep the parts side by side
			// rather than fail the load
			return GeoJsonGeometries.FACTORY.buildGeometry(parts);
		}
	}

	private static Object[] extent(String code, Geometry contour) {
		Envelope envelope = contour.getEnvelopeInternal();
		return new Object[] { envelope.getMinX(), envelope.getMinY(), envelope.getMaxX(), envelope.getMaxY(), code };
	}

	private static JsonNode features(String file) {
		try (InputStream in = new ClassPathResource("territories/" + file).getInputStream()) {
			return JsonMapper.builder().build().readTree(in).get("features");
		}
		catch (IOException e) {
			throw new UncheckedIOException("Fichier de référence illisible : territories/" + file, e);
		}
	}

	private void copy(String table, List<List<Object>> rows) {
		PostgresCopy.copyIn(dataSource, "copy " + table + " from stdin with (format csv)", rows);
	}

	private static void read(String file, Consumer<CSVRecord> consumer) {
		try (InputStream in = new ClassPathResource("territories/" + file).getInputStream()) {
			CSVFormat.RFC4180.builder()
				.setHeader()
				.setSkipHeaderRecord(true)
				.get()
				.parse(new InputStreamReader(in, StandardCharsets.UTF_8))
				.forEach(consumer);
		}
		catch (IOException e) {
			throw new UncheckedIOException("Fichier de référence illisible : territories/" + file, e);
		}
	}

	private static String checksum() {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			digest.update(LOADER_VERSION.getBytes(StandardCharsets.UTF_8));
			for (String file : FILES) {
				try (InputStream in = new ClassPathResource("territories/" + file).getInputStream()) {
					digest.update(in.readAllBytes());
				}
			}
			return HexFormat.of().formatHex(digest.digest());
		}
		catch (NoSuchAlgorithmException | IOException e) {
			throw new IllegalStateException(e);
		}
	}

	private static Object blankToNull(String value) {
		return value == null || value.isBlank() ? null : value;
	}

}
