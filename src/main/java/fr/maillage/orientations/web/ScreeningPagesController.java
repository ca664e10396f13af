package fr.maillage.orientations.web;

import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import fr.maillage.orientations.Screenings;
import fr.maillage.orientations.domain.Screening;
import fr.maillage.shared.web.BadRequestException;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The repérage screen (issue 16, item 2): a few closed questions at the counter, then the
 * services to look for and the nearest lieux open when the person can go, each with «
 * Orienter vers ce lieu ». Signed in ({@code /espace}). Submitting counts the repérage
 * anonymously; nothing about the person is kept unless she is oriented with her consent.
 */
@Controller
class ScreeningPagesController {

	private final Screenings screenings;

	ScreeningPagesController(Screenings screenings) {
		this.screenings = screenings;
	}

	/** A question of the form: its field, its legend, its choices, one or several. */
	record Question(String field, String legend, List<? extends Screening.Answer> choices, boolean several) {
	}

	/** A day offered: its code and name. */
	record Day(String code, String name) implements Screening.Answer {

		@Override
		public String label() {
			return name;
		}

	}

	static List<Question> questions() {
		List<Day> days = new ArrayList<>();
		Screening.DAYS.forEach((code, day) -> {
			if (day != DayOfWeek.SUNDAY) {
				days.add(new Day(code, Character.toUpperCase(code.charAt(0)) + code.substring(1)));
			}
		});
		return List.of(
				new Question("besoins", "De quoi a-t-elle besoin maintenant ?", List.of(Screening.Need.values()), true),
				new Question("equipement", "Quels appareils a-t-elle chez elle ?",
						List.of(Screening.Equipment.values()), true),
				new Question("internet", "A-t-elle internet chez elle ?", List.of(Screening.Internet.values()), false),
				new Question("courriel", "Avec les e-mails, elle est…", List.of(Screening.Ease.values()), false),
				new Question("formulaires", "Avec les formulaires en ligne, elle est…",
						List.of(Screening.Ease.values()), false),
				new Question("aide", "Comment préfère-t-elle être aidée ?", List.of(Screening.Help.values()), false),
				new Question("mobilite", "Comment peut-elle se déplacer ?", List.of(Screening.Mobility.values()),
						false),
				new Question("jours", "Quels jours peut-elle y aller ?", days, true),
				new Question("moments", "À quel moment de la journée ?", List.of(Screening.Moment.values()), true),
				new Question("langue", "Le français", List.of(Screening.Language.values()), false),
				new Question("handicap", "Un handicap dont le lieu doit tenir compte ?",
						List.of(Screening.Disability.values()), true));
	}

	@GetMapping("/espace/orientations/reperage")
	String form(Model model) {
		model.addAttribute("questions", questions());
		model.addAttribute("saisie", Map.of());
		model.addAttribute("commune", "");
		model.addAttribute("erreurs", Map.of());
		return "orientations/reperage";
	}

	@PostMapping("/espace/orientations/reperage")
	String screen(@RequestParam MultiValueMap<String, String> params, Model model, HttpServletResponse response) {
		Map<String, List<String>> answers = new LinkedHashMap<>();
		for (String question : Screening.QUESTIONS) {
			answers.put(question, params.getOrDefault(question, List.of()));
		}
		String commune = params.getFirst("commune") == null ? "" : params.getFirst("commune").strip();
		model.addAttribute("questions", questions());
		model.addAttribute("saisie", answers);
		model.addAttribute("commune", commune);
		Screening.Reading reading = Screening.read(answers);
		Map<String, String> errors = new LinkedHashMap<>(reading.problems());
		if (commune.isEmpty()) {
			errors.put("commune", "Indiquez la commune (ou le code postal) où habite la personne.");
		}
		if (!errors.isEmpty() || reading.screening() == null) {
			model.addAttribute("erreurs", errors);
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return "orientations/reperage";
		}
		try {
			Screenings.Result result = screenings.screen(reading.screening(), commune);
			model.addAttribute("erreurs", Map.of());
			model.addAttribute("resultat", result);
			model.addAttribute("ligne", reading.screening().codeLine());
			model.addAttribute("supports", result.suggestion().supports().stream().map(s -> s.label()).toList());
			return "orientations/reperage";
		}
		catch (BadRequestException unknownCommune) {
			model.addAttribute("erreurs", Map.of("commune", unknownCommune.getMessage()));
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return "orientations/reperage";
		}
	}

	/** The plain words of a code, for the answers shown back. */
	static List<String> labels(Screening screening) {
		List<String> lines = new ArrayList<>();
		for (Question question : questions()) {
			List<String> codes = screening.codes().getOrDefault(question.field(), List.of());
			if (!codes.isEmpty()) {
				lines.add(question.legend() + " "
						+ String.join(", ",
								question.choices()
									.stream()
									.filter(choice -> codes.contains(choice.code()))
									.map(Screening.Answer::label)
									.toList()));
			}
		}
		return lines;
	}

}
