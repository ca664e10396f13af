package fr.maillage.accounts.web;

import java.io.IOException;
import java.util.Set;

import fr.maillage.accounts.AdminToken;
import fr.maillage.shared.web.ApiError;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;

import fr.maillage.accounts.AccountPrincipal;
import fr.maillage.accounts.Accounts;
import fr.maillage.accounts.Role;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.HandlerInterceptor;
import tools.jackson.databind.ObjectMapper;

/**
 * The API's access rule, in one place: reading the directory is public; any other method
 * on {@code /api/**}, anything under {@code /api/v1/imports} (reports hold producers' raw
 * rows) and the error reports of {@code /api/v1/signalements} (they may hold e-mail
 * addresses), the review queue of {@code /api/v1/doublons} (it names who decided) and the
 * runs of source connectors need the administrator's bearer token; the coverage
 * suggestions' POST is a public computation. Missing or wrong token: 401 with a French
 * message.
 */
class ApiAccessInterceptor implements HandlerInterceptor {

	private static final Set<String> READ_METHODS = Set.of("GET", "HEAD", "OPTIONS");

	private final AdminToken adminToken;

	private final ObjectMapper json;

	private final Accounts accounts;

	ApiAccessInterceptor(AdminToken adminToken, Accounts accounts, ObjectMapper json) {
		this.adminToken = adminToken;
		this.accounts = accounts;
		this.json = json;
	}

	/** What a route of the API asks of its caller. */
	enum Required {

		/** Nothing: reading the directory, computing on public data. */
		NONE,

		/**
		 * Imports and source runs, their reports: an administrator, or a coordinator's
		 * personal token.
		 */
		IMPORTER,

		/**
		 * The administrator: the bootstrap token or an administrator's personal token.
		 */
		ADMINISTRATOR

	}

	static Required required(String method, String path) {
		if (path.equals("/api/v1/couverture/suggestions")) {
			// a computation on public data that writes nothing
			return Required.NONE;
		}
		if (path.equals("/api/v1/imports") || path.startsWith("/api/v1/imports/")
				|| path.startsWith("/api/v1/sources/") && path.contains("/executions")) {
			return Required.IMPORTER;
		}
		boolean administration = !READ_METHODS.contains(method) || path.equals("/api/v1/signalements")
				|| path.equals("/api/v1/doublons") || path.startsWith("/api/v1/doublons/");
		return administration ? Required.ADMINISTRATOR : Required.NONE;
	}

	static boolean allows(Required required, Role role) {
		return role == Role.ADMINISTRATEUR || required == Required.IMPORTER && role == Role.COORDINATEUR;
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
			throws IOException {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		Required required = required(request.getMethod(), path);
		if (required == Required.NONE) {
			return true;
		}
		String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
		String candidate = authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
				? authorization.substring(7).strip() : null;
		if (adminToken.matches(candidate)) {
			return true;
		}
		Optional<AccountPrincipal> account = accounts.findByApiToken(candidate);
		if (account.isPresent()) {
			if (allows(required, account.get().role())) {
				return true;
			}
			response.setStatus(HttpServletResponse.SC_FORBIDDEN);
			response.setContentType(MediaType.APPLICATION_JSON_VALUE);
			response.setCharacterEncoding("UTF-8");
			json.writeValue(response.getOutputStream(), ApiError.of(403, "interdit",
					"Ce jeton (" + account.get().role().code() + ") ne permet pas cette opération."));
			return false;
		}
		String message = !adminToken.isEnabled()
				? "Les écritures sont désactivées sur ce serveur : définissez MAILLAGE_ADMIN_TOKEN."
				: candidate == null ? "Authentification requise : en-tête « Authorization: Bearer <jeton> » attendu."
						: "Jeton invalide.";
		response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
		response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"maillage\"");
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		json.writeValue(response.getOutputStream(), ApiError.of(401, "non_autorise", message));
		return false;
	}

}
