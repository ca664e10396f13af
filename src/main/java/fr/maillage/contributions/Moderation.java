package fr.maillage.contributions;

import java.util.List;

import fr.maillage.accounts.AccountPrincipal;
import fr.maillage.accounts.Mailer;
import fr.maillage.accounts.Role;
import fr.maillage.accounts.TerritoryScope;
import fr.maillage.contributions.persistence.JdbcProposalRepository;
import fr.maillage.contributions.persistence.JdbcProposalRepository.StoredProposal;
import fr.maillage.places.ErrorReport;
import fr.maillage.places.ErrorReports;
import fr.maillage.places.ModerationStatus;
import fr.maillage.places.Place;
import fr.maillage.places.PlaceDirectory;
import fr.maillage.shared.web.BadRequestException;
import fr.maillage.shared.web.ConflictException;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The coordinator's moderation queue (issue 6): the "Signaler une erreur" reports on the
 * lieux of its territory, shown beside the lieu as published. A report is accepted (the
 * coordinator corrects the lieu through the edit form, which publishes it) or rejected
 * with a message, e-mailed to its author when an address was given. Decisions are kept
 * (who, when, answer); a report decided meanwhile by someone else is not decided twice.
 */
@Service
public class Moderation {

	public static final String ACCEPTED = ModerationStatus.ACCEPTEE.code();

	public static final String REJECTED = ModerationStatus.REJETEE.code();

	private final ErrorReports reports;

	private final PlaceDirectory places;

	private final LieuEditing editing;

	private final Mailer mailer;

	private final JdbcProposalRepository proposals;

	Moderation(ErrorReports reports, PlaceDirectory places, LieuEditing editing, Mailer mailer,
			JdbcProposalRepository proposals) {
		this.proposals = proposals;
		this.reports = reports;
		this.places = places;
		this.editing = editing;
		this.mailer = mailer;
	}

	/** A proposed edit: each changed field, as published now and as proposed. */
	public record Proposal(String id, Place place, String author, String reason, List<LieuHistory.Change> changes) {
	}

	/** Proposals to examine on the lieux the account may edit. */
	public List<Proposal> listProposals(AccountPrincipal account) {
		return proposals.listPendingProposals()
			.stream()
			.flatMap(pending -> places.findPlace(pending.lieuId())
				.stream()
				.filter(place -> editing.mayEdit(account, place))
				.map(place -> new Proposal(pending.id(), place, pending.author(),
						pending.reason() == null ? "" : pending.reason(), changes(place, pending.values()))))
			.toList();
	}

	private List<LieuHistory.Change> changes(Place place, java.util.Map<String, String> proposed) {
		java.util.Map<String, String> now = fr.maillage.opendata.PlaceEditing.asSchemaRecord(place);
		List<LieuHistory.Change> changes = new java.util.ArrayList<>();
		proposed.forEach((field, value) -> {
			if (!value.equals(now.getOrDefault(field, ""))) {
				changes.add(LieuHistory.change(field, now.getOrDefault(field, ""), value));
			}
		});
		return changes;
	}

