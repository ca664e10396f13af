package fr.maillage.opendata.importing;

import java.io.Closeable;
import java.util.Iterator;
import java.util.List;

/**
 * Streams the records of one file, one at a time, so that file size does not decide
 * memory use.
 */
interface RecordReader extends Iterator<RawRecord>, Closeable {

	/** "csv", "json" or "geojson". */
	String format();

	/** Columns known so far: the header for CSV, every key met so far for JSON. */
	List<String> columns();

}
