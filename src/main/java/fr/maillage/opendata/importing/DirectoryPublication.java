package fr.maillage.opendata.importing;

import java.util.Collection;

/**
 * What an import needs of the published directory: to hold the writers' lock, and to
 * publish the records it changed. A port, so that importing does not depend on the
 * module's services that use it ({@code PublishedDirectory} implements it; no package
 * cycle, ArchitectureTest).
 */
public interface DirectoryPublication {

	/**
	 * Beyond this many changed records, an import publishes the whole directory again
	 * rather than record by record.
	 */
	int INCREMENTAL_LIMIT = 2_000;

	/**
	 * Takes the lock that serialises the directory's writers, until the transaction ends.
	 */
	void lockForWriting();

	/**
	 * Publishes what these source records changed (all of it beyond
	 * {@link #INCREMENTAL_LIMIT}).
	 */
	void publishChanged(Collection<String> changedRecords);

}
