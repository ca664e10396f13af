package fr.maillage.coordination.web;

import java.util.List;
import java.util.Locale;

import fr.maillage.coordination.ExchangeIndicators;
import fr.maillage.coordination.domain.Representativeness;
import fr.maillage.shared.web.BadRequestException;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The indicators of a territory's exchanges as a page (issue 18, item 6): figures, the
 * representativeness as bars (inline SVG) and the same in a table, public (ADR 0026).
 */
@Controller
class ExchangesPageController {

	private final ExchangeIndicators indicators;

	ExchangesPageController(ExchangeIndicators indicators) {
		this.indicators = indicators;
	}

	/** What the page's own form can get wrong: said on the page, not on an error page. */
	private static final java.util.Set<String> FORM_PROBLEMS = java.util.Set.of("periode_invalide",
			"periode_trop_longue", "date_invalide", "epci_invalide");

	/** A bar: a type's share among the structures present, and in the directory. */
	record Bar(String label, double present, double directory, String presentText, String directoryText) {
	}

	@GetMapping("/territoires/{code}/echanges")
	String page(@PathVariable String code, @RequestParam(name = "epci", required = false) @Nullable String epci,
			@RequestParam(name = "du", required = false) @Nullable String from,
			@RequestParam(name = "au", required = false) @Nullable String to, Model model,
			HttpServletResponse response) {
		ExchangeIndicators.Figures figures;
		String problem = null;
		try {
			figures = indicators.compute(code, epci, from, to);
		}
		catch (BadRequestException wrong) {
			if (!FORM_PROBLEMS.contains(wrong.code())) {
				throw wrong;
			}
			// a wrong period or EPCI typed in the page's form: said above the form, what
			// was
			// typed kept, the default period shown meanwhile
			problem = wrong.getMessage();
			figures = indicators.compute(code, null, null, null);
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		}
		List<Bar> bars = figures.representativeness()
			.rows()
			.stream()
			.map(row -> new Bar(row.type().label(), percent(row.presentShare()), percent(row.directoryShare()),
					percentText(row.presentShare()), percentText(row.directoryShare())))
			.toList();
		model.addAttribute("f", figures);
		model.addAttribute("barres", bars);
		model.addAttribute("erreur", problem);
		model.addAttribute("du", problem == null ? figures.from().toString() : from);
		model.addAttribute("au", problem == null ? figures.to().toString() : to);
		model.addAttribute("epci", problem == null ? figures.epci() : epci);
		model.addAttribute("texte", new Texts());
		return "coordination/echanges";
	}

	/** How the page writes shares and gaps. */
	static final class Texts {

		public String percent(double share) {
			return percentText(share);
		}

		public String gap(Representativeness.Row row) {
			return ExchangesPageController.gap(row);
		}

	}

	static double percent(double share) {
		return Math.round(share * 1000) / 10.0;
	}

	static String percentText(double share) {
		return String.format(Locale.FRENCH, "%.1f %%", share * 100).replace(",0 %", " %");
	}

	static String gap(Representativeness.Row row) {
		double points = row.gapPoints();
		return (points > 0 ? "+" : "") + String.format(Locale.FRENCH, "%.1f", points) + " pts";
	}

}
