package fr.maillage.opendata.sources;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import fr.maillage.shared.importing.ImportIssue;
import fr.maillage.opendata.importing.RawRecord;
import fr.maillage.opendata.importing.RecordMapping;
import fr.maillage.opendata.schema.SchemaField;

/** A {@link SourceMapping} as the import applies it, for a file received on a day. */
record MappedSource(SourceMapping mapping, LocalDate received) implements RecordMapping {

	@Override
	public List<String> schemaColumns() {
		return mapping.schemaColumns();
	}

	/** The producer's columns that feed a field the schema requires. */
	@Override
	public List<String> requiredSourceColumns() {
		List<String> required = new ArrayList<>();
		for (SchemaField field : SchemaField.values()) {
			String column = mapping.columns().get(field.columnName());
			if (field.required() && column != null) {
				required.add(column);
			}
		}
		return required;
	}

	@Override
	public Result map(RawRecord row) {
		Map<String, String> values = new LinkedHashMap<>();
		row.values().forEach((column, value) -> values.put(column, value == null ? "" : String.valueOf(value)));
		SourceMapping.Outcome outcome = mapping.apply(values, received);
		if (outcome.fields() == null) {
			return new Result(null, new ImportIssue(row.line(), null, null, outcome.refusal()));
		}
		return new Result(new RawRecord(row.line(), outcome.fields(), false), null);
	}

}
