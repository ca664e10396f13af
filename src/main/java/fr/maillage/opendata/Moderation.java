package fr.maillage.opendata;

import java.util.List;

import fr.maillage.accounts.AccountPrincipal;
import fr.maillage.accounts.Mailer;
import fr.maillage.accounts.Role;
import fr.maillage.places.ErrorReport;
import fr.maillage.places.ErrorReports;
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

	public static final String ACCEPTED = "acceptee";

	public static final String REJECTED = "rejetee";

	private final ErrorReports reports;

	private final PlaceDirectory places;

	private final PlaceEditing editing;

	private final Mailer mailer;

	Moderation(ErrorReports reports, PlaceDirectory places, PlaceEditing editing, Mailer mailer) {
		this.reports = reports;
		this.places = places;
		this.editing = editing;
		this.mailer = mailer;
	}

	/** A report and the lieu it is about, as published now. */
	public record Item(ErrorReport report, Place place) {
	}

	/** Reports to examine on the lieux the account may edit. */
	public List<Item> listQueue(AccountPrincipal account) {
		List<String> departements = account.role() == Role.ADMINISTRATEUR ? null
				: account.territories()
					.stream()
					.filter(territory -> territory.startsWith("departement:"))
					.map(territory -> territory.substring("departement:".length()))
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
		if (!reports.decide(report.id(), decision, account.name() + " <" + account.email() + ">",
				answer.isEmpty() ? null : answer)) {
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
