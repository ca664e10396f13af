package fr.maillage.opendata.merging;

import java.time.Instant;
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
 * How the records of one place merge, field by field (issue 5, ADR 0010, ADR 0011):
 * <ul>
 * <li>an edit made in Maillage wins over every record received before it, whatever their
 * {@code date_maj}: records are ordered by the instant their content reached Maillage
 * ({@link SourceRecord#changedAt()}) against edits, and a producer's record only wins
 * over an edit when it arrived after it (issue 15);</li>
 * <li>between producers' records, the most recent {@code date_maj} comes first (records
 * without a date last), then source and id, so the result never depends on the order they
 * arrive;</li>
 * <li>a single-valued field takes the value of the first record that has one; an edit
 * that emptied a field keeps it empty (coordinates excepted: an edit never types them, a
 * producer's always win over an estimate);</li>
 * <li>a list field (services, publics…) is the union of the values of the records up to
 * the latest edit: a value an edit removed stays removed though an older source still
 * gives it;</li>
 * <li>{@code date_maj} is the most recent of the records';</li>
 * <li>every value any record gave stays in the provenance, marked kept or not: nothing is
 * silently dropped.</li>
 * </ul>
 * The same record given twice counts once, so merging is idempotent.
 */
public final class MergePolicy {

	/** The source of the records that hold edits made in Maillage. */
	public static final String EDIT_SOURCE = "saisie-maillage";

	/** Between producers' records: the producer's date decides. */
	static final Comparator<SourceRecord> MOST_RECENT_FIRST = Comparator
		.comparing((SourceRecord record) -> record.updatedOn() == null ? LocalDate.MIN : record.updatedOn())
		.reversed()
		.thenComparing(SourceRecord::source)
		.thenComparing(SourceRecord::sourceId);

	/** Between edits: the latest edit first. */
	private static final Comparator<SourceRecord> LATEST_EDIT_FIRST = Comparator.comparing(MergePolicy::changedAt)
		.reversed()
		.thenComparing(SourceRecord::sourceId);

	/** Fields an edit never empties: Maillage's estimates are not typed values. */
	private static final Set<String> NEVER_EMPTIED_BY_AN_EDIT = Set.of(SchemaField.LATITUDE.columnName(),
			SchemaField.LONGITUDE.columnName(), SchemaField.DATE_MAJ.columnName());

	private MergePolicy() {
	}

	/**
	 * The records in the order their values win: the producers' records received after
	 * the latest edit (by their dates), then that edit, then the records received between
	 * it and the edit before, and so on.
	 */
	static List<SourceRecord> order(Collection<SourceRecord> records) {
		List<Instant> edits = records.stream()
			.filter(SourceRecord::isEdit)
			.map(MergePolicy::changedAt)
			.sorted(Comparator.reverseOrder())
			.toList();
		Comparator<SourceRecord> order = Comparator.comparingInt((SourceRecord record) -> editsAfter(record, edits))
			// in the same span, producers received after the edit that closes it come
			// first
			.thenComparing(SourceRecord::isEdit)
			.thenComparing((a, b) -> a.isEdit() ? LATEST_EDIT_FIRST.compare(a, b) : MOST_RECENT_FIRST.compare(a, b));
		List<SourceRecord> ordered = new ArrayList<>(records);
		ordered.sort(order);
		return ordered;
	}

	/**
	 * How many edits came after this record: an edit counts the later ones, a producer's
	 * record the edits made at or after its receipt.
	 */
	private static int editsAfter(SourceRecord record, List<Instant> editsLatestFirst) {
		Instant at = changedAt(record);
		int count = 0;
		for (Instant edit : editsLatestFirst) {
			if (record.isEdit() ? edit.isAfter(at) : !edit.isBefore(at)) {
				count++;
			}
			else {
				break;
			}
		}
		return count;
	}

	private static Instant changedAt(SourceRecord record) {
		return record.changedAt() == null ? Instant.MIN : record.changedAt();
	}

	public static MergedRecord merge(Collection<SourceRecord> records) {
		Map<String, SourceRecord> unique = new TreeMap<>();
		records.forEach(record -> unique.putIfAbsent(record.source() + "\u0000" + record.sourceId(), record));
		List<SourceRecord> ordered = order(unique.values());
		// records ranked after the latest edit are superseded by it for lists
		int latestEdit = 0;
		while (latestEdit < ordered.size() && !ordered.get(latestEdit).isEdit()) {
			latestEdit++;
		}
		List<SourceRecord> current = ordered.subList(0, Math.min(latestEdit + 1, ordered.size()));

		Map<String, String> fields = new LinkedHashMap<>();
		Map<String, List<Contribution>> provenance = new LinkedHashMap<>();
		for (SchemaField field : SchemaField.values()) {
			String column = field.columnName();
			if (field == SchemaField.ID) {
				continue;
			}
			String kept = field.list() ? union(current, column) : first(ordered, column);
			fields.put(column, kept);
			Set<String> keptValues = values(kept);
			List<Contribution> contributions = new ArrayList<>();
			for (int i = 0; i < ordered.size(); i++) {
				SourceRecord record = ordered.get(i);
				String value = record.fields().getOrDefault(column, "");
				if (!value.isBlank()) {
					boolean isKept = field.list() ? i < current.size() || keptValues.containsAll(values(value))
							: value.equals(kept);
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

	/**
	 * The value of the first record that has one, or that is an edit (an edit's empty
	 * value is a value); for date_maj, the most recent date.
	 */
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
			if (!value.isBlank() || record.isEdit() && !NEVER_EMPTIED_BY_AN_EDIT.contains(column)) {
				return value.strip().isEmpty() ? "" : value;
			}
		}
		return "";
	}

	private static String union(List<SourceRecord> ordered, String column) {
		Set<String> values = new LinkedHashSet<>();
		for (SourceRecord record : ordered) {
			values.addAll(values(record.fields().getOrDefault(column, "")));
		}
		return String.join("|", values);
	}

	/** The values of a list field, stripped, blanks left out, in order. */
	private static Set<String> values(String joined) {
		Set<String> values = new LinkedHashSet<>();
		for (String value : joined.split("\\|")) {
			if (!value.isBlank()) {
				values.add(value.strip());
			}
		}
		return values;
	}

}
