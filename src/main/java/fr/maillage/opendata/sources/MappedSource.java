package fr.maillage.opendata.sources;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import fr.maillage.opendata.importing.ImportIssue;
import fr.maillage.opendata.importing.RawRecord;
import fr.maillage.opendata.importing.RecordMapping;

/** A {@link SourceMapping} as the import applies it, for a file received on a day. */
record MappedSource(SourceMapping mapping, LocalDate received) implements RecordMapping {

	@Override
	public List<String> schemaColumns() {
		return mapping.schemaColumns();
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
