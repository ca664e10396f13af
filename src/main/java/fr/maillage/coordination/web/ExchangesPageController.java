package fr.maillage.coordination.web;

import java.util.List;
import java.util.Locale;

import fr.maillage.coordination.ExchangeIndicators;
import fr.maillage.coordination.domain.Representativeness;
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

	/** A bar: a type's share among the structures present, and in the directory. */
	record Bar(String label, double present, double directory, String presentText, String directoryText) {
	}

	@GetMapping("/territoires/{code}/echanges")
	String page(@PathVariable String code, @RequestParam(name = "epci", required = false) @Nullable String epci,
			@RequestParam(name = "du", required = false) @Nullable String from,
			@RequestParam(name = "au", required = false) @Nullable String to, Model model) {
		ExchangeIndicators.Figures figures = indicators.compute(code, epci, from, to);
		List<Bar> bars = figures.representativeness()
			.rows()
			.stream()
			.map(row -> new Bar(row.type().label(), percent(row.presentShare()), percent(row.directoryShare()),
					percentText(row.presentShare()), percentText(row.directoryShare())))
			.toList();
		model.addAttribute("f", figures);
		model.addAttribute("barres", bars);
		model.addAttribute("du", figures.from().toString());
		model.addAttribute("au", figures.to().toString());
		model.addAttribute("epci", figures.epci());
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
