package fr.maillage.opendata.publishing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import fr.maillage.opendata.schema.SchemaField;
import fr.maillage.places.Place;
import fr.maillage.places.vocabulary.Vocabulary;
import fr.maillage.shared.geo.Coordinates;

/**
 * A place written back in the national schema v1.0.2, field by field, in the official
 * column order. Two values the directory keeps unknown must still be written because the
 * schema requires them (ADR 0004): a missing pivot is written as the national placeholder
 * 00000000000000, and an unknown update date as the date Maillage received the record.
 * The {@code id} is Maillage's own, since producers' ids are only unique within their own
 * file.
 */
public final class SchemaRecords {

	private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

	private SchemaRecords() {
	}

	/**
	 * Values as JSON wants them: numbers, lists as arrays, absent values omitted,
	 * estimated coordinates included.
	 */
	public static Map<String, Object> asJson(Place place) {
		Map<String, Object> json = new LinkedHashMap<>();
		for (SchemaField field : SchemaField.values()) {
			Object value = value(place, field, true);
			if (value instanceof List<?> list && !list.isEmpty()) {
				json.put(field.columnName(), list.stream().map(SchemaRecords::text).toList());
			}
			else if (value != null && !(value instanceof List<?>)) {
				json.put(field.columnName(),
						value instanceof BigDecimal || value instanceof Double ? value : text(value));
			}
		}
		return json;
	}

	/**
	 * The values of one list field as {@link #asJson} writes them (labels of the national
	 * vocabulary), without building the whole record: the HSDS data package asks for
	 * several fields of each of 100 000 lieux (issue 19, docs/performance.md). Empty for
	 * a field that is not a list.
	 */
	public static List<String> labels(Place place, SchemaField field) {
		Object value = value(place, field, true);
		if (value instanceof List<?> list && !list.isEmpty()) {
			List<String> labels = new java.util.ArrayList<>(list.size());
			for (Object item : list) {
				labels.add(text(item));
			}
			return labels;
		}
		return List.of();
	}

	/**
	 * Values as the schema's tabular form wants them: text, lists joined with "|", absent
	 * values empty.
	 */
	public static Map<String, String> asText(Place place) {
		Map<String, String> row = new LinkedHashMap<>();
		for (SchemaField field : SchemaField.values()) {
			Object value = value(place, field, false);
			String cell;
			if (value == null) {
				cell = "";
			}
			else if (value instanceof List<?> list) {
				cell = String.join("|", list.stream().map(SchemaRecords::text).toList());
			}
			else {
				cell = text(value);
			}
			row.put(field.columnName(), cell);
		}
		return row;
	}

	private static String text(Object value) {
		if (value instanceof Vocabulary vocabulary) {
			return vocabulary.label();
		}
		if (value instanceof Double number) {
			return BigDecimal.valueOf(number).toPlainString();
		}
		return value.toString();
	}

	/**
	 * @param estimated whether coordinates Maillage estimated are given (API) or left out
	 * (schema exports)
	 */
	private static Object value(Place place, SchemaField field, boolean estimated) {
		Coordinates point = place.coordinates() != null && (estimated || producerPlaced(place)) ? place.coordinates()
				: null;
		return switch (field) {
			case ID -> place.id();
			case PIVOT -> place.pivot() == null ? SchemaField.PIVOT_PLACEHOLDER : place.pivot();
			case NOM -> place.name();
			case COMMUNE -> place.commune();
			case CODE_POSTAL -> place.postalCode();
			case CODE_INSEE -> place.codeInsee();
			case ADRESSE -> place.address();
			case COMPLEMENT_ADRESSE -> place.addressComplement();
			case LATITUDE -> point == null ? null : point.latitude();
			case LONGITUDE -> point == null ? null : point.longitude();
			case TYPOLOGIE -> place.typologies();
			case TELEPHONE -> place.phone();
			case COURRIELS -> place.emails();
			case SITE_WEB -> place.websites();
			case HORAIRES -> place.openingHours();
			case PRESENTATION_RESUME -> place.summary();
			case PRESENTATION_DETAIL -> place.description();
			case SOURCE -> place.collectedBy() == null ? place.origin().importSource() : place.collectedBy();
			case ITINERANCE -> place.itinerance();
			case STRUCTURE_PARENTE -> place.parentStructure();
			case DATE_MAJ -> updatedOn(place);
			case SERVICES -> place.services();
			case PUBLICS_SPECIFIQUEMENT_ADRESSES -> place.publics();
			case PRISE_EN_CHARGE_SPECIFIQUE -> place.specificSupports();
			case FRAIS_A_CHARGE -> place.fees();
			case DISPOSITIF_PROGRAMMES_NATIONAUX -> place.nationalPrograms();
			case FORMATIONS_LABELS -> place.trainingLabels();
			case AUTRES_FORMATIONS_LABELS -> place.otherLabels();
			case MODALITES_ACCES -> place.accessModes();
			case MODALITES_ACCOMPAGNEMENT -> place.supportModes();
			case FICHE_ACCES_LIBRE -> place.accessibilitySheetUrl();
			case PRISE_RDV -> place.appointmentUrl();
		};
	}

	/**
	 * Coordinates that Maillage estimated (commune centre) are not published in the
	 * national schema, which cannot say they are approximate; the API shows them with
	 * {@code geocodage}.
	 */
	private static boolean producerPlaced(Place place) {
		return place.geocoding() == null;
	}

	/**
	 * The schema requires a date: an unknown one is written as the placeholder that
	 * producers use and importers (Maillage's among them) read as unknown, never as the
	 * day Maillage received the record (issue 15).
	 */
	public static final LocalDate UNKNOWN_DATE_PLACEHOLDER = LocalDate.of(1970, 1, 1);

	private static LocalDate updatedOn(Place place) {
		return place.updatedOn() != null ? place.updatedOn() : UNKNOWN_DATE_PLACEHOLDER;
	}

}
