package fr.maillage.orientations.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import fr.maillage.accounts.AccountPrincipal;
import fr.maillage.orientations.OrientationIndicators;
import fr.maillage.orientations.OrientationIndicators.Figures;
import fr.maillage.orientations.OrientationIndicators.Funnel;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The territory's figures of orientations (issue 16, item 3): the API
 * {@code /api/v1/indicateurs/orientations} and the funnel page
 * {@code /territoires/{code}/orientations} (sent → accepted → came, as bars drawn in CSS
 * with their table). Coordinators of the territory and administrators
 * ({@link OrientationIndicators}); figures from too few orientations are hidden.
 */
@Controller
class OrientationIndicatorsController {

	private final OrientationIndicators indicators;

	OrientationIndicatorsController(OrientationIndicators indicators) {
		this.indicators = indicators;
	}

	@GetMapping(path = "/api/v1/indicateurs/orientations", produces = MediaType.APPLICATION_JSON_VALUE)
	@ResponseBody
	Map<String, Object> api(@RequestParam(name = "departement", required = false) @Nullable String departement,
			@RequestParam(name = "epci", required = false) @Nullable String epci,
			@RequestParam(name = "du", required = false) @Nullable String from,
			@RequestParam(name = "au", required = false) @Nullable String to,
			@AuthenticationPrincipal @Nullable Object principal) {
		Figures figures = indicators.compute(departement, epci, from, to,
				principal instanceof AccountPrincipal account ? account : null);
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("territoire", Map.of("niveau", figures.level(), "code", figures.code(), "nom", figures.name()));
		body.put("du", figures.from().toString());
		body.put("au", figures.to().toString());
		body.putAll(json(figures.total()));
		Map<String, Object> reasons = new LinkedHashMap<>();
		figures.reasons().forEach((code, count) -> reasons.put(code, value(count)));
		body.put("motifs_refus", reasons);
		body.put("par_epci", figures.perEpci().stream().map(funnel -> {
			Map<String, Object> row = new LinkedHashMap<>();
			row.put("epci", funnel.code());
			row.put("nom", funnel.name());
			row.putAll(json(funnel));
			return row;
		}).toList());
		OrientationIndicators.ScreeningFigures screenings = figures.screenings();
		Map<String, Object> screening = new LinkedHashMap<>();
		screening.put("mois_du", screenings.fromMonth().toString().substring(0, 7));
		screening.put("mois_au", screenings.toMonth().toString().substring(0, 7));
		screening.put("nombre", value(screenings.total()));
		Map<String, Object> answers = new LinkedHashMap<>();
		screenings.answers().forEach((question, counts) -> {
			Map<String, Object> byAnswer = new LinkedHashMap<>();
			counts.forEach((answer, count) -> byAnswer.put(answer, value(count)));
			answers.put(question, byAnswer);
		});
		screening.put("reponses", answers);
		body.put("reperages", screening);
		body.put("seuil_petits_nombres", figures.threshold());
		body.put("note", "Un chiffre calculé sur moins de " + figures.threshold()
				+ " orientations est masqué (null), pour que personne ne puisse être reconnu.");
		return body;
	}

	private static Map<String, Object> json(Funnel funnel) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("envoyees", value(funnel.sent()));
		body.put("acceptees", value(funnel.accepted()));
		body.put("refusees", value(funnel.refused()));
		body.put("expirees", value(funnel.expired()));
		body.put("venues", value(funnel.came()));
		body.put("non_venues", value(funnel.didNotCome()));
		body.put("delai_median_reponse_jours", funnel.medianAnswerDays().orElse(null));
		body.put("delai_median_venue_jours", funnel.medianVisitDays().orElse(null));
		body.put("taux_deperdition", funnel.lossRate().orElse(null));
		return body;
	}

	private static @Nullable Long value(OptionalLong count) {
		return count.isPresent() ? count.getAsLong() : null;
	}

	/** A bar of the funnel: its words, its figure as written, its width in percent. */
	record Bar(String label, String text, int percent) {
	}

	/**
	 * A territory's funnel. Signed in; coordinators of the territory and administrators.
	 */
	@GetMapping("/territoires/{code}/orientations")
	String page(@PathVariable String code, @RequestParam(name = "du", required = false) @Nullable String from,
			@RequestParam(name = "au", required = false) @Nullable String to,
			@AuthenticationPrincipal AccountPrincipal account, Model model) {
		boolean epci = code.strip().matches("\\d{9}");
		Figures figures = indicators.compute(epci ? null : code, epci ? code : null, from, to, account);
		String hidden = indicators.policy().hiddenText();
		Funnel total = figures.total();
		long sent = total.sent().orElse(0);
		model.addAttribute("figures", figures);
		model.addAttribute("masque", hidden);
		model.addAttribute("barres", List.of(bar("Envoyées", total.sent(), sent, hidden),
				bar("Acceptées", total.accepted(), sent, hidden), bar("Venues", total.came(), sent, hidden)));
		model.addAttribute("du", figures.from().toString());
		model.addAttribute("au", figures.to().toString());
		model.addAttribute("texte", new Texts(hidden));
		model.addAttribute("reperage", screeningRows(figures.screenings(), hidden));
		return "orientations/entonnoir";
	}

	/** A question of the repérage and, for each of its answers, its figure as written. */
	record ScreeningQuestion(String legend, List<Bar> answers) {
	}

	/**
	 * The repérage's questions in the form's order and words, each answer with its count
	 * and its share of the repérages (several answers may be given to some questions, so
	 * the shares of a question may add up to more than 100 %).
	 */
	private static List<ScreeningQuestion> screeningRows(OrientationIndicators.ScreeningFigures figures,
			String hidden) {
		if (figures.total().isEmpty()) {
			return List.of();
		}
		long total = figures.total().getAsLong();
		List<ScreeningQuestion> questions = new java.util.ArrayList<>();
		for (ScreeningPagesController.Question question : ScreeningPagesController.questions()) {
			Map<String, OptionalLong> counts = figures.answers().getOrDefault(question.field(), Map.of());
			List<Bar> answers = question.choices()
				.stream()
				.filter(choice -> counts.containsKey(choice.code()))
				.map(choice -> bar(choice.label(), counts.get(choice.code()), total, hidden))
				.toList();
			if (!answers.isEmpty()) {
				questions.add(new ScreeningQuestion(question.legend(), answers));
			}
		}
		return questions;
	}

	private static Bar bar(String label, OptionalLong count, long sent, String hidden) {
		if (count.isEmpty()) {
			return new Bar(label, hidden, 0);
		}
		return new Bar(label, String.valueOf(count.getAsLong()),
				sent == 0 ? 0 : (int) Math.round(100.0 * count.getAsLong() / sent));
	}

	/** Figures as the page writes them: hidden ones say « moins de N ». */
	public record Texts(String hidden) {

		public String count(OptionalLong count) {
			return count.isPresent() ? String.valueOf(count.getAsLong()) : hidden;
		}

		public String days(Optional<Double> days) {
			return days.map(value -> String.format(java.util.Locale.FRANCE, "%.1f j", value)).orElse("—");
		}

		public String rate(Optional<Double> rate) {
			return rate.map(value -> Math.round(value * 100) + " %").orElse("—");
		}

		public String reason(String code) {
			return OrientationIndicators.reasonLabel(code);
		}

	}

}
