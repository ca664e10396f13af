package fr.maillage.benchmarks;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import fr.maillage.opendata.merging.DuplicateGroups;
import fr.maillage.opendata.merging.MergeCandidate;
import fr.maillage.opendata.merging.MergePolicy;
import fr.maillage.opendata.merging.NationalDuplicateBaseline;
import fr.maillage.opendata.merging.SourceRecord;
import fr.maillage.shared.text.TextFolding;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Issue 5's target: merging 100 000 records in ≤ 10 s with ≤ 1 GB of heap. Every real
 * record of the fixtures 30 times; each copy is a different source's version of the
 * place: coordinates moved by up to ±0.0015° (≈ 150 m), and its name rewritten (upper
 * case, "Mairie de" prefix, words dropped). Grouping (blocking, scores, union-find) and
 * the field-by-field merge of every group are timed; the national rule's time on the same
 * input (pairs within each commune) is reported beside it. No database, no Spring. Not a
 * test: {@code scripts/benchmark merge}.
 */
class MergeBenchmark {

	private static final int COPIES = Integer.getInteger("bench.copies", 30);

	private static final int RUNS = Integer.getInteger("bench.runs", 3);

	@Test
	void measureMerge() {
		List<ObjectNode> originals = RealRecords.all();
		Random random = new Random(5);
		List<MergeCandidate> candidates = new ArrayList<>();
		Map<String, SourceRecord> records = new HashMap<>();
		for (int copy = 0; copy < COPIES; copy++) {
			for (ObjectNode original : originals) {
				Double lat = number(original.get("latitude"));
				Double lon = number(original.get("longitude"));
				if (lat == null || lon == null) {
					continue;
				}
				String id = original.get("id").asString() + "-" + copy;
				String name = variant(text(original, "nom"), random);
				String commune = text(original, "commune");
				MergeCandidate candidate = new MergeCandidate(id, "source-" + copy, name, text(original, "adresse"),
						text(original, "code_postal"), TextFolding.searchKey(commune), commune,
						lat + (random.nextDouble() * 2 - 1) * 0.0015, lon + (random.nextDouble() * 2 - 1) * 0.0015,
						text(original, "pivot"));
				candidates.add(candidate);
				Map<String, String> fields = new HashMap<>();
				original.properties()
					.forEach(entry -> fields.put(entry.getKey(),
							entry.getValue().isString() ? entry.getValue().asString() : entry.getValue().toString()));
				fields.put("nom", name);
				records.put(id, new SourceRecord(candidate.source(), id, null, fields));
			}
		}
		System.out.printf("BENCH merge: %d records (%d real records x %d)%n", candidates.size(), originals.size(),
				COPIES);
		List<Double> times = new ArrayList<>();
		for (int run = 0; run <= RUNS; run++) {
			long start = System.nanoTime();
			List<List<MergeCandidate>> groups = DuplicateGroups.group(candidates, Map.of());
			long grouped = System.nanoTime();
			int merged = 0;
			for (List<MergeCandidate> group : groups) {
				MergePolicy.merge(group.stream().map(candidate -> records.get(candidate.id())).toList());
				merged++;
			}
			long end = System.nanoTime();
			double seconds = (end - start) / 1e9;
			long heap = (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) >> 20;
			System.out.printf(Locale.ROOT,
					"BENCH merge run %d%s: %d groups in %.2f s (grouping %.2f s, merging %.2f s), heap used %d MB%n",
					run, run == 0 ? " (warm-up)" : "", merged, seconds, (grouped - start) / 1e9, (end - grouped) / 1e9,
					heap);
			if (run > 0) {
				times.add(seconds);
			}
		}
		times.sort(null);
		System.out.printf(Locale.ROOT, "BENCH merge median: %.2f s%n", times.get(times.size() / 2));

		long start = System.nanoTime();
		Map<String, List<MergeCandidate>> byCommune = new HashMap<>();
		candidates.forEach(
				candidate -> byCommune.computeIfAbsent(candidate.communeKey(), k -> new ArrayList<>()).add(candidate));
		long pairs = 0;
		long duplicates = 0;
		for (List<MergeCandidate> commune : byCommune.values()) {
			for (int i = 0; i < commune.size(); i++) {
				for (int j = i + 1; j < commune.size(); j++) {
					pairs++;
					duplicates += NationalDuplicateBaseline.isDuplicate(commune.get(i), commune.get(j)) ? 1 : 0;
				}
			}
		}
		System.out.printf(Locale.ROOT, "BENCH merge national rule: %d pairs scored, %d duplicates, %.1f s%n", pairs,
				duplicates, (System.nanoTime() - start) / 1e9);
	}

	private static String variant(String name, Random random) {
		return switch (random.nextInt(4)) {
			case 0 -> name.toUpperCase(Locale.ROOT);
			case 1 -> "Mairie de " + name;
			case 2 -> name.contains(" ") ? name.substring(0, name.lastIndexOf(' ')) : name;
			default -> name;
		};
	}

	private static String text(ObjectNode record, String field) {
		JsonNode value = record.get(field);
		return value == null || value.isNull() ? "" : value.isString() ? value.asString() : value.toString();
	}

	private static Double number(JsonNode value) {
		if (value == null || value.isNull()) {
			return null;
		}
		try {
			return value.isNumber() ? value.doubleValue() : Double.parseDouble(value.asString());
		}
		catch (NumberFormatException notANumber) {
			return null;
		}
	}

}
