package fr.maillage.opendata;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import fr.maillage.opendata.persistence.JdbcDuplicateRepository;
import fr.maillage.opendata.persistence.JdbcSourceHistoryRepository;
import fr.maillage.places.PlaceDirectory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the sources did to a published lieu, for its history page (module
 * {@code contributions}): people's decisions on its records' pairs, each source's last
 * delivery, and what each import changed in its records. Read from append-only tables.
 */
@Service
public class SourceHistory {

	private final JdbcSourceHistoryRepository history;

	private final PlaceDirectory places;

	SourceHistory(JdbcSourceHistoryRepository history, PlaceDirectory places) {
		this.history = history;
		this.places = places;
	}

	/**
	 * A person's decision on two records of the lieu.
	 *
	 * @param merged « même lieu » when true, « lieux différents » otherwise
	 * @param recordA,recordB each record as « source (fiche id) »
	 */
	public record PairDecision(Instant at, String author, boolean merged, String recordA, String recordB) {
	}

	/** A source's last delivery of one of the lieu's records. */
	public record Delivery(Instant at, String source, String sourceId) {
	}

	/**
	 * One field an import changed in one of the lieu's records (schema field, text form).
	 */
	public record ImportedChange(String recordId, Instant at, String source, String field, String before,
			String after) {
	}

	/**
	 * Decisions people took on the lieu's pairs; not the decision that ties an edit's
	 * record to its lieu, which is the edit itself, nor the administrator's automatic
	 * merges.
	 */
	@Transactional(readOnly = true)
	public List<PairDecision> listPairDecisions(String lieuId) {
		return history.listPairDecisions(id(lieuId))
			.stream()
			.filter(decision -> !decision.author().endsWith(EDIT_DECISION))
			.map(decision -> new PairDecision(decision.at(), FieldLabels.person(decision.author()),
					decision.status().equals(JdbcDuplicateRepository.MERGE), record(decision.recordA()),
					record(decision.recordB())))
			.toList();
	}

	@Transactional(readOnly = true)
	public List<Delivery> listDeliveries(String lieuId) {
		return history.listDeliveries(id(lieuId))
			.stream()
			.filter(delivery -> !delivery.source().equals(PlaceEditing.SOURCE))
			.map(delivery -> new Delivery(delivery.at(), delivery.source(), delivery.sourceId()))
			.toList();
	}

	/** By replacement then field. */
	@Transactional(readOnly = true)
	public List<ImportedChange> listImportedChanges(String lieuId) {
		return history.listImportedChanges(id(lieuId))
			.stream()
			.filter(change -> !change.source().equals(PlaceEditing.SOURCE))
			.map(change -> new ImportedChange(change.recordId(), change.at(), change.source(), change.field(),
					change.before(), change.after()))
			.toList();
	}

	/** How {@link PlaceEditing} signs the decision that keeps an edit in its lieu. */
	static final String EDIT_DECISION = " (saisie)";

	private UUID id(String lieuId) {
		return UUID.fromString(places.getPlace(lieuId).id());
	}

	/** « source id » → « source (fiche id) », an edit named as such. */
	private static String record(String sourceAndId) {
		int space = sourceAndId.indexOf(' ');
		if (space < 0) {
			return sourceAndId;
		}
		return FieldLabels.source(sourceAndId.substring(0, space)) + " (fiche " + sourceAndId.substring(space + 1)
				+ ")";
	}

}
