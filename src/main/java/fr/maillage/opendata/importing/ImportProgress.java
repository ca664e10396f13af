package fr.maillage.opendata.importing;

/**
 * Told how a long import goes, from inside its transaction; implementations that want
 * others to see it must write outside that transaction.
 */
public interface ImportProgress {

	ImportProgress NONE = (stage, read) -> {
	};

	/**
	 * @param stage {@code lecture} while records are read and saved, {@code publication}
	 * while the merged directory is rebuilt
	 * @param read records read so far
	 */
	void update(String stage, int read);

}
