package fr.maillage.contributions.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import fr.maillage.accounts.AccountPrincipal;
import fr.maillage.contributions.LieuHistory;
import fr.maillage.contributions.LieuEditing;
import fr.maillage.opendata.PlaceEditing;
import fr.maillage.contributions.Structures;
import fr.maillage.places.Place;
import fr.maillage.places.PlaceDirectory;
import fr.maillage.places.hours.HoursInWords;
import fr.maillage.territories.Territories;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The edit form and the history of a lieu, for those who may edit it (issue 6). */
@Controller
class PlaceEditController {

	private final PlaceDirectory places;

	private final LieuEditing editing;

	private final LieuHistory history;

	private final Structures structures;

	private final Territories territories;

	private final String tileUrl;

	private final String tileAttribution;

	PlaceEditController(PlaceDirectory places, LieuEditing editing, LieuHistory history, Structures structures,
			Territories territories, @Value("${maillage.carte.tuiles:}") String tileUrl,
			@Value("${maillage.carte.attribution:}") String tileAttribution) {
		this.tileUrl = tileUrl;
		this.tileAttribution = tileAttribution;
		this.structures = structures;
		this.territories = territories;
		this.places = places;
		this.editing = editing;
		this.history = history;
	}

	@GetMapping("/espace/lieux/{id}/modifier")
	String form(@PathVariable String id, @AuthenticationPrincipal AccountPrincipal account, Model model) {
		Place place = places.getPlace(id);
		if (!editing.mayEdit(account, place)) {
			if (account.role() != fr.maillage.accounts.Role.MEMBRE) {
				throw new AccessDeniedException("Vous ne pouvez pas modifier ce lieu.");
			}
			// a member not in charge of this lieu proposes instead
			model.addAttribute("proposition", true);
		}
		model.addAttribute("structure", structures.findStructureOf(place.id()).orElse(null));
		model.addAttribute("coordination", account.role() != fr.maillage.accounts.Role.MEMBRE);
		return show(place, PlaceForm.inputs(PlaceEditing.asSchemaRecord(place)), places.getVersion(place.id()), model);
	}

	@PostMapping("/espace/lieux/{id}/modifier")
	String save(@PathVariable String id, @AuthenticationPrincipal AccountPrincipal account,
			@RequestParam MultiValueMap<String, String> form, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		String version = form.getFirst("version") == null ? "" : form.getFirst("version");
		Place place = places.getPlace(id);
		boolean mayEdit = editing.mayEdit(account, place);
		if (!mayEdit && account.role() != fr.maillage.accounts.Role.MEMBRE) {
			// before reading the form: its refusals would show the lieu's form to anyone
			throw new AccessDeniedException("Vous ne pouvez pas modifier ce lieu.");
		}
		boolean proposal = !mayEdit;
		PlaceForm.Reading reading = PlaceForm.read(form::getFirst, field -> form.getOrDefault(field, List.of()),
				PlaceEditing.asSchemaRecord(place), territories);
		Map<String, String> values = reading.values();
		model.addAttribute("motif", form.getFirst("motif"));
		if (!reading.errors().isEmpty()) {
			// what the form itself refuses (SIRET, commune, hours grid), and at once what
			// saving would refuse in the other fields: every refusal in one go, not in
			// two rounds
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			java.util.Set<String> refused = new java.util.HashSet<>();
			reading.errors().forEach(error -> refused.add(error.champ()));
			Map<String, String> others = new LinkedHashMap<>(values);
			others.keySet().removeAll(refused);
			List<fr.maillage.shared.importing.ImportIssue> all = new java.util.ArrayList<>(reading.errors());
			editing.check(id, others, form.getFirst("motif"))
				.stream()
				.filter(error -> !refused.contains(error.champ()))
				.forEach(all::add);
			addErrors(model, all);
			model.addAttribute("proposition", proposal);
			return show(place, reading.inputs(), version, model);
		}
		if (proposal) {
			java.util.List<fr.maillage.shared.importing.ImportIssue> errors = editing.propose(id, values,
					form.getFirst("motif"), account);
			if (errors.isEmpty()) {
				model.addAttribute("lieu", place);
				model.addAttribute("changements",
						PlaceForm.changes(PlaceEditing.asSchemaRecord(place), proposed(place, values)));
				return "contributions/proposition-envoyee";
			}
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			addErrors(model, errors);
			model.addAttribute("proposition", true);
			return show(place, reading.inputs(), version, model);
		}
		try {
			PlaceEditing.Outcome outcome = editing.edit(id, version, values, form.getFirst("motif"), account);
			if (outcome.saved() != null) {
				redirect.addFlashAttribute("changements", PlaceForm.changes(outcome.before(), outcome.after()));
				return "redirect:/espace/lieux/" + outcome.saved().id() + "/modifie";
			}
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			addErrors(model, outcome.errors());
			return show(places.getPlace(id), reading.inputs(), version, model);
		}
		catch (PlaceEditing.EditConflictException conflict) {
			response.setStatus(HttpServletResponse.SC_CONFLICT);
			model.addAttribute("conflit", true);
			model.addAttribute("differences", PlaceForm.changes(PlaceEditing.asSchemaRecord(conflict.current()),
					proposed(conflict.current(), values)));
			// the form shows the editor's values again, on top of the current version
			return show(conflict.current(), reading.inputs(), conflict.currentVersion(), model);
		}
	}

