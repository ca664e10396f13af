package fr.maillage.places.hours;

/**
 * What {@link FrenchHoursReader} made of hours written by people: understood (an OSM
 * {@code opening_hours} value and its reading back in words), or refused (why, and an
 * example of a form it understands).
 */
public sealed interface HoursReading {

	/**
	 * @param osm the OpenStreetMap {@code opening_hours} value
	 * @param words the same hours in plain French, to show back to the person who wrote
	 * them
	 */
	record Understood(String osm, String words) implements HoursReading {
	}

	/**
	 * @param reason in plain French, says what was not understood
	 * @param example a form the reader understands
	 */
	record Refused(String reason, String example) implements HoursReading {

		/** The reason and the example, as one message for a form or an import report. */
		public String message() {
			return reason + " Exemple accepté : « " + example + " ».";
		}

	}

}
