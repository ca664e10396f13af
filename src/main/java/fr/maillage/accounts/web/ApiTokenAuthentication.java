package fr.maillage.accounts.web;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

import fr.maillage.accounts.AccountPrincipal;
import fr.maillage.accounts.Accounts;
import fr.maillage.accounts.AdminToken;
import fr.maillage.accounts.Role;
import fr.maillage.shared.web.ApiError;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.preauth.PreAuthenticatedAuthenticationToken;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.ObjectMapper;

/**
 * Who calls the API: the {@code Authorization: Bearer} token becomes an authentication
 * with the role it speaks for (the bootstrap token is the administrator; a personal token
 * is its account). It decides nothing: {@link ApiAccessRules} does, through Spring
 * Security. Refusals are answered in the API's French JSON ({@link ApiError}): 401
 * without a valid token, 403 when the token's role is not enough.
 */
final class ApiTokenAuthentication extends OncePerRequestFilter {

	/** The bootstrap token's principal. */
	static final String ADMIN_TOKEN_PRINCIPAL = "jeton administrateur";

	private final AdminToken adminToken;

	private final Accounts accounts;

	private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

	// kept for the request only, so that an asynchronous dispatch (streamed exports)
	// sees the same caller; never in a session
	private final SecurityContextRepository repository = new RequestAttributeSecurityContextRepository();

	ApiTokenAuthentication(AdminToken adminToken, Accounts accounts) {
		this.adminToken = adminToken;
		this.accounts = accounts;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String candidate = bearer(request);
		if (candidate != null) {
			authenticate(candidate).ifPresent(authentication -> {
				SecurityContext context = contexts.createEmptyContext();
				context.setAuthentication(authentication);
				contexts.setContext(context);
				repository.saveContext(context, request, response);
			});
		}
		chain.doFilter(request, response);
	}

	private Optional<Authentication> authenticate(String candidate) {
		if (adminToken.matches(candidate)) {
			return Optional.of(new PreAuthenticatedAuthenticationToken(ADMIN_TOKEN_PRINCIPAL, null,
					List.of(new SimpleGrantedAuthority(Role.ADMINISTRATEUR.authority()))));
		}
		return accounts.findByApiToken(candidate)
			.map(account -> new PreAuthenticatedAuthenticationToken(account, null,
					List.of(new SimpleGrantedAuthority(account.role().authority()))));
	}

	static @Nullable String bearer(HttpServletRequest request) {
		String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
		return authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
				? authorization.substring(7).strip() : null;
	}

	/** 401: no token, or one that speaks for nobody. */
	static AuthenticationEntryPoint entryPoint(AdminToken adminToken, ObjectMapper json) {
		return (request, response, exception) -> {
			String candidate = bearer(request);
			String message = !adminToken.isEnabled()
					? "Les écritures sont désactivées sur ce serveur : définissez MAILLAGE_ADMIN_TOKEN."
					: candidate == null
							? "Authentification requise : en-tête « Authorization: Bearer <jeton> » attendu."
							: "Jeton invalide.";
			response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"maillage\"");
			write(response, json, ApiError.of(401, "non_autorise", message));
		};
	}

	/** 403: a valid token whose role does not allow the operation. */
	static AccessDeniedHandler accessDenied(ObjectMapper json) {
		return (request, response, exception) -> {
			Authentication authentication = SecurityContextHolder.getContextHolderStrategy()
				.getContext()
				.getAuthentication();
			String role = authentication != null && authentication.getPrincipal() instanceof AccountPrincipal account
					? account.role().code() : "inconnu";
			write(response, json,
					ApiError.of(403, "interdit", "Ce jeton (" + role + ") ne permet pas cette opération."));
		};
	}

	private static void write(HttpServletResponse response, ObjectMapper json, ApiError error) throws IOException {
		response.setStatus(error.statut());
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		json.writeValue(response.getOutputStream(), error);
	}

}
