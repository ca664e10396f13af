package fr.maillage.places.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * The tile server of every map (configuration; empty: maps show places and contours
 * only).
 */
@Component
class MapTiles {

	private final String url;

	private final String attribution;

	MapTiles(@Value("${maillage.carte.tuiles:}") String url,
			@Value("${maillage.carte.attribution:}") String attribution) {
		this.url = url;
		this.attribution = attribution;
	}

	void addTo(Model model) {
		model.addAttribute("tileUrl", url);
		model.addAttribute("tileAttribution", attribution);
	}

}
