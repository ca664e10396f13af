package fr.maillage.opendata.web;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import fr.maillage.opendata.DirectoryChanges;
import fr.maillage.opendata.DirectoryChanges.Change;
import fr.maillage.places.PlacePage;
import fr.maillage.shared.web.BadRequestException;
import fr.maillage.shared.web.PublicAddress;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The changes feed of the directory (issue 19): {@code GET /api/v1/lieux/changements} for
 * partners that sync (paged, resumed with a cursor), and the latest changes of a
 * département as an Atom feed and a JSON Feed 1.1 for people and feed readers.
 */
@RestController
class ChangeFeedController {

	/** Changes a page holds unless told. */
	static final int DEFAULT_PAGE = 500;

	/** Entries of the Atom and JSON feeds. */
	static final int FEED_ENTRIES = 100;

	private static final Pattern DEPARTEMENT = Pattern.compile("(\\d{2}|2[AB]|97\\d|98\\d)");

	private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

	private final DirectoryChanges changes;

	private final PublicAddress address;

	ChangeFeedController(DirectoryChanges changes, PublicAddress address) {
		this.changes = changes;
		this.address = address;
	}

	@GetMapping(path = "/api/v1/lieux/changements", produces = MediaType.APPLICATION_JSON_VALUE)
	Map<String, Object> changes(@RequestParam(required = false) @Nullable String depuis,
			@RequestParam(required = false) @Nullable String curseur,
			@RequestParam(required = false) @Nullable String departement,
			@RequestParam(required = false) @Nullable String limite,
			@RequestParam(required = false) @Nullable String contenu) {
		String territory = readDepartement(departement);
		boolean withLieux = readContent(contenu);
		int limit = readLimit(limite);
		DirectoryChanges.Cursor cursor;
		if (curseur != null && depuis != null) {
			throw new BadRequestException("parametre_invalide",
					"Donnez « depuis » pour une première lecture, ou « curseur » pour la suite, pas les deux.");
		}
		if (curseur != null) {
			cursor = DirectoryChanges.Cursor.parse(curseur)
				.orElseThrow(() -> new BadRequestException("parametre_invalide",
						"« curseur » n'est pas un curseur de Maillage : reprenez celui de la page précédente "
								+ "(curseur_suivant)."));
		}
		else if (depuis != null) {
			cursor = changes.start(readInstant(depuis));
		}
		else {
			throw new BadRequestException("parametre_manquant",
					"Donnez « depuis » (une date ou un instant, par exemple 2026-11-01 ou 2026-11-01T08:00:00Z) "
							+ "ou le « curseur » de la page précédente.");
		}
		DirectoryChanges.ChangePage page = changes.listChanges(cursor, territory, limit, withLieux);
		Map<String, Object> body = new LinkedHashMap<>();
		if (depuis != null) {
			body.put("depuis", readInstant(depuis));
		}
		body.put("departement", territory);
		body.put("changements", page.changes().stream().map(ChangeFeedController::toJson).toList());
		body.put("curseur_suivant", page.next().token());
		body.put("suite",
				"/api/v1/lieux/changements?curseur=" + page.next().token()
						+ (territory == null ? "" : "&departement=" + territory)
						+ (limite == null ? "" : "&limite=" + limit) + (withLieux ? "" : "&contenu=identifiants"));
		body.put("complet", !page.more());
		return body;
	}

	/**
	 * {@code complet} (by default): each change with its lieu; {@code identifiants}:
	 * without.
	 */
	private static boolean readContent(@Nullable String contenu) {
		if (contenu == null || contenu.isBlank() || contenu.strip().equals("complet")) {
			return true;
		}
		if (contenu.strip().equals("identifiants")) {
			return false;
		}
		throw new BadRequestException("parametre_invalide",
				"« contenu » vaut « complet » (chaque changement avec son lieu, par défaut) ou « identifiants » "
						+ "(les identifiants, natures et dates seulement).");
	}

