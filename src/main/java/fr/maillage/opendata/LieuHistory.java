package fr.maillage.opendata;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import fr.maillage.accounts.AccountPrincipal;
import fr.maillage.opendata.persistence.JdbcLieuHistoryRepository;
import fr.maillage.places.Place;
import fr.maillage.places.PlaceDirectory;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What happened to a lieu, most recent first (issue 6): edits in Maillage (who, before
 * and after, why), "toujours exact" confirmations, people's decisions on its records'
 * pairs, moderation decisions on its reports, what each import changed in its records
 * (before, after) and each source's last delivery. Read from append-only tables; for
 * those who may edit the lieu.
 */
@Service
public class LieuHistory {

	private final JdbcLieuHistoryRepository history;

	private final PlaceDirectory places;

	private final PlaceEditing editing;

	LieuHistory(JdbcLieuHistoryRepository history, PlaceDirectory places, PlaceEditing editing) {
		this.history = history;
		this.places = places;
		this.editing = editing;
	}

	/** One field's change. */
	public record Change(String field, String before, String after) {
	}

	/**
	 * @param kind {@code modification}, {@code confirmation}, {@code doublon},
	 * {@code signalement} or {@code source}
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
		UUID id = UUID.fromString(place.id());
		List<Event> events = new ArrayList<>();
		history.listEdits(id)
			.forEach(edit -> events.add(new Event(edit.at(), "modification", edit.author(),
					"Fiche modifiée dans Maillage", edit.reason(), changes(edit.before(), edit.after()))));
		history.listConfirmations(id)
			.forEach(confirmation -> events.add(new Event(confirmation.at(), "confirmation", confirmation.author(),
					"Fiche confirmée « toujours exacte »", null, List.of())));
		history.listPairDecisions(id)
			.forEach(decision -> events.add(new Event(decision.at(), "doublon", decision.author(),
					(decision.status().equals("fusionner") ? "Fusion décidée : " : "Lieux distincts : ")
							+ decision.recordA() + " et " + decision.recordB(),
					null, List.of())));
		history.listReportDecisions(id)
			.forEach(decision -> events.add(new Event(decision.at(), "signalement", decision.author(),
					"Signalement « " + decision.field() + " » " + decision.status() + " : " + decision.message(),
					decision.reply(), List.of())));
		history.listDeliveries(id)
			.forEach(
					delivery -> events.add(new Event(
							delivery.at(), "source", delivery.source(), "Dernière version reçue de « "
									+ delivery.source() + " » (enregistrement " + delivery.sourceId() + ")",
							null, List.of())));
		Map<String, Event> imported = new java.util.LinkedHashMap<>();
		history.listImportedChanges(id).forEach(change -> {
			Instant at = change.at();
			String source = change.source();
			imported
				.computeIfAbsent(change.recordId() + at,
						key -> new Event(at, "source", source, "Mise à jour reçue de « " + source + " »", null,
								new ArrayList<>()))
				.changes()
				.add(new Change(change.field(), change.before(), change.after()));
		});
		events.addAll(imported.values());
		events.sort(Comparator.comparing(Event::at).reversed());
		return events;
	}

	private List<Change> changes(Map<String, String> old, Map<String, String> now) {
		List<Change> changes = new ArrayList<>();
		now.forEach((field, value) -> {
			String previous = old.getOrDefault(field, "");
			if (!Objects.equals(previous, value) && !field.equals("id") && !field.equals("date_maj")
					&& !field.equals("source")) {
				changes.add(new Change(field, previous, value));
			}
		});
		return changes;
	}

}
