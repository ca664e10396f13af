package fr.maillage.coordination.web;

import java.util.List;
import java.util.Map;

import fr.maillage.accounts.AccountPrincipal;
import fr.maillage.accounts.Role;
import fr.maillage.coordination.Actors;
import fr.maillage.coordination.Mailing;
import fr.maillage.coordination.domain.ActorType;
import fr.maillage.coordination.domain.Competence;
import fr.maillage.coordination.domain.RecipientPolicy;
import fr.maillage.coordination.domain.SendingStatus;
import fr.maillage.shared.web.ConflictException;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The coordinator's mailing pages (issue 18, item 7): her lists with whom each reaches
 * today, a list's structures left out and why, writing an announcement, its preview, and
 * the progress of its sending. Forms keep what was typed and say each problem next to its
 * field; a list saved meanwhile by someone else is a 409, never overwritten.
 */
@Controller
class MailingPagesController {

	private final Mailing mailing;

	private final Actors actors;

	MailingPagesController(Mailing mailing, Actors actors) {
		this.mailing = mailing;
		this.actors = actors;
	}

	@GetMapping("/espace/diffusion")
	String lists(@AuthenticationPrincipal AccountPrincipal account, Model model) {
		checkCoordinates(account);
		return listsPage(account, Mailing.ListForm.empty(), Map.of(), model);
	}

