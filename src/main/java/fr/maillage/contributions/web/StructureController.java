package fr.maillage.contributions.web;

import java.util.List;
import java.util.Map;

import fr.maillage.contributions.domain.ListingSort;
import fr.maillage.accounts.AccountPrincipal;
import fr.maillage.accounts.Role;
import fr.maillage.contributions.LieuListing;
import fr.maillage.contributions.Structures;
import fr.maillage.places.Freshness;
import fr.maillage.places.vocabulary.MediationService;
import fr.maillage.shared.web.PublicAddress;
import fr.maillage.territories.Territories;
import fr.maillage.territories.TerritoryLevel;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Structures on the pages (issue 6): a coordinator attaches a lieu to its structure and
 * invites the structure's members; a member finds its structure's lieux.
 */
@Controller
class StructureController {

	private final Structures structures;

	private final PublicAddress address;

	private final LieuListing listing;

	private final Territories territories;

	StructureController(Structures structures, PublicAddress address, LieuListing listing, Territories territories) {
		this.structures = structures;
		this.address = address;
		this.listing = listing;
		this.territories = territories;
	}

	/**
	 * The lieux the account looks after, filtered, sorted and paged; a plain GET form, so
	 * every state of the page is a link.
	 */
	@GetMapping("/espace/lieux")
	String myLieux(@AuthenticationPrincipal AccountPrincipal account,
			@RequestParam(name = "q", required = false) @Nullable String text,
			@RequestParam(name = "fraicheur", required = false) @Nullable String freshness,
			@RequestParam(name = "service", required = false) @Nullable String service,
			@RequestParam(name = "commune", required = false) @Nullable String commune,
			@RequestParam(name = "epci", required = false) @Nullable String epci,
			@RequestParam(name = "departement", required = false) @Nullable String departement,
			@RequestParam(name = "tri", required = false) @Nullable String sort,
			@RequestParam(name = "page", defaultValue = "1") String page, HttpServletRequest request, Model model) {
		boolean administrator = account.role() == Role.ADMINISTRATEUR;
		// only an administrator chooses a département; others see their territories
		String chosenDepartement = administrator && blank(departement) != null ? FreshnessController.check(departement)
				: null;
		LieuListing.Criteria criteria = new LieuListing.Criteria(blank(text),
				blank(freshness) == null ? null : FRESHNESS.get(freshness.strip()), blank(service), blank(commune),
				blank(epci), chosenDepartement, ListingSort.ofCode(sort), pageNumber(page));
		model.addAttribute("aUnTerritoire", listing.hasScope(account));
		model.addAttribute("administrateur", administrator);
		model.addAttribute("membre", account.role() == Role.MEMBRE);
		model.addAttribute("criteres", criteria);
		model.addAttribute("fraicheur", blank(freshness) == null ? "" : freshness);
		model.addAttribute("resultats", listing.listPage(account, criteria));
		// the whole of France has too many communes for a list: an administrator first
		// chooses a département
		boolean options = !administrator || chosenDepartement != null;
		model.addAttribute("choix", options ? listing.listOptions(account, chosenDepartement)
				: new LieuListing.Options(List.of(), Map.of()));
		model.addAttribute("services",
				java.util.Arrays.stream(MediationService.values()).map(MediationService::label).toList());
		if (administrator) {
			Map<String, String> names = territories.mapNames(TerritoryLevel.DEPARTEMENT);
			model.addAttribute("departements",
					names.entrySet()
						.stream()
						.filter(entry -> !entry.getKey().equals("69D") && !entry.getKey().equals("69M"))
						.sorted(Map.Entry.comparingByKey())
						.map(entry -> Map.entry(entry.getKey(), entry.getValue() + " (" + entry.getKey() + ")"))
						.toList());
		}
		model.addAttribute("tris", ListingSort.values());
		model.addAttribute("ici",
				request.getRequestURI() + (request.getQueryString() == null ? "" : "?" + request.getQueryString()));
		model.addAttribute("pageUrl", pageLink(request));
		return "contributions/mes-lieux";
	}

	private static final Map<String, Freshness> FRESHNESS = Map.of("a-jour", Freshness.UP_TO_DATE, "a-verifier",
			Freshness.TO_CHECK, "inconnue", Freshness.UNKNOWN_DATE);

	private static @Nullable String blank(@Nullable String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

	private static int pageNumber(String page) {
		try {
			return Math.max(1, Integer.parseInt(page.strip()));
		}
		catch (NumberFormatException notANumber) {
			return 1;
		}
	}

	/** This page's address without its page number, to which a page number is added. */
	private static String pageLink(HttpServletRequest request) {
		String query = request.getQueryString() == null ? ""
				: java.util.Arrays.stream(request.getQueryString().split("&"))
					.filter(part -> !part.isEmpty() && !part.startsWith("page="))
					.collect(java.util.stream.Collectors.joining("&"));
		return request.getRequestURI() + "?" + (query.isEmpty() ? "" : query + "&") + "page=";
	}

	@PostMapping("/espace/lieux/{id}/structure")
	String attach(@PathVariable String id, @AuthenticationPrincipal AccountPrincipal account,
			@RequestParam(name = "nom", defaultValue = "") String name) {
		structures.attach(id, name, account);
		return "redirect:/espace/lieux/" + id + "/modifier?structure#structure";
	}

	@PostMapping("/espace/lieux/{id}/membres")
	String invite(@PathVariable String id, @AuthenticationPrincipal AccountPrincipal account,
			@RequestParam(name = "courriel", defaultValue = "") String email,
			@RequestParam(name = "nom", defaultValue = "") String name) {
		structures.inviteMember(id, email, name, account, address.get());
		return "redirect:/espace/lieux/" + id + "/modifier?invitation#structure";
	}

}
