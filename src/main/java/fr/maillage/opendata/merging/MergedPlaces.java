package fr.maillage.opendata.merging;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import fr.maillage.opendata.publishing.SchemaRecords;
import fr.maillage.opendata.schema.SchemaField;
import fr.maillage.places.Geocoding;
import fr.maillage.places.Place;
import fr.maillage.places.vocabulary.AccessMode;
import fr.maillage.places.vocabulary.Fee;
import fr.maillage.places.vocabulary.Itinerance;
import fr.maillage.places.vocabulary.MediationService;
import fr.maillage.places.vocabulary.NationalProgram;
import fr.maillage.places.vocabulary.SpecificPublic;
import fr.maillage.places.vocabulary.SpecificSupport;
import fr.maillage.places.vocabulary.SupportMode;
import fr.maillage.places.vocabulary.TrainingLabel;
import fr.maillage.places.vocabulary.Vocabulary;
import fr.maillage.shared.geo.Coordinates;
import org.jspecify.annotations.Nullable;

/**
 * Places to and from the schema's text form the {@link MergePolicy} works on. Values the
 * directory keeps unknown stay empty here (no placeholder pivot, no invented date, no
 * collecting source when the producer named none), so that they never win against a real
 * value; coordinates Maillage estimated are left out, so that a producer's coordinates
 * always win over a commune centre.
 */
public final class MergedPlaces {

	private MergedPlaces() {
	}

	public static SourceRecord asSourceRecord(Place place) {
		Map<String, String> fields = new LinkedHashMap<>(SchemaRecords.asText(place));
		fields.remove(SchemaField.ID.columnName());
		if (place.pivot() == null) {
			fields.put(SchemaField.PIVOT.columnName(), "");
		}
		fields.put(SchemaField.DATE_MAJ.columnName(), place.updatedOn() == null ? "" : place.updatedOn().toString());
		if (place.collectedBy() == null) {
			fields.put(SchemaField.SOURCE.columnName(), "");
		}
		return new SourceRecord(place.origin().importSource(), place.origin().sourceId(), place.updatedOn(),
				place.changedAt(), fields);
	}

	/**
	 * The published place of a merge.
	 * @param representative the record whose id (and origin) the published place takes
	 * @param members every merged record, to place it at an estimated position when no
	 * producer gave coordinates
	 */
	public static Place asPlace(MergedRecord merged, Place representative, List<Place> members) {
		Map<String, String> fields = merged.fields();
		Coordinates point = null;
		Geocoding geocoding = null;
		String latitude = fields.getOrDefault(SchemaField.LATITUDE.columnName(), "");
		String longitude = fields.getOrDefault(SchemaField.LONGITUDE.columnName(), "");
		if (!latitude.isEmpty() && !longitude.isEmpty()) {
			point = new Coordinates(Double.parseDouble(latitude), Double.parseDouble(longitude));
		}
		else {
			for (Place member : members) {
				if (member.coordinates() != null) {
					point = member.coordinates();
					geocoding = member.geocoding();
					break;
				}
			}
		}
		String updatedOn = text(fields, SchemaField.DATE_MAJ);
		return new Place(representative.origin(), text(fields, SchemaField.PIVOT),
				required(fields, SchemaField.NOM, representative.name()),
				required(fields, SchemaField.COMMUNE, representative.commune()),
				required(fields, SchemaField.CODE_POSTAL, representative.postalCode()),
				text(fields, SchemaField.CODE_INSEE), required(fields, SchemaField.ADRESSE, representative.address()),
				text(fields, SchemaField.COMPLEMENT_ADRESSE), point, list(fields, SchemaField.TYPOLOGIE),
				text(fields, SchemaField.TELEPHONE), list(fields, SchemaField.COURRIELS),
				list(fields, SchemaField.SITE_WEB), text(fields, SchemaField.HORAIRES),
				text(fields, SchemaField.PRESENTATION_RESUME), text(fields, SchemaField.PRESENTATION_DETAIL),
				text(fields, SchemaField.SOURCE), vocabulary(fields, SchemaField.ITINERANCE, Itinerance.class),
				text(fields, SchemaField.STRUCTURE_PARENTE), updatedOn == null ? null : LocalDate.parse(updatedOn),
				vocabulary(fields, SchemaField.SERVICES, MediationService.class),
				vocabulary(fields, SchemaField.PUBLICS_SPECIFIQUEMENT_ADRESSES, SpecificPublic.class),
				vocabulary(fields, SchemaField.PRISE_EN_CHARGE_SPECIFIQUE, SpecificSupport.class),
				vocabulary(fields, SchemaField.FRAIS_A_CHARGE, Fee.class),
				vocabulary(fields, SchemaField.DISPOSITIF_PROGRAMMES_NATIONAUX, NationalProgram.class),
				vocabulary(fields, SchemaField.FORMATIONS_LABELS, TrainingLabel.class),
				text(fields, SchemaField.AUTRES_FORMATIONS_LABELS),
				vocabulary(fields, SchemaField.MODALITES_ACCES, AccessMode.class),
				vocabulary(fields, SchemaField.MODALITES_ACCOMPAGNEMENT, SupportMode.class),
				text(fields, SchemaField.FICHE_ACCES_LIBRE), text(fields, SchemaField.PRISE_RDV), geocoding,
				representative.receivedAt());
	}

	private static @Nullable String text(Map<String, String> fields, SchemaField field) {
		String value = fields.getOrDefault(field.columnName(), "");
		return value.isEmpty() ? null : value;
	}

	private static String required(Map<String, String> fields, SchemaField field, String fallback) {
		String value = text(fields, field);
		return value == null ? fallback : value;
	}

	private static List<String> list(Map<String, String> fields, SchemaField field) {
		String value = fields.getOrDefault(field.columnName(), "");
		return value.isEmpty() ? List.of() : List.of(value.split("\\|"));
	}

	private static <E extends Enum<E> & Vocabulary> List<E> vocabulary(Map<String, String> fields, SchemaField field,
			Class<E> type) {
		List<E> values = new ArrayList<>();
		for (String label : list(fields, field)) {
			Vocabulary.findByLabel(type, label).filter(value -> !values.contains(value)).ifPresent(values::add);
		}
		return values;
	}

}
