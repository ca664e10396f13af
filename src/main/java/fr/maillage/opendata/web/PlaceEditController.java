package fr.maillage.opendata.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import fr.maillage.accounts.AccountPrincipal;
import fr.maillage.opendata.LieuHistory;
import fr.maillage.opendata.PlaceEditing;
import fr.maillage.opendata.Structures;
import fr.maillage.opendata.publishing.SchemaRecords;
import fr.maillage.places.Place;
import fr.maillage.places.PlaceDirectory;
import fr.maillage.places.vocabulary.Fee;
import fr.maillage.places.vocabulary.MediationService;
import fr.maillage.places.vocabulary.SpecificPublic;
import fr.maillage.places.vocabulary.SupportMode;
import fr.maillage.places.vocabulary.Vocabulary;
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

/** The edit form and the history of a lieu, for those who may edit it (issue 6). */
@Controller
class PlaceEditController {

	/**
	 * Text fields of the form, in the schema's order; with {@link #CHOICES}, every field
	 * of schema v1.0.2 but {@code id}, {@code source} and {@code date_maj}, which
	 * Maillage sets.
	 */
	static final List<String> TEXT_FIELDS = List.of("nom", "pivot", "adresse", "complement_adresse", "code_postal",
			"commune", "code_insee", "latitude", "longitude", "typologie", "telephone", "courriels", "site_web",
			"horaires", "presentation_resume", "presentation_detail", "structure_parente", "autres_formations_labels",
			"fiche_acces_libre", "prise_rdv");

	/** List fields of the form, with their vocabulary. */
	static final Map<String, List<String>> CHOICES = choices();

	private final PlaceDirectory places;

	private final PlaceEditing editing;

	private final LieuHistory history;

	private final Structures structures;

	PlaceEditController(PlaceDirectory places, PlaceEditing editing, LieuHistory history, Structures structures) {
		this.structures = structures;
		this.places = places;
		this.editing = editing;
		this.history = history;
	}

	private static Map<String, List<String>> choices() {
		Map<String, List<String>> choices = new LinkedHashMap<>();
		choices.put("services", labels(MediationService.values()));
		choices.put("publics_specifiquement_adresses", labels(SpecificPublic.values()));
		choices.put("frais_a_charge", labels(Fee.values()));
		choices.put("modalites_accompagnement", labels(SupportMode.values()));
		choices.put("prise_en_charge_specifique", labels(fr.maillage.places.vocabulary.SpecificSupport.values()));
		choices.put("dispositif_programmes_nationaux", labels(fr.maillage.places.vocabulary.NationalProgram.values()));
		choices.put("formations_labels", labels(fr.maillage.places.vocabulary.TrainingLabel.values()));
		choices.put("modalites_acces", labels(fr.maillage.places.vocabulary.AccessMode.values()));
		choices.put("itinerance", labels(fr.maillage.places.vocabulary.Itinerance.values()));
		return choices;
	}

	private static List<String> labels(Vocabulary[] values) {
		return java.util.Arrays.stream(values).map(Vocabulary::label).toList();
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
		return show(place, SchemaRecords.asText(place), places.getVersion(place.id()), model);
	}

	@PostMapping("/espace/lieux/{id}/modifier")
	String save(@PathVariable String id, @AuthenticationPrincipal AccountPrincipal account,
			@RequestParam MultiValueMap<String, String> form, Model model, HttpServletResponse response) {
		Map<String, String> values = new LinkedHashMap<>();
		TEXT_FIELDS.forEach(field -> values.put(field, form.getFirst(field) == null ? "" : form.getFirst(field)));
		CHOICES.keySet().forEach(field -> values.put(field, String.join("|", form.getOrDefault(field, List.of()))));
		String version = form.getFirst("version") == null ? "" : form.getFirst("version");
		Place place = places.getPlace(id);
		if (account.role() == fr.maillage.accounts.Role.MEMBRE && !editing.mayEdit(account, place)) {
			java.util.List<fr.maillage.shared.importing.ImportIssue> errors = editing.propose(id, values,
					form.getFirst("motif"), account);
			if (errors.isEmpty()) {
				model.addAttribute("lieu", place);
				return "opendata/proposition-envoyee";
			}
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			addErrors(model, errors);
			model.addAttribute("proposition", true);
			model.addAttribute("motif", form.getFirst("motif"));
			return show(place, values, version, model);
		}
		try {
			PlaceEditing.Outcome outcome = editing.edit(id, version, values, form.getFirst("motif"), account);
			if (outcome.saved() != null) {
				return "redirect:/lieux/" + outcome.saved().id() + "?modifie";
			}
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			addErrors(model, outcome.errors());
			model.addAttribute("motif", form.getFirst("motif"));
			return show(places.getPlace(id), values, version, model);
		}
		catch (PlaceEditing.EditConflictException conflict) {
			response.setStatus(HttpServletResponse.SC_CONFLICT);
			model.addAttribute("conflit", true);
			model.addAttribute("actuelles", SchemaRecords.asText(conflict.current()));
			model.addAttribute("champsTexte", TEXT_FIELDS);
			model.addAttribute("champsChoix", CHOICES.keySet());
			// the form shows the editor's values again, on top of the current version
			return show(conflict.current(), values, conflict.currentVersion(), model);
		}
	}

	@GetMapping("/espace/lieux/{id}/historique")
	String history(@PathVariable String id, @AuthenticationPrincipal AccountPrincipal account, Model model) {
		Place place = places.getPlace(id);
		model.addAttribute("evenements", history.listEvents(place.id(), account));
		model.addAttribute("lieu", place);
		return "opendata/historique";
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

	private static String show(Place place, Map<String, String> values, String version, Model model) {
		model.addAttribute("lieu", place);
		model.addAttribute("valeurs", values);
		model.addAttribute("version", version);
		model.addAttribute("champsTexte", TEXT_FIELDS);
		model.addAttribute("choix", CHOICES);
		return "opendata/modifier";
	}

}
