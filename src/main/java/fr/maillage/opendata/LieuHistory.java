package fr.maillage.opendata;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import fr.maillage.accounts.AccountPrincipal;
import fr.maillage.places.Place;
import fr.maillage.places.PlaceDirectory;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

/**
 * What happened to a lieu, most recent first (issue 6): edits in Maillage (who, before
 * and after, why), "toujours exact" confirmations, people's decisions on its records'
 * pairs, moderation decisions on its reports, what each import changed in its records
 * (before, after) and each source's last delivery. Read from append-only tables; for
 * those who may edit the lieu.
 */
@Service
public class LieuHistory {

	private final JdbcClient jdbc;

	private final PlaceDirectory places;

	private final PlaceEditing editing;

	private final ObjectMapper json;

	LieuHistory(JdbcClient jdbc, PlaceDirectory places, PlaceEditing editing, ObjectMapper json) {
		this.jdbc = jdbc;
		this.places = places;
		this.editing = editing;
		this.json = json;
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
		jdbc.sql("select moment, auteur, motif, avant::text, apres::text from saisie_lieu where lieu_id = :id")
			.param("id", id)
			.query((rs,
					row) -> events.add(new Event(rs.getTimestamp("moment").toInstant(), "modification",
							rs.getString("auteur"), "Fiche modifiée dans Maillage", rs.getString("motif"),
							changes(rs.getString("avant"), rs.getString("apres")))))
			.list();
		jdbc.sql("select moment, auteur from confirmation_lieu where lieu_id = :id")
			.param("id", id)
			.query((rs,
					row) -> events.add(new Event(rs.getTimestamp("moment").toInstant(), "confirmation",
							rs.getString("auteur"), "Fiche confirmée « toujours exacte »", null, List.of())))
			.list();
		jdbc.sql("""
				select d.decide_le, d.auteur, d.statut, a.import_source || ' ' || a.source_id as a,
				       b.import_source || ' ' || b.source_id as b
				from doublon d join lieu_source a on a.id = d.lieu_a join lieu_source b on b.id = d.lieu_b
				where d.statut <> 'a_examiner'
				  and (d.lieu_a in (select source_record_id from lieu_membre where lieu_id = :id)
				    or d.lieu_b in (select source_record_id from lieu_membre where lieu_id = :id))""")
			.param("id", id)
			.query((rs,
					row) -> events.add(new Event(rs.getTimestamp("decide_le").toInstant(), "doublon",
							rs.getString("auteur"),
							(rs.getString("statut").equals("fusionner") ? "Fusion décidée : " : "Lieux distincts : ")
									+ rs.getString("a") + " et " + rs.getString("b"),
							null, List.of())))
			.list();
		jdbc.sql("select decide_le, decide_par, statut, champ, message, reponse from signalement "
				+ "where lieu_id = :id and decide_le is not null")
			.param("id", id)
			.query((rs,
					row) -> events.add(new Event(rs.getTimestamp("decide_le").toInstant(), "signalement",
							rs.getString("decide_par"),
							"Signalement « " + rs.getString("champ") + " » " + rs.getString("statut") + " : "
									+ rs.getString("message"),
							rs.getString("reponse"), List.of())))
			.list();
		jdbc.sql("""
				select s.updated_at, s.import_source, s.source_id from lieu_source s
				join lieu_membre m on m.source_record_id = s.id where m.lieu_id = :id""")
			.param("id", id)
			.query((rs,
					row) -> events.add(new Event(rs.getTimestamp("updated_at").toInstant(), "source",
							rs.getString("import_source"),
							"Dernière version reçue de « " + rs.getString("import_source") + " » (enregistrement "
									+ rs.getString("source_id") + ")",
							null, List.of())))
			.list();
		Map<String, Event> imported = new java.util.LinkedHashMap<>();
		jdbc.sql("""
				select h.source_record_id, h.remplace_le, h.import_source, k.key as champ,
				       coalesce(h.avant ->> k.key, '') as avant, coalesce(h.apres ->> k.key, '') as apres
				from lieu_source_historique h
				join lieu_membre m on m.source_record_id = h.source_record_id,
				jsonb_object_keys(h.apres) as k(key)
				where m.lieu_id = :id and h.avant -> k.key is distinct from h.apres -> k.key
				  and k.key not in ('id', 'date_maj')
				order by h.remplace_le, k.key""").param("id", id).query((rs, row) -> {
			Instant at = rs.getTimestamp("remplace_le").toInstant();
			String source = rs.getString("import_source");
			imported
				.computeIfAbsent(rs.getString("source_record_id") + at,
						key -> new Event(at, "source", source, "Mise à jour reçue de « " + source + " »", null,
								new ArrayList<>()))
				.changes()
				.add(new Change(rs.getString("champ"), rs.getString("avant"), rs.getString("apres")));
			return null;
		}).list();
		events.addAll(imported.values());
		events.sort(Comparator.comparing(Event::at).reversed());
		return events;
	}

	private List<Change> changes(String before, String after) {
		Map<String, String> old = json.readValue(before, new TypeReference<Map<String, String>>() {
		});
		Map<String, String> now = json.readValue(after, new TypeReference<Map<String, String>>() {
		});
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