	/**
	 * The confirmation after an edit: what changed, field by field (issue 15: nothing
	 * changes silently). The list comes with the redirect after saving; reloading the
	 * page points to the history instead.
	 */
	@GetMapping("/espace/lieux/{id}/modifie")
	String saved(@PathVariable String id, @AuthenticationPrincipal AccountPrincipal account, Model model) {
		Place place = places.getPlace(id);
		if (!editing.mayEdit(account, place)) {
			throw new AccessDeniedException("Vous ne pouvez pas modifier ce lieu.");
		}
		model.addAttribute("lieu", place);
		return "contributions/modification-enregistree";
	}

	/** The record as it would be with the values typed (for comparisons). */
	private static Map<String, String> proposed(Place place, Map<String, String> values) {
		Map<String, String> record = new LinkedHashMap<>(PlaceEditing.asSchemaRecord(place));
		record.putAll(values);
		return record;
	}

	@GetMapping("/espace/lieux/{id}/historique")
	String history(@PathVariable String id, @AuthenticationPrincipal AccountPrincipal account, Model model) {
		Place place = places.getPlace(id);
		model.addAttribute("evenements", history.listEvents(place.id(), account));
		model.addAttribute("lieu", place);
		return "contributions/historique";
	}

	/**
	 * The errors, listed at the top and each next to its field (the form keeps what was
	 * typed).
	 */
	private static void addErrors(Model model, List<fr.maillage.shared.importing.ImportIssue> errors) {
		Map<String, List<String>> byField = new LinkedHashMap<>();
		errors.forEach(error -> byField
			.computeIfAbsent(error.champ() == null ? "" : error.champ(), field -> new java.util.ArrayList<>())
			.add(error.message()));
		model.addAttribute("erreurs", errors);
		model.addAttribute("erreursParChamp", byField);
	}

	private String show(Place place, Map<String, String> values, String version, Model model) {
		model.addAttribute("lieu", place);
		model.addAttribute("valeurs", values);
		model.addAttribute("version", version);
		model.addAttribute("groupes", PlaceForm.GROUPS);
		model.addAttribute("tileUrl", tileUrl);
		model.addAttribute("tileAttribution", tileAttribution);
		model.addAttribute("jours", HoursGrid.DAYS);
		model.addAttribute("libelles", PlaceForm.LABELS);
		String hours = PlaceEditing.asSchemaRecord(place).getOrDefault("horaires", "");
		model.addAttribute("horairesEnMots", hours.isBlank() ? "" : HoursInWords.words(hours).orElse(hours));
		return "contributions/modifier";
	}

}
