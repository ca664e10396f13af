package fr.maillage.accounts.web;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import fr.maillage.accounts.Accounts;
import fr.maillage.accounts.persistence.JdbcAccountRepository;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * What would have been e-mailed, for developers (dev profile only; the page does not
 * exist elsewhere).
 */
@Controller
@Profile("dev")
class DevOutboxController {

	private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("d MMMM yyyy 'à' HH:mm", Locale.FRENCH)
		.withZone(ZoneId.of("Europe/Paris"));

	private static final Pattern LINK = Pattern.compile("https?://[^\\s<>\"]+");

	private final Accounts accounts;

	DevOutboxController(Accounts accounts) {
		this.accounts = accounts;
	}

	/** A piece of a mail's body: text, or a link the page makes clickable. */
	record Part(String text, boolean link) {
	}

	record MailView(String to, String subject, String sent, List<Part> body) {
	}

	@GetMapping("/dev/courriels")
	String outbox(Model model) {
		model.addAttribute("courriels", accounts.listOutbox(50).stream().map(DevOutboxController::view).toList());
		return "accounts/courriels";
	}

	private static MailView view(JdbcAccountRepository.Mail mail) {
		return new MailView(mail.to(), mail.subject(), MOMENT.format(mail.createdAt()), parts(mail.body()));
	}

	/** The body cut around its http(s) links, a sentence's final full stop left out. */
	static List<Part> parts(String body) {
		List<Part> parts = new ArrayList<>();
		Matcher link = LINK.matcher(body);
		int from = 0;
		while (link.find()) {
			String url = link.group().replaceAll("[.,;:!?)»]+$", "");
			if (link.start() > from) {
				parts.add(new Part(body.substring(from, link.start()), false));
			}
			parts.add(new Part(url, true));
			from = link.start() + url.length();
		}
		if (from < body.length()) {
			parts.add(new Part(body.substring(from), false));
		}
		return parts;
	}

}