	/**
	 * Accepts a proposal (its values are applied and published as an edit by the
	 * coordinator, naming its author) or rejects it with an answer e-mailed to its
	 * author.
	 */
	@Transactional
	public void decideProposal(String proposalId, String decision, @Nullable String reply, AccountPrincipal account) {
		StoredProposal proposal = proposals.findProposalForUpdate(proposalId)
			.orElseThrow(() -> new fr.maillage.shared.web.NotFoundException("Proposition inconnue."));
		Place place = places.getPlace(proposal.lieuId());
		if (!editing.mayEdit(account, place)) {
			throw new AccessDeniedException("Cette proposition concerne un lieu hors de vos territoires.");
		}
		ModerationStatus current = ModerationStatus.findByCode(proposal.status()).orElseThrow();
		ModerationStatus next = ModerationStatus.findByCode(decision)
			.filter(ModerationStatus::isDecision)
			.orElseThrow(() -> new BadRequestException("decision_invalide",
					"Choisissez d'accepter ou de rejeter la proposition."));
		if (!current.canBecome(next)) {
			throw new ConflictException("deja_decide", "Cette proposition a déjà été traitée.");
		}
		String answer = reply == null ? "" : reply.strip();
		if (decision.equals(ACCEPTED)) {
			fr.maillage.opendata.PlaceEditing.Outcome outcome = editing.edit(place.id(), places.getVersion(place.id()),
					proposal.values(), "Proposition de " + proposal.author() + " acceptée", account);
			if (outcome.saved() == null) {
				throw new BadRequestException("proposition_invalide",
						"La proposition ne passe plus la validation : " + outcome.errors().get(0).message());
			}
		}
		else if (!decision.equals(REJECTED)) {
			throw new BadRequestException("decision_invalide", "Choisissez d'accepter ou de rejeter la proposition.");
		}
		else if (answer.isEmpty()) {
			throw new BadRequestException("reponse_manquante",
					"Expliquez en une phrase pourquoi la proposition est rejetée : la personne la recevra.");
		}
		proposals.decideProposal(proposal.id(), decision, account.signature(), answer.isEmpty() ? null : answer);
		mailer.send(proposal.email(), "Votre proposition sur « " + place.name() + " »",
				"Bonjour,\n\nVotre proposition de modification de la fiche « " + place.name() + " » a été "
						+ (decision.equals(ACCEPTED) ? "acceptée et publiée." : "refusée.")
						+ (answer.isEmpty() ? "" : "\n\n" + answer) + "\n\n— " + account.name());
	}

	/** A report and the lieu it is about, as published now. */
	public record Item(ErrorReport report, Place place) {
	}

	/** Reports to examine on the lieux the account may edit. */
	public List<Item> listQueue(AccountPrincipal account) {
		// a first cut in SQL by département (69D and 69M are « 69 » in lieux' records; an
		// EPCI's coordinator's reports are found among all), then the editing policy
		List<String> departements = account.role() == Role.ADMINISTRATEUR || !account.scopes("epci").isEmpty() ? null
				: account.scopes("departement")
					.stream()
					.map(code -> TerritoryScope.isCollectivite(code) ? "69" : code)
					.distinct()
					.toList();
		return reports.listPending(departements)
			.stream()
			.flatMap(report -> places.findPlace(report.placeId()).map(place -> new Item(report, place)).stream())
			.filter(item -> editing.mayEdit(account, item.place()))
			.toList();
	}

	/**
	 * @param decision {@value #ACCEPTED} or {@value #REJECTED}; a rejection needs a
	 * message
	 */
	@Transactional
	public void decide(String reportId, String decision, @Nullable String reply, AccountPrincipal account) {
		ErrorReport report = reports.getReport(reportId);
		Place place = places.getPlace(report.placeId());
		if (!editing.mayEdit(account, place)) {
			throw new AccessDeniedException("Ce signalement concerne un lieu hors de vos territoires.");
		}
		String answer = reply == null ? "" : reply.strip();
		if (!decision.equals(ACCEPTED) && !decision.equals(REJECTED)) {
			throw new BadRequestException("decision_invalide", "Choisissez d'accepter ou de rejeter le signalement.");
		}
		if (decision.equals(REJECTED) && answer.isEmpty()) {
			throw new BadRequestException("reponse_manquante",
					"Expliquez en une phrase pourquoi le signalement est rejeté : la personne la recevra.");
		}
		if (!reports.decide(report.id(), decision, account.signature(), answer.isEmpty() ? null : answer)) {
			throw new ConflictException("deja_decide", "Ce signalement a déjà été traité par quelqu'un d'autre.");
		}
		if (report.email() != null && !answer.isEmpty()) {
			mailer.send(report.email(), "Votre signalement sur « " + place.name() + " »",
					"Bonjour,\n\nMerci d'avoir signalé une erreur sur la fiche « " + place.name() + " ».\n\n"
							+ (decision.equals(ACCEPTED) ? "La fiche a été corrigée."
									: "Nous n'avons pas modifié la fiche.")
							+ "\n\n" + answer + "\n\n— " + account.name());
		}
	}

}
