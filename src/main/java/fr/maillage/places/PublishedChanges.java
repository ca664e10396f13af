package fr.maillage.places;

/**
 * What a publication did to the directory.
 *
 * @param published lieux in the directory
 * @param written lieux new or changed
 * @param removed lieux gone, their records now in another lieu
 */
public record PublishedChanges(int published, int written, int removed) {
}
