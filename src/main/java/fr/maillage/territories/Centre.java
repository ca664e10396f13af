package fr.maillage.territories;

/** A territory's centre, as the API writes it: {@code {"lat": …, "lon": …}}. */
public record Centre(double lat, double lon) {
}
