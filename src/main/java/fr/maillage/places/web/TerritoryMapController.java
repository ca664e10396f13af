package fr.maillage.places.web;

import java.nio.charset.StandardCharsets;
import java.text.Collator;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import fr.maillage.places.PlaceDirectory;
import fr.maillage.places.PlacePoint;
import fr.maillage.shared.web.BadRequestException;
import fr.maillage.shared.web.PublicAddress;
import fr.maillage.territories.CommuneProfile;
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
		// in French order, accents and case ignored: « Maison… » next to « MDM… » and «
		// Média… »
		Collator french = Collator.getInstance(Locale.FRENCH);
		french.setStrength(Collator.PRIMARY);
		List<MapPlace> places = directory.listPlacePoints(communes)
			.stream()
			.map(point -> new MapPlace(point.name(), point.latitude(), point.longitude(),
					placesPath + UriUtils.encodePathSegment(point.id(), StandardCharsets.UTF_8)))
			.sorted(Comparator.comparing(MapPlace::nom, french))
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
	String embed(@RequestParam(required = false) @Nullable String departement,
			@RequestParam(required = false) @Nullable String epci,
			@RequestParam(required = false) @Nullable String commune,
			@RequestParam(required = false) @Nullable String territoire, Model model) {
		Optional<EmbeddedTerritory> chosen;
		if (departement != null && !departement.isBlank()) {
			TerritoryDetails found = territories.getDepartement(departement.strip().toUpperCase());
			chosen = Optional.of(new EmbeddedTerritory("departement", found.code(), found.nom()));
		}
		else if (epci != null && !epci.isBlank()) {
			TerritoryDetails found = territories.getEpci(epci.strip());
			chosen = Optional.of(new EmbeddedTerritory("epci", found.code(), found.nom()));
		}
		else if (commune != null && !commune.isBlank()) {
			TerritoryDetails found = territories.getCommune(commune.strip());
			chosen = Optional.of(new EmbeddedTerritory("commune", found.code(), found.nom()));
		}
		else if (territoire != null && !territoire.isBlank()) {
			chosen = territories.searchTerritories(territoire, 10)
				.stream()
				.filter(hit -> hit.type().equals("departement") || hit.type().equals("epci")
						|| hit.type().equals("commune"))
				.findFirst()
				.map(hit -> new EmbeddedTerritory(hit.type(), hit.code(), hit.libelle()));
			if (chosen.isEmpty()) {
				model.addAttribute("message",
						"Aucun département, aucune intercommunalité ni aucune commune ne s’appelle « "
								+ territoire.strip() + " ». Essayez son nom, son numéro ou son code postal.");
			}
		}
		else {
			// a working code at once: the département where Maillage knows the most
			// places
			chosen = busiestDepartement();
		}
		model.addAttribute("territoire", territoire == null ? "" : territoire.strip());
		chosen.ifPresent(territory -> {
			// the site's public address, never the request's Host: a page copied into
			// other sites must not point wherever a forged header said
			String url = UriComponentsBuilder.fromUriString(publicAddress.get())
				.path("/carte")
				.queryParam(territory.level(), territory.code())
				.toUriString();
			model.addAttribute("chosen", territory);
			model.addAttribute("mapPath", "/carte?" + territory.level() + "=" + territory.code());
			model.addAttribute("snippet",
					"<iframe src=\"" + url + "\" title=\"Carte des lieux de médiation numérique\" "
							+ "width=\"100%\" height=\"600\" style=\"border:0\"></iframe>");
		});
		// kept for the form's first field: the département asked for, if any
		model.addAttribute("departement",
				chosen.filter(t -> t.level().equals("departement")).map(EmbeddedTerritory::code).orElse(""));
		return "places/embed";
	}

	/** The territory whose map a partner embeds: its parameter, code and name. */
	record EmbeddedTerritory(String level, String code, String nom) {
	}

	private Optional<EmbeddedTerritory> busiestDepartement() {
		Map<String, Long> counts = directory.listPlacePoints(null)
			.stream()
			.map(PlacePoint::codeInsee)
			.filter(java.util.Objects::nonNull)
			.map(territories::findCommuneProfile)
			.flatMap(Optional::stream)
			.collect(Collectors.groupingBy(CommuneProfile::departement, Collectors.counting()));
		return counts.entrySet()
			.stream()
			.max(Map.Entry.<String, Long>comparingByValue()
				.thenComparing(Map.Entry.<String, Long>comparingByKey().reversed()))
			.map(entry -> territories.getDepartement(entry.getKey()))
			.map(found -> new EmbeddedTerritory("departement", found.code(), found.nom()));
	}

}
