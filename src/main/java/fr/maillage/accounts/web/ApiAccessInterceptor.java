package fr.maillage.accounts.web;

import java.io.IOException;
import java.util.Set;

import fr.maillage.accounts.AdminToken;
import fr.maillage.shared.web.ApiError;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
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

	ApiAccessInterceptor(AdminToken adminToken, ObjectMapper json) {
		this.adminToken = adminToken;
		this.json = json;
	}

	static boolean requiresAdministrator(String method, String path) {
		if (path.equals("/api/v1/couverture/suggestions")) {
			// a computation on public data that writes nothing
			return false;
		}
		return !READ_METHODS.contains(method) || path.equals("/api/v1/imports") || path.startsWith("/api/v1/imports/")
				|| path.equals("/api/v1/signalements") || path.equals("/api/v1/doublons")
				|| path.startsWith("/api/v1/doublons/")
				|| path.startsWith("/api/v1/sources/") && path.contains("/executions");
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
			throws IOException {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		if (!requiresAdministrator(request.getMethod(), path)) {
			return true;
		}
		String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
		String candidate = authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
				? authorization.substring(7).strip() : null;
		if (adminToken.matches(candidate)) {
			return true;
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
