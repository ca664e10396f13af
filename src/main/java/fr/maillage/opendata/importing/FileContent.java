package fr.maillage.opendata.importing;

import java.io.IOException;
import java.io.InputStream;

/**
 * A file that can be read more than once (encoding detection, then parsing) without
 * holding it in memory.
 */
@FunctionalInterface
public interface FileContent {

	InputStream open() throws IOException;

}