	@PostMapping("/espace/diffusion/listes")
	String create(@AuthenticationPrincipal AccountPrincipal account, @RequestParam MultiValueMap<String, String> form,
			Model model, HttpServletResponse response) {
		checkCoordinates(account);
		Mailing.ListForm typed = listForm(form);
		try {
			String id = mailing.createList(typed, account);
			return "redirect:/espace/diffusion/listes/" + id + "?creee";
		}
		catch (Mailing.InvalidListException invalid) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return listsPage(account, typed, invalid.byField(), model);
		}
	}

	@GetMapping("/espace/diffusion/listes/{id}")
	String list(@AuthenticationPrincipal AccountPrincipal account, @PathVariable String id, Model model) {
		checkCoordinates(account);
		Mailing.MailingList list = mailing.getList(id, account);
		return listPage(account, list, Mailing.ListForm.of(list.criteria()), list.version(), Map.of(), "", "", model);
	}

	@PostMapping("/espace/diffusion/listes/{id}")
	String update(@AuthenticationPrincipal AccountPrincipal account, @PathVariable String id,
			@RequestParam MultiValueMap<String, String> form, Model model, HttpServletResponse response) {
		checkCoordinates(account);
		Mailing.ListForm typed = listForm(form);
		int version = version(form.getFirst("version"));
		try {
			mailing.updateList(id, version, typed, account);
			return "redirect:/espace/diffusion/listes/" + id + "?enregistree";
		}
		catch (Mailing.InvalidListException invalid) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return listPage(account, mailing.getList(id, account), typed, version, invalid.byField(), "", "", model);
		}
		catch (ConflictException conflict) {
			response.setStatus(HttpServletResponse.SC_CONFLICT);
			return listPage(account, mailing.getList(id, account), typed, version,
					Map.of("version", conflict.getMessage()), "", "", model);
		}
	}

	@PostMapping("/espace/diffusion/listes/{id}/apercu")
	String preview(@AuthenticationPrincipal AccountPrincipal account, @PathVariable String id,
			@RequestParam(name = "objet", defaultValue = "") String subject,
			@RequestParam(name = "texte", defaultValue = "") String text, Model model, HttpServletResponse response) {
		checkCoordinates(account);
		Mailing.MailingList list = mailing.getList(id, account);
		try {
			model.addAttribute("apercu", mailing.preview(id, subject, text, account));
			return listPage(account, list, Mailing.ListForm.of(list.criteria()), list.version(), Map.of(), subject,
					text, model);
		}
		catch (Mailing.InvalidAnnouncementException invalid) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("erreursAnnonce", invalid.byField());
			return listPage(account, list, Mailing.ListForm.of(list.criteria()), list.version(), Map.of(), subject,
					text, model);
		}
	}

	@PostMapping("/espace/diffusion/listes/{id}/annonces")
	String announce(@AuthenticationPrincipal AccountPrincipal account, @PathVariable String id,
			@RequestParam(name = "objet", defaultValue = "") String subject,
			@RequestParam(name = "texte", defaultValue = "") String text, Model model, HttpServletResponse response) {
		checkCoordinates(account);
		try {
			String announcement = mailing.announce(id, subject, text, account);
			return "redirect:/espace/diffusion/annonces/" + announcement + "?envoyee";
		}
		catch (Mailing.InvalidAnnouncementException invalid) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			Mailing.MailingList list = mailing.getList(id, account);
			model.addAttribute("erreursAnnonce", invalid.byField());
			return listPage(account, list, Mailing.ListForm.of(list.criteria()), list.version(), Map.of(), subject,
					text, model);
		}
	}

	@GetMapping("/espace/diffusion/annonces/{id}")
	String announcement(@AuthenticationPrincipal AccountPrincipal account, @PathVariable String id, Model model) {
		checkCoordinates(account);
		model.addAttribute("annonce", mailing.getAnnouncement(id, account));
		model.addAttribute("statuts", SendingStatus.values());
		return "coordination/annonce";
	}

	private String listsPage(AccountPrincipal account, Mailing.ListForm typed, Map<String, String> problems,
			Model model) {
		model.addAttribute("listes", mailing.listLists(account));
		model.addAttribute("annonces", mailing.listAnnouncements(account));
		model.addAttribute("statuts", SendingStatus.values());
		form(account, typed, problems, model);
		return "coordination/diffusion";
	}

	private String listPage(AccountPrincipal account, Mailing.MailingList list, Mailing.ListForm typed, int version,
			Map<String, String> problems, String subject, String text, Model model) {
		model.addAttribute("liste", list);
		model.addAttribute("version", version);
		model.addAttribute("objet", subject);
		model.addAttribute("texte", text);
		model.addAttribute("raisons", RecipientPolicy.Exclusion.values());
		model.addAttribute("annonces",
				mailing.listAnnouncements(account)
					.stream()
					.filter(announcement -> announcement.listId().equals(list.id()))
					.toList());
		model.addAttribute("statuts", SendingStatus.values());
		form(account, typed, problems, model);
		return "coordination/liste-diffusion";
	}

	private void form(AccountPrincipal account, Mailing.ListForm typed, Map<String, String> problems, Model model) {
		model.addAttribute("valeurs", typed);
		model.addAttribute("erreursParChamp", problems);
		model.addAttribute("types", ActorType.values());
		model.addAttribute("competences", Competence.values());
		model.addAttribute("mesDepartements", actors.mapManagedDepartements(account));
	}

	private static Mailing.ListForm listForm(MultiValueMap<String, String> form) {
		return new Mailing.ListForm(first(form, "nom"), first(form, "departement"), first(form, "epci"),
				form.getOrDefault("types", List.of()), form.getOrDefault("competences", List.of()));
	}

	private static String first(MultiValueMap<String, String> form, String field) {
		String value = form.getFirst(field);
		return value == null ? "" : value;
	}

	/** A missing or garbled version is an old one: the save is refused as a conflict. */
	private static int version(String typed) {
		try {
			return typed == null ? -1 : Integer.parseInt(typed.strip());
		}
		catch (NumberFormatException garbled) {
			return -1;
		}
	}

	/** Only coordinators and administrators write to a territory's actors. */
	private static void checkCoordinates(AccountPrincipal account) {
		if (account.role() == Role.MEMBRE) {
			throw new AccessDeniedException(
					"Les annonces aux acteurs d'un territoire sont envoyées par sa coordination.");
		}
	}

}
