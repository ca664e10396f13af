package fr.maillage.opendata;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import fr.maillage.accounts.AccountPrincipal;
import fr.maillage.opendata.importing.EditedValues;
import fr.maillage.shared.importing.ImportIssue;
import fr.maillage.opendata.importing.RawRecord;
import fr.maillage.opendata.importing.RecordNormalizer;
import fr.maillage.opendata.importing.RecordOutcome;
import fr.maillage.opendata.importing.TerritoryCommunes;
import fr.maillage.opendata.merging.DuplicateDetector;
import fr.maillage.opendata.merging.MergePolicy;
import fr.maillage.opendata.persistence.JdbcDuplicateRepository;
import fr.maillage.opendata.persistence.JdbcPlaceEditRepository;
import fr.maillage.opendata.publishing.SchemaRecords;
import fr.maillage.places.Place;
import fr.maillage.places.PlaceDirectory;
import fr.maillage.places.hours.HoursReading;
import fr.maillage.places.hours.OpeningHoursEvaluator;
import fr.maillage.territories.Territories;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Editing a lieu in Maillage (issue 6): the API the contributive directory (module
 * {@code contributions}, which decides who may edit) writes through. The edited values
 * become a source record of the source {@value #SOURCE}, dated today, so the merge makes
 * them win field by field and the provenance says who said what; a decision ties that
 * record to the lieu, so the edit stays in it whatever it changes. Validation is the
 * import's (same French messages), stricter: what an import takes with a warning, an edit
 * refuses. Optimistic locking: an edit names the version of the lieu it started from, and
 * is refused when the lieu changed meanwhile — nothing is silently overwritten. Every
 * edit is kept, append-only, with its author and the values before and after.
 */
@Service
public class PlaceEditing {

	public static final String SOURCE = MergePolicy.EDIT_SOURCE;

	private final PlaceDirectory places;

	private final PublishedDirectory published;

	private final JdbcDuplicateRepository duplicates;

	private final Territories territories;

	private final RecordNormalizer normalizer;

	private final JdbcPlaceEditRepository edits;

	private final Clock clock;

	PlaceEditing(PlaceDirectory places, PublishedDirectory published, JdbcDuplicateRepository duplicates,
			Territories territories, JdbcPlaceEditRepository edits, Clock clock) {
		this.places = places;
		this.published = published;
		this.duplicates = duplicates;
		this.territories = territories;
		this.normalizer = new RecordNormalizer(clock, new TerritoryCommunes(territories));
		this.edits = edits;
		this.clock = clock;
	}

	/**
	 * The lieu with the new values, as the import would take it: Maillage's record of the
	 * lieu, dated today.
	 */
	private RecordOutcome validate(Place current, Map<String, String> values, @Nullable String reason) {
		// what an import would drop with a warning is refused here: the editor can fix it
		List<ImportIssue> refused = new java.util.ArrayList<>(EditedValues.check(values));
		EditedValues.checkReason(reason).ifPresent(refused::add);
		if (!refused.isEmpty()) {
			return new RecordOutcome.Rejected(refused, List.of());
		}
		Map<String, String> typed = new LinkedHashMap<>(values);
		String hours = typed.get("horaires");
		if (hours != null && !hours.isBlank()) {
			// hours as people write them: kept in OpenStreetMap's form, refused with an
			// example when not understood
			HoursReading reading = EditedValues.readHours(hours);
			if (reading instanceof HoursReading.Refused notUnderstood) {
				return new RecordOutcome.Rejected(
						List.of(new ImportIssue(1L, "horaires", hours.strip(), notUnderstood.message())), List.of());
			}
			typed.put("horaires", ((HoursReading.Understood) reading).osm());
		}
		Map<String, String> before = SchemaRecords.asText(current);
		Map<String, Object> record = new LinkedHashMap<>(before);
		record.putAll(typed);
		record.put("id", current.id());
		record.put("date_maj", LocalDate.now(clock.withZone(OpeningHoursEvaluator.PARIS)).toString());
		record.put("source", "Maillage");
		RecordOutcome outcome = normalizer.normalize(new RawRecord(1, record, false), SOURCE);
		if (outcome instanceof RecordOutcome.Accepted accepted) {
			// nothing changes silently: what an import would take with a warning (a phone
			// that is no phone, a postcode the commune does not have, "6910" read as
			// "06910") is refused next to the field the editor typed; warnings about
			// values
			// the editor left as they were (a producer's) do not block the edit
			java.util.Set<String> changed = new java.util.HashSet<>();
			typed.forEach((column, value) -> {
				if (!value.strip().equals(before.getOrDefault(column, ""))) {
					changed.add(column);
				}
			});
			List<ImportIssue> silent = accepted.warnings()
				.stream()
				.filter(warning -> warning.champ() != null && EditedValues.refuses(warning))
				.filter(warning -> changed.contains(EditedValues.typedField(warning, changed)))
				.map(warning -> {
					String field = EditedValues.typedField(warning, changed);
					return new ImportIssue(1L, field, typed.get(field),
							EditedValues.editMessage(warning, field, typed.get(field)));
				})
				.toList();
			if (!silent.isEmpty()) {
				return new RecordOutcome.Rejected(silent, List.of());
			}
		}
		return outcome;
	}

	/** The edit was refused because the lieu changed since the editor loaded it. */
	public static class EditConflictException extends RuntimeException {

		private final transient Place current;

		private final String currentVersion;

		EditConflictException(Place current, String currentVersion) {
			super("Ce lieu a été modifié par quelqu'un d'autre pendant que vous le modifiiez.");
			this.current = current;
			this.currentVersion = currentVersion;
		}

		public Place current() {
			return current;
		}

		public String currentVersion() {
			return currentVersion;
		}

	}

	/**
	 * What an edit did: the saved lieu, or the errors that kept it from being saved.
	 *
	 * @param before the lieu's schema record before the edit (empty when refused)
	 * @param after the published lieu's schema record after the edit, so the editor is
	 * told what changed (empty when refused)
	 */
	public record Outcome(@Nullable Place saved, List<ImportIssue> errors, List<ImportIssue> warnings,
			Map<String, String> before, Map<String, String> after) {

		public Outcome {
			before = Map.copyOf(before);
			after = Map.copyOf(after);
		}

	}

	/**
	 * A lieu as the national schema writes it, one text per field (lists joined with
	 * "|"): what an edit form shows and what edits and proposals are compared with.
	 */
	public static Map<String, String> asSchemaRecord(Place place) {
		return SchemaRecords.asText(place);
	}

	/**
	 * Hours as an editor types them, read as an edit reads them: OpenStreetMap's form
	 * kept, words ("lundi 10h30-12h, mercredi 14h-17h") read into it, anything else
	 * refused with an example.
	 */
	public static HoursReading readHours(String typed) {
		return EditedValues.readHours(typed);
	}

	/**
	 * The errors that would keep these values from being saved on the lieu (none when
	 * they would be): what a proposal is checked with before a coordinator sees it.
	 */
	@Transactional(readOnly = true)
	public List<ImportIssue> check(String lieuId, Map<String, String> values, @Nullable String reason) {
		if (validate(places.getPlace(lieuId), values, reason) instanceof RecordOutcome.Rejected rejected) {
			return rejected.errors();
		}
		return List.of();
	}

	/**
	 * An edit made in Maillage, as kept.
	 *
	 * @param before,after the lieu's schema records before and after it
	 */
	public record Edit(Instant at, String author, @Nullable String reason, Map<String, String> before,
			Map<String, String> after) {
	}

	/** Every edit of the lieu made in Maillage, in no particular order. */
	@Transactional(readOnly = true)
	public List<Edit> listEdits(String lieuId) {
		return edits.listEdits(places.getPlace(lieuId).id())
			.stream()
			.map(edit -> new Edit(edit.at(), edit.author(), edit.reason(), edit.before(), edit.after()))
			.toList();
	}

	/**
	 * Saves an edit; the caller has checked that the author may make it (the contributive
	 * directory's editing policy).
	 * @param values schema field → new value (lists joined with "|"); fields not given
	 * keep their published value
	 * @throws EditConflictException when the lieu changed since {@code expectedVersion}
	 */
	@Transactional
	public Outcome edit(String lieuId, String expectedVersion, Map<String, String> values, @Nullable String reason,
			AccountPrincipal author) {
		published.lockForWriting();
		Place current = places.getPlace(lieuId);
		String version = places.getVersion(current.id());
		if (!version.equals(expectedVersion)) {
			throw new EditConflictException(current, version);
		}
		Map<String, String> before = SchemaRecords.asText(current);
		RecordOutcome outcome = validate(current, values, reason);
		if (outcome instanceof RecordOutcome.Rejected rejected) {
			return new Outcome(null, rejected.errors(), rejected.warnings(), Map.of(), Map.of());
		}
		RecordOutcome.Accepted accepted = (RecordOutcome.Accepted) outcome;
		Place edit = accepted.place();
		places.savePlaces(List.of(edit));
		// the edit belongs to this lieu whatever it changed (name, address…)
		duplicates.insertDecision(edit.id(), current.id(),
				(int) Math.floor(DuplicateDetector.score(fr.maillage.opendata.merging.DirectoryMerge.asCandidate(edit),
						fr.maillage.opendata.merging.DirectoryMerge.asCandidate(current))),
				JdbcDuplicateRepository.MERGE, author.name() + SourceHistory.EDIT_DECISION, clock.instant());
		edits.insertEdit(current.id(), author.id(), author.signature(), clock.instant(), before,
				SchemaRecords.asText(edit), reason);
		published.publishChanges(List.of(edit.id(), current.id()));
		Place saved = places.getPlace(current.id());
		return new Outcome(saved, List.of(), accepted.warnings(), before, SchemaRecords.asText(saved));
	}

}
