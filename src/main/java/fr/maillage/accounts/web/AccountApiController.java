package fr.maillage.accounts.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import fr.maillage.accounts.Account;
import fr.maillage.accounts.Accounts;
import fr.maillage.shared.web.PublicAddress;
import fr.maillage.accounts.Role;
import fr.maillage.shared.web.BadRequestException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Accounts through the API (administrator token, {@link ApiAccessRules}): the first
 * accounts of a platform are invited this way.
 */
@RestController
class AccountApiController {

	private final Accounts accounts;

	private final PublicAddress address;

	AccountApiController(Accounts accounts, PublicAddress address) {
		this.accounts = accounts;
		this.address = address;
	}

	record InvitationForm(@Nullable String courriel, @Nullable String nom, @Nullable String role,
			@Nullable List<String> territoires) {
	}

	@PostMapping(path = "/api/v1/comptes", consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	@ResponseStatus(HttpStatus.CREATED)
	Map<String, Object> invite(@RequestBody InvitationForm form) {
		Role role;
		try {
			role = Role.ofCode(form.role() == null ? "" : form.role());
		}
		catch (IllegalArgumentException unknown) {
			throw new BadRequestException("role_invalide",
					"Rôle inconnu : choisissez « administrateur », « coordinateur » ou « membre ».");
		}
		Account account = accounts.invite(form.courriel(), form.nom(), role,
				form.territoires() == null ? List.of() : form.territoires(), "L'administration de Maillage",
				address.get());
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("id", account.id());
		body.put("courriel", account.email());
		body.put("nom", account.name());
		body.put("role", account.role().code());
		body.put("territoires", account.territories());
		body.put("invitation", "envoyée");
		return body;
	}

}
