package fr.maillage.opendata.merging;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import fr.maillage.opendata.merging.MergedRecord.Contribution;
import fr.maillage.opendata.merging.MergedRecord.SourceRef;
import fr.maillage.opendata.schema.SchemaField;

/**
 * How the records of one place merge, field by field (issue 5, ADR 0010):
 * <ul>
 * <li>records are taken most recent {@code date_maj} first (records without a date last),
 * then by source and id, so the result never depends on the order they arrive;</li>
 * <li>a single-valued field takes the value of the first record that has one: the most
 * recent wins;</li>
 * <li>a list field (services, publics…) is the union of every record's values;</li>
 * <li>{@code date_maj} is the most recent of the records';</li>
 * <li>every value any record gave stays in the provenance, marked kept or not: nothing is
 * silently dropped.</li>
 * </ul>
 * The same record given twice counts once, so merging is idempotent.
 */
public final class MergePolicy {

	static final Comparator<SourceRecord> MOST_RECENT_FIRST = Comparator
		.comparing((SourceRecord record) -> record.updatedOn() == null ? LocalDate.MIN : record.updatedOn())
		.reversed()
		.thenComparing(SourceRecord::source)
		.thenComparing(SourceRecord::sourceId);

	private MergePolicy() {
	}

	public static MergedRecord merge(Collection<SourceRecord> records) {
		Map<String, SourceRecord> unique = new TreeMap<>();
		records.forEach(record -> unique.putIfAbsent(record.source() + "\u0000" + record.sourceId(), record));
		List<SourceRecord> ordered = new ArrayList<>(unique.values());
		ordered.sort(MOST_RECENT_FIRST);

		Map<String, String> fields = new LinkedHashMap<>();
		Map<String, List<Contribution>> provenance = new LinkedHashMap<>();
		for (SchemaField field : SchemaField.values()) {
			String column = field.columnName();
			if (field == SchemaField.ID) {
				continue;
			}
			String kept = field.list() ? union(ordered, column) : first(ordered, column);
			fields.put(column, kept);
			List<Contribution> contributions = new ArrayList<>();
			for (SourceRecord record : ordered) {
				String value = record.fields().getOrDefault(column, "");
				if (!value.isBlank()) {
					boolean isKept = field.list() || value.equals(kept);
					contributions
						.add(new Contribution(record.source(), record.sourceId(), record.updatedOn(), value, isKept));
				}
			}
			if (!contributions.isEmpty()) {
				provenance.put(column, contributions);
			}
		}
		List<SourceRef> sources = ordered.stream()
			.map(record -> new SourceRef(record.source(), record.sourceId()))
			.toList();
		return new MergedRecord(fields, sources, provenance);
	}

	/** The most recent record's value; for date_maj, the most recent date. */
	private static String first(List<SourceRecord> ordered, String column) {
		if (column.equals(SchemaField.DATE_MAJ.columnName())) {
			return ordered.stream()
				.map(record -> record.fields().getOrDefault(column, ""))
				.filter(value -> !value.isBlank())
				.max(Comparator.naturalOrder())
				.orElse("");
		}
		for (SourceRecord record : ordered) {
			String value = record.fields().getOrDefault(column, "");
			if (!value.isBlank()) {
				return value;
			}
		}
		return "";
	}

	private static String union(List<SourceRecord> ordered, String column) {
		Set<String> values = new LinkedHashSet<>();
		for (SourceRecord record : ordered) {
			for (String value : record.fields().getOrDefault(column, "").split("\\|")) {
				if (!value.isBlank()) {
					values.add(value.strip());
				}
			}
		}
		return String.join("|", values);
	}

}
