package fr.maillage.places;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import fr.maillage.places.vocabulary.AccessMode;
import fr.maillage.places.vocabulary.Fee;
import fr.maillage.places.vocabulary.Itinerance;
import fr.maillage.places.vocabulary.MediationService;
import fr.maillage.places.vocabulary.NationalProgram;
import fr.maillage.places.vocabulary.SpecificPublic;
import fr.maillage.places.vocabulary.SpecificSupport;
import fr.maillage.places.vocabulary.SupportMode;
import fr.maillage.places.vocabulary.TrainingLabel;
import fr.maillage.shared.geo.Coordinates;
import org.jspecify.annotations.Nullable;

/**
 * A digital-mediation place as the directory knows it, one component per field of the
 * national schema v1.0.2 (docs/glossaire.md maps each to its schema name). Values are
 * already normalised: lists hold known vocabulary only, the phone is international,
 * unknown values are {@code null} rather than placeholders.
 *
 * @param pivot SIRET, RNA or RIDET; {@code null} when the producer gave none or the
 * placeholder 00000000000000
 * @param updatedOn the producer's date of last update; {@code null} when it gave a
 * placeholder date
 * @param geocoding {@code null} when the coordinates are the producer's, else how
 * Maillage placed it
 * @param receivedAt when Maillage first received this record; {@code null} before it is
 * saved
 * @param changedAt when its content last changed in Maillage (received with other values,
 * or edited); {@code null} before it is saved. The merge orders an edit against
 * producers' records by this instant, not by the producers' dates (ADR 0011).
 */
public record Place(PlaceOrigin origin, @Nullable String pivot, String name, String commune, String postalCode,
		@Nullable String codeInsee, String address, @Nullable String addressComplement,
		@Nullable Coordinates coordinates, List<String> typologies, @Nullable String phone, List<String> emails,
		List<String> websites, @Nullable String openingHours, @Nullable String summary, @Nullable String description,
		@Nullable String collectedBy, List<Itinerance> itinerance, @Nullable String parentStructure,
		@Nullable LocalDate updatedOn, List<MediationService> services, List<SpecificPublic> publics,
		List<SpecificSupport> specificSupports, List<Fee> fees, List<NationalProgram> nationalPrograms,
		List<TrainingLabel> trainingLabels, @Nullable String otherLabels, List<AccessMode> accessModes,
		List<SupportMode> supportModes, @Nullable String accessibilitySheetUrl, @Nullable String appointmentUrl,
		@Nullable Geocoding geocoding, @Nullable Instant receivedAt, @Nullable Instant changedAt) {

	/** A place whose content never changed since it was received (or not saved yet). */
	public Place(PlaceOrigin origin, @Nullable String pivot, String name, String commune, String postalCode,
			@Nullable String codeInsee, String address, @Nullable String addressComplement,
			@Nullable Coordinates coordinates, List<String> typologies, @Nullable String phone, List<String> emails,
			List<String> websites, @Nullable String openingHours, @Nullable String summary,
			@Nullable String description, @Nullable String collectedBy, List<Itinerance> itinerance,
			@Nullable String parentStructure, @Nullable LocalDate updatedOn, List<MediationService> services,
			List<SpecificPublic> publics, List<SpecificSupport> specificSupports, List<Fee> fees,
			List<NationalProgram> nationalPrograms, List<TrainingLabel> trainingLabels, @Nullable String otherLabels,
			List<AccessMode> accessModes, List<SupportMode> supportModes, @Nullable String accessibilitySheetUrl,
			@Nullable String appointmentUrl, @Nullable Geocoding geocoding, @Nullable Instant receivedAt) {
		this(origin, pivot, name, commune, postalCode, codeInsee, address, addressComplement, coordinates, typologies,
				phone, emails, websites, openingHours, summary, description, collectedBy, itinerance, parentStructure,
				updatedOn, services, publics, specificSupports, fees, nationalPrograms, trainingLabels, otherLabels,
				accessModes, supportModes, accessibilitySheetUrl, appointmentUrl, geocoding, receivedAt, receivedAt);
	}

	public Place {
		typologies = List.copyOf(typologies);
		emails = List.copyOf(emails);
		websites = List.copyOf(websites);
		itinerance = List.copyOf(itinerance);
		services = List.copyOf(services);
		publics = List.copyOf(publics);
		specificSupports = List.copyOf(specificSupports);
		fees = List.copyOf(fees);
		nationalPrograms = List.copyOf(nationalPrograms);
		trainingLabels = List.copyOf(trainingLabels);
		accessModes = List.copyOf(accessModes);
		supportModes = List.copyOf(supportModes);
	}

	public String id() {
		return origin.placeId();
	}

	public String departement() {
		return DepartementCodes.of(codeInsee, postalCode);
	}

}
