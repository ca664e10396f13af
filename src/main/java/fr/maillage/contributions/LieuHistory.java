package fr.maillage.contributions;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import fr.maillage.accounts.AccountPrincipal;
import fr.maillage.contributions.persistence.JdbcConfirmationRepository;
import fr.maillage.opendata.FieldLabels;
import fr.maillage.opendata.PlaceEditing;
import fr.maillage.opendata.SourceHistory;
import fr.maillage.places.ErrorReports;
import fr.maillage.places.ModerationStatus;
import fr.maillage.places.Place;
import fr.maillage.places.PlaceDirectory;
import fr.maillage.places.hours.HoursInWords;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What happened to a lieu, most recent first (issues 6 and 15), in plain words: edits in
 * Maillage (who, before and after, why), « toujours exact » confirmations, people's
 * decisions on its records' pairs, moderation decisions on its reports, what each import
 * changed in its records and each source's last delivery. Read through the
 * {@code opendata} ({@link PlaceEditing}, {@link SourceHistory}) and {@code places}
 * ({@link ErrorReports}) APIs and this module's confirmations; for those who may edit the
 * lieu.
 */
@Service
public class LieuHistory {

	/** Fields every record changes at every delivery: not news. */
	private static final Set<String> BOOKKEEPING = Set.of("id", "date_maj", "source");

	private final PlaceDirectory places;

	private final LieuEditing editing;

	private final PlaceEditing edits;

	private final SourceHistory sources;

	private final ErrorReports reports;

	private final JdbcConfirmationRepository confirmations;

	LieuHistory(PlaceDirectory places, LieuEditing editing, PlaceEditing edits, SourceHistory sources,
			ErrorReports reports, JdbcConfirmationRepository confirmations) {
		this.places = places;
		this.editing = editing;
		this.edits = edits;
		this.sources = sources;
		this.reports = reports;
		this.confirmations = confirmations;
	}

	/** One field's change, named and valued as people read them. */
	public record Change(String field, String before, String after) {
	}

	/**
	 * @param kind {@code modification}, {@code confirmation}, {@code doublon},
	 * {@code signalement} or {@code source}
	 * @param author a person's name, or a source's
	 */
	public record Event(Instant at, String kind, String author, String summary, @Nullable String reason,
			List<Change> changes) {
	}

	@Transactional(readOnly = true)
	public List<Event> listEvents(String lieuId, AccountPrincipal account) {
		Place place = places.getPlace(lieuId);
		if (!editing.mayEdit(account, place)) {
			throw new AccessDeniedException("Vous ne pouvez pas consulter l'historique de ce lieu.");
		}
		List<Event> events = new ArrayList<>();
		edits.listEdits(place.id())
			.forEach(edit -> events.add(new Event(edit.at(), "modification", FieldLabels.person(edit.author()),
					"Fiche modifiée dans Maillage", edit.reason(), changes(edit.before(), edit.after()))));
		confirmations.listConfirmations(UUID.fromString(place.id()))
			.forEach(confirmation -> events
				.add(new Event(confirmation.at(), "confirmation", FieldLabels.person(confirmation.author()),
						"Fiche confirmée « toujours exacte »", null, List.of())));
		sources.listPairDecisions(place.id())
			.forEach(decision -> events.add(new Event(decision.at(), "doublon", decision.author(),
					(decision.merged() ? "Même lieu : " : "Lieux différents : ") + decision.recordA() + " et "
							+ decision.recordB(),
					null, List.of())));
		reports.listDecided(place.id())
			.forEach(decided -> events.add(
					new Event(decided.decidedAt(), "signalement", FieldLabels.person(decided.decidedBy()),
							"Signalement « " + decided.report().field() + " » "
									+ (ModerationStatus.ACCEPTEE.code().equals(decided.report().status()) ? "accepté"
											: "rejeté")
									+ " : " + decided.report().message(),
							decided.reply(), List.of())));
		sources.listDeliveries(place.id())
			.forEach(delivery -> events.add(new Event(delivery.at(), "source", delivery.source(),
					"Dernière version reçue de « " + delivery.source() + " » (fiche " + delivery.sourceId() + ")", null,
					List.of())));
		Map<String, Event> imported = new LinkedHashMap<>();
		sources.listImportedChanges(place.id()).forEach(change -> {
			if (BOOKKEEPING.contains(change.field())) {
				return;
			}
			imported
				.computeIfAbsent(change.recordId() + change.at(),
						key -> new Event(change.at(), "source", change.source(),
								"Mise à jour reçue de « " + change.source() + " »", null, new ArrayList<>()))
				.changes()
				.add(change(change.field(), change.before(), change.after()));
		});
		events.addAll(imported.values());
		events.sort(Comparator.comparing(Event::at).reversed());
		return events;
	}

	private static List<Change> changes(Map<String, String> old, Map<String, String> now) {
		List<Change> changes = new ArrayList<>();
		now.forEach((field, value) -> {
			String previous = old.getOrDefault(field, "");
			if (!Objects.equals(previous, value) && !BOOKKEEPING.contains(field)) {
				changes.add(change(field, previous, value));
			}
		});
		return changes;
	}

	/** A field by its French label; lists as lists, hours in words. */
	static Change change(String field, String before, String after) {
		return new Change(FieldLabels.label(field), inWords(field, before), inWords(field, after));
	}

	private static String inWords(String field, String value) {
		if (field.equals("horaires") && !value.isBlank()) {
			return HoursInWords.words(value).orElse(value);
		}
		return FieldLabels.value(value);
	}

}
