package fr.maillage.places.web;

import java.nio.charset.StandardCharsets;
import java.util.List;

import fr.maillage.places.PlaceDirectory;
import fr.maillage.shared.web.BadRequestException;
import fr.maillage.shared.web.PublicAddress;
import fr.maillage.territories.Territories;
import fr.maillage.territories.TerritoryDetails;
import fr.maillage.territories.TerritoryLevel;
import org.jspecify.annotations.Nullable;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UriUtils;

/**
 * The cartography declined for one territory ({@code /carte?departement=69},
 * {@code epci=}, {@code commune=}), made to be embedded in a partner's site, and the page
 * that generates the embedding snippet. The territory's contour is drawn under the places
 * so the map reads without any tile server. Public.
 */
@Controller
class TerritoryMapController {

	private final PlaceDirectory directory;

	private final Territories territories;

	private final MapTiles tiles;

	private final PublicAddress publicAddress;

	TerritoryMapController(PlaceDirectory directory, Territories territories, MapTiles tiles,
			PublicAddress publicAddress) {
		this.publicAddress = publicAddress;
		this.directory = directory;
		this.territories = territories;
		this.tiles = tiles;
	}

	@GetMapping("/carte")
	String map(@RequestParam(required = false) String departement, @RequestParam(required = false) String epci,
			@RequestParam(required = false) String commune, HttpServletRequest request, Model model) {
		String contextPath = request.getContextPath();
		TerritoryDetails territory;
		List<String> communes;
		String contourUrl = null;
		if (departement != null && !departement.isBlank()) {
			territory = territories.getDepartement(departement.strip());
			communes = territories.listCommuneCodes(TerritoryLevel.DEPARTEMENT, territory.code());
			contourUrl = "/api/v1/territoires/departements/" + territory.code() + "/communes.geojson";
		}
		else if (epci != null && !epci.isBlank()) {
			territory = territories.getEpci(epci.strip());
			communes = territories.listCommuneCodes(TerritoryLevel.EPCI, territory.code());
			contourUrl = "/api/v1/territoires/epci/" + territory.code() + "/communes.geojson";
		}
		else if (commune != null && !commune.isBlank()) {
			territory = territories.getCommune(commune.strip());
			communes = List.of(territory.code());
			contourUrl = "/api/v1/territoires/communes/" + territory.code() + ".geojson";
		}
		else {
			throw new BadRequestException("parametre_manquant",
					"Indiquez un territoire : departement, epci ou commune.");
		}
		// links written here rather than with @{…}: for a thousand places, Thymeleaf's
		// link
		// building was most of the page's time
		String placesPath = contextPath + "/lieux/";
		List<MapPlace> places = directory.listPlacePoints(communes)
			.stream()
			.map(point -> new MapPlace(point.name(), point.latitude(), point.longitude(),
					placesPath + UriUtils.encodePathSegment(point.id(), StandardCharsets.UTF_8)))
			.toList();
		model.addAttribute("territory", territory);
		model.addAttribute("places", places);
		model.addAttribute("contourUrl", contourUrl);
		tiles.addTo(model);
		return "places/map";
	}

	/** A place on the territory map. */
	record MapPlace(String nom, double lat, double lon, String href) {
	}

	@GetMapping("/integrer")
	String embed(@RequestParam(required = false) @Nullable String departement, Model model) {
		String code = departement == null ? "" : departement.strip().toUpperCase();
		model.addAttribute("departement", code);
		if (!code.isEmpty()) {
			territories.getDepartement(code);
			// the site's public address, never the request's Host: a page copied into
			// other
			// sites must not point wherever a forged header said
			String url = UriComponentsBuilder.fromUriString(publicAddress.get())
				.path("/carte")
				.queryParam("departement", code)
				.toUriString();
			model.addAttribute("snippet",
					"<iframe src=\"" + url + "\" title=\"Carte des lieux de médiation numérique\" "
							+ "width=\"100%\" height=\"600\" style=\"border:0\"></iframe>");
		}
		return "places/embed";
	}

}