	/** A change as the API writes it: the lieu in full when it is published. */
	static Map<String, Object> toJson(Change change) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("id", change.id());
		json.put("nature", change.kind().code());
		json.put("date", change.at());
		json.put("departement", change.departement());
		if (change.survivorId() != null) {
			json.put("survivant", change.survivorId());
		}
		if (change.lieu() != null) {
			json.put("lieu", PlaceApiController
				.withSources(PlaceApiController.toJson(new PlacePage.Hit(change.lieu(), null)), change.origins()));
		}
		return json;
	}

	@GetMapping(path = "/api/v1/lieux/changements.json", produces = "application/feed+json;charset=UTF-8")
	Map<String, Object> jsonFeed(@RequestParam(required = false) @Nullable String departement) {
		String territory = readDepartement(departement);
		String site = address.get();
		Map<String, Object> feed = new LinkedHashMap<>();
		feed.put("version", "https://jsonfeed.org/version/1.1");
		feed.put("title", title(territory));
		feed.put("home_page_url", site + "/");
		feed.put("feed_url",
				site + "/api/v1/lieux/changements.json" + (territory == null ? "" : "?departement=" + territory));
		feed.put("language", "fr");
		List<Map<String, Object>> items = new ArrayList<>();
		for (Change change : changes.listLatest(territory, FEED_ENTRIES)) {
			Map<String, Object> item = new LinkedHashMap<>();
			item.put("id", entryId(change));
			item.put("url", site + "/lieux/" + (change.survivorId() != null ? change.survivorId() : change.id()));
			item.put("title", entryTitle(change));
			item.put("content_text", entryText(change));
			item.put("date_modified", change.at().toString());
			item.put("_maillage", toJson(change));
			items.add(item);
		}
		feed.put("items", items);
		return feed;
	}

	@GetMapping(path = "/api/v1/lieux/changements.atom", produces = "application/atom+xml;charset=UTF-8")
	ResponseEntity<byte[]> atomFeed(@RequestParam(required = false) @Nullable String departement)
			throws XMLStreamException {
		String territory = readDepartement(departement);
		String site = address.get();
		List<Change> latest = changes.listLatest(territory, FEED_ENTRIES);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
		xml.writeStartDocument("UTF-8", "1.0");
		xml.writeStartElement("feed");
		xml.writeDefaultNamespace("http://www.w3.org/2005/Atom");
		xml.writeAttribute("xml:lang", "fr");
		String self = site + "/api/v1/lieux/changements.atom" + (territory == null ? "" : "?departement=" + territory);
		element(xml, "id", self);
		element(xml, "title", title(territory));
		element(xml, "updated", (latest.isEmpty() ? Instant.EPOCH : latest.get(0).at()).toString());
		link(xml, "self", self);
		link(xml, "alternate", site + "/");
		xml.writeStartElement("author");
		element(xml, "name", "Maillage");
		xml.writeEndElement();
		for (Change change : latest) {
			xml.writeStartElement("entry");
			element(xml, "id", entryId(change));
			element(xml, "title", entryTitle(change));
			element(xml, "updated", change.at().toString());
			link(xml, "alternate",
					site + "/lieux/" + (change.survivorId() != null ? change.survivorId() : change.id()));
			element(xml, "summary", entryText(change));
			xml.writeEndElement();
		}
		xml.writeEndElement();
		xml.writeEndDocument();
		xml.close();
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType("application/atom+xml;charset=UTF-8"))
			.body(out.toByteArray());
	}

	private static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
		xml.writeStartElement(name);
		xml.writeCharacters(text);
		xml.writeEndElement();
	}

	private static void link(XMLStreamWriter xml, String rel, String href) throws XMLStreamException {
		xml.writeEmptyElement("link");
		xml.writeAttribute("rel", rel);
		xml.writeAttribute("href", href);
	}

	private static String title(@Nullable String departement) {
		return departement == null ? "Maillage — lieux de médiation numérique modifiés"
				: "Maillage — lieux de médiation numérique modifiés (département " + departement + ")";
	}

	/** Unique per change: the same lieu changed again is a new entry. */
	private static String entryId(Change change) {
		return "urn:maillage:lieu:" + change.id() + ":" + change.at().toEpochMilli();
	}

	private static String entryTitle(Change change) {
		String name = change.lieu() != null ? change.lieu().name() : "Lieu " + change.id();
		return name + " — " + switch (change.kind()) {
			case CREATED -> "nouveau lieu";
			case CHANGED -> "modifié";
			case MERGED -> "fusionné avec un autre lieu";
			case REMOVED -> "retiré de l'annuaire";
		};
	}

	private static String entryText(Change change) {
		if (change.lieu() != null) {
			return change.lieu().name() + ", " + change.lieu().address() + ", " + change.lieu().postalCode() + " "
					+ change.lieu().commune();
		}
		return change.kind() == DirectoryChanges.Kind.MERGED
				? "Ce lieu est désormais publié sous l'identifiant " + change.survivorId() + "."
				: "Ce lieu n'est plus publié.";
	}

	private static @Nullable String readDepartement(@Nullable String departement) {
		if (departement == null || departement.isBlank()) {
			return null;
		}
		String code = departement.strip().toUpperCase(java.util.Locale.ROOT);
		if (!DEPARTEMENT.matcher(code).matches()) {
			throw new BadRequestException("parametre_invalide",
					"« departement » attend un code de département, par exemple 69, 2A ou 974.");
		}
		return code;
	}

	private static int readLimit(@Nullable String limite) {
		if (limite == null || limite.isBlank()) {
			return DEFAULT_PAGE;
		}
		try {
			int limit = Integer.parseInt(limite.strip());
			if (limit >= 1 && limit <= DirectoryChanges.MAX_PAGE) {
				return limit;
			}
		}
		catch (NumberFormatException notANumber) {
			// the message below
		}
		throw new BadRequestException("parametre_invalide",
				"« limite » attend un nombre entier de 1 à " + DirectoryChanges.MAX_PAGE + ".");
	}

	/** An instant (with its offset) or a day, which starts at midnight in Paris. */
	static Instant readInstant(String depuis) {
		String value = depuis.strip();
		try {
			if (value.length() == 10) {
				return LocalDate.parse(value).atStartOfDay(PARIS).toInstant();
			}
			return OffsetDateTime.parse(value).toInstant();
		}
		catch (DateTimeException notADate) {
			throw new BadRequestException("parametre_invalide",
					"« depuis » attend une date ou un instant ISO 8601, par exemple 2026-11-01 ou "
							+ "2026-11-01T08:00:00Z (avec son fuseau).");
		}
	}

}
