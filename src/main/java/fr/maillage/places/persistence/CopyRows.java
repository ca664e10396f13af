package fr.maillage.places.persistence;

import java.sql.Date;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * Renders rows for PostgreSQL's {@code COPY … (format csv)}: null is an unquoted empty field, every other value is
 * quoted, and {@code String[]} becomes an array literal with each element quoted.
 */
final class CopyRows {

	private CopyRows() {
	}

	static <T> String csv(List<T> rows, Function<T, List<Object>> values) {
		StringBuilder out = new StringBuilder(rows.size() * 512);
		for (T row : rows) {
			List<Object> fields = values.apply(row);
			for (int i = 0; i < fields.size(); i++) {
				if (i > 0) {
					out.append(',');
				}
				Object value = fields.get(i);
				if (value != null) {
					quote(out, text(value));
				}
			}
			out.append('\n');
		}
		return out.toString();
	}

	static String text(Object value) {
		if (value instanceof String[] array) {
			StringBuilder literal = new StringBuilder("{");
			for (int i = 0; i < array.length; i++) {
				if (i > 0) {
					literal.append(',');
				}
				literal.append('"').append(array[i].replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
			}
			return literal.append('}').toString();
		}
		if (value instanceof Date || value instanceof UUID || value instanceof Number) {
			return value.toString();
		}
		return (String) value;
	}

	private static void quote(StringBuilder out, String text) {
		out.append('"');
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '"') {
				out.append('"');
			}
			out.append(c);
		}
		out.append('"');
	}

}
