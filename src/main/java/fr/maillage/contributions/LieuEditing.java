package fr.maillage.contributions;

import java.util.List;
import java.util.Map;

import fr.maillage.accounts.AccountPrincipal;
import fr.maillage.contributions.domain.EditingPolicy;
import fr.maillage.contributions.persistence.JdbcProposalRepository;
import fr.maillage.opendata.PlaceEditing;
import fr.maillage.places.Place;
import fr.maillage.places.PlaceDirectory;
import fr.maillage.shared.importing.ImportIssue;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Edits and proposals of lieux by the people of a territory (issues 6 and 15): who may
 * edit a lieu is the {@link EditingPolicy}; an edit is saved through {@code opendata}'s
 * {@link PlaceEditing} (validated as an import, stricter, published at once); anyone else
 * signed in proposes, and the proposal waits for the coordinators of the lieu's territory
 * ({@link Moderation}).
 */
@Service
public class LieuEditing {

	private final PlaceDirectory places;

	private final PlaceEditing editing;

	private final LieuScopes scopes;

	private final JdbcProposalRepository proposals;

	private final java.time.Clock clock;

	LieuEditing(PlaceDirectory places, PlaceEditing editing, LieuScopes scopes, JdbcProposalRepository proposals,
			java.time.Clock clock) {
		this.places = places;
		this.editing = editing;
		this.scopes = scopes;
		this.proposals = proposals;
		this.clock = clock;
	}

	public boolean mayEdit(AccountPrincipal account, Place place) {
		return EditingPolicy.mayEdit(account, scopes.whereIs(place), scopes.structureOf(place));
	}

	/** Whether the account attaches the lieu to a structure and invites its members. */
	public boolean mayCoordinate(AccountPrincipal account, Place place) {
		return EditingPolicy.mayCoordinate(account, scopes.whereIs(place));
	}

	/**
	 * @param values schema field → new value (lists joined with "|"); fields not given
	 * keep their published value
	 * @throws AccessDeniedException when the account may not edit this lieu
	 * @throws PlaceEditing.EditConflictException when the lieu changed since
	 * {@code expectedVersion}
	 */
	@Transactional
	public PlaceEditing.Outcome edit(String lieuId, String expectedVersion, Map<String, String> values,
			@Nullable String reason, AccountPrincipal author) {
		if (!mayEdit(author, places.getPlace(lieuId))) {
			throw new AccessDeniedException("Vous ne pouvez pas modifier ce lieu.");
		}
		return editing.edit(lieuId, expectedVersion, values, reason, author);
	}

	/**
	 * What saving these values would refuse (none when nothing): the form shows every
	 * refusal at once.
	 */
	public List<ImportIssue> check(String lieuId, Map<String, String> values, @Nullable String reason) {
		return editing.check(lieuId, values, reason);
	}

	/**
	 * Proposes an edit of a lieu one may not edit (a member whose structure does not hold
	 * it): validated like an edit, then kept for the coordinators of the lieu's
	 * territory.
	 * @return the errors that kept it from being proposed (none when proposed)
	 */
	@Transactional
	public List<ImportIssue> propose(String lieuId, Map<String, String> values, @Nullable String reason,
			AccountPrincipal author) {
		Place current = places.getPlace(lieuId);
		List<ImportIssue> errors = editing.check(current.id(), values, reason);
		if (!errors.isEmpty()) {
			return errors;
		}
		proposals.insertProposal(current.id(), author.id(), author.name(), author.email(), clock.instant(),
				PlaceEditing.asSchemaRecord(current), values, reason);
		return List.of();
	}

}
