package fr.maillage.accounts.web;

import java.util.List;

import fr.maillage.accounts.AccountPrincipal;
import fr.maillage.accounts.Accounts;
import fr.maillage.accounts.AdminToken;
import fr.maillage.accounts.Role;
import jakarta.servlet.DispatcherType;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.header.writers.frameoptions.XFrameOptionsHeaderWriter;
import org.springframework.security.web.util.matcher.RequestMatcher;
import tools.jackson.databind.ObjectMapper;

/**
 * Who may reach what (issue 6, issue 14), all in Spring Security, which sees every
 * request after its strict firewall (dot segments, encoded or doubled slashes,
 * semicolons: 400) and matches paths as Spring MVC routes them. The API: bearer tokens
 * ({@link ApiTokenAuthentication}) and the table of {@link ApiAccessRules}; stateless and
 * without CSRF (no cookie authenticates it), sessions do not open it. Pages: public
 * unless listed; sessions live in PostgreSQL (Spring Session JDBC) so several instances
 * share them; CSRF tokens travel in a cookie so that a visitor of the public pages gets
 * no session.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	/** Pages that need a signed-in account, and who may see them. */
	static final List<String> SIGNED_IN_PAGES = List.of("/espace", "/espace/**",
			// a territory's orientations (issue 16): its coordinators and administrators
			"/territoires/*/orientations",
			// a meeting's sign-in sheet (issue 18): its coordinators, Attendance decides
			"/reunions/*/emargement.pdf");

	@Bean
	@Order(1)
	SecurityFilterChain api(HttpSecurity http, AdminToken adminToken, Accounts accounts, ObjectMapper json)
			throws Exception {
		return http.securityMatcher(PathPatternRequestMatcher.withDefaults().matcher(ApiAccessRules.API))
			.addFilterBefore(new ApiTokenAuthentication(adminToken, accounts), AnonymousAuthenticationFilter.class)
			.authorizeHttpRequests(requests -> {
				// the error page and the second half of a streamed answer come after a
				// request that was already let in or refused
				requests.dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.ASYNC).permitAll();
				for (ApiAccessRules.Rule rule : ApiAccessRules.RULES) {
					var matched = requests.requestMatchers(rule.requestMatcher());
					switch (rule.who()) {
						case EVERYONE -> matched.permitAll();
						case IMPORTER -> matched.hasAnyRole(Role.ADMINISTRATEUR.name(), Role.COORDINATEUR.name());
						case ADMINISTRATOR -> matched.hasRole(Role.ADMINISTRATEUR.name());
						case ACCOUNT -> matched.authenticated();
					}
				}
				requests.anyRequest().hasRole(Role.ADMINISTRATEUR.name());
			})
			.exceptionHandling(
					errors -> errors.authenticationEntryPoint(ApiTokenAuthentication.entryPoint(adminToken, json))
						.accessDeniedHandler(ApiTokenAuthentication.accessDenied(json)))
			.csrf(csrf -> csrf.disable())
			// cross-origin reading of the public read routes only, without credentials
			.cors(cors -> cors.configurationSource(new PublicReadCors()))
			.sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.securityContext(
					context -> context.securityContextRepository(new RequestAttributeSecurityContextRepository()))
			.requestCache(cache -> cache.disable())
			.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain pages(HttpSecurity http) throws Exception {
		RequestMatcher embeddable = request -> request.getRequestURI().startsWith(request.getContextPath() + "/carte");
		return http
			.authorizeHttpRequests(requests -> requests.requestMatchers(SIGNED_IN_PAGES.toArray(String[]::new))
				.authenticated()
				.anyRequest()
				.permitAll())
			.csrf(csrf -> csrf.csrfTokenRepository(new CookieCsrfTokenRepository()))
			.formLogin(login -> login.loginPage("/connexion")
				.usernameParameter("courriel")
				.passwordParameter("mot_de_passe")
				.failureHandler((request, response,
						exception) -> response.sendRedirect(request.getContextPath() + "/connexion?erreur="
								+ (exception instanceof LockedException ? "bloque" : "identifiants")))
				.defaultSuccessUrl("/espace")
				.permitAll())
			.logout(logout -> logout.logoutUrl("/deconnexion").logoutSuccessUrl("/?deconnecte"))
			// the map is made to be embedded in other sites (/integrer); nothing else is
			.headers(headers -> headers.frameOptions(frame -> frame.disable()).addHeaderWriter((request, response) -> {
				if (!embeddable.matches(request)) {
					new XFrameOptionsHeaderWriter(XFrameOptionsHeaderWriter.XFrameOptionsMode.DENY)
						.writeHeaders(request, response);
				}
			}))
			.build();
	}

	@Bean
	PasswordEncoder passwordEncoder() {
		// bcrypt today, with the algorithm's name stored beside each hash so it can
		// change
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	/** Sign-in through {@link Accounts}: throttling and messages are its rules. */
	@Bean
	AuthenticationProvider accountAuthentication(Accounts accounts) {
		return new AuthenticationProvider() {

			@Override
			public Authentication authenticate(Authentication authentication) {
				try {
					AccountPrincipal principal = accounts.signIn(authentication.getName(),
							String.valueOf(authentication.getCredentials()));
					return UsernamePasswordAuthenticationToken.authenticated(principal, null,
							List.of(new SimpleGrantedAuthority(principal.role().authority())));
				}
				catch (Accounts.SignInRefusedException refused) {
					if (refused.throttled()) {
						throw new LockedException(refused.getMessage());
					}
					throw new BadCredentialsException(refused.getMessage());
				}
			}

			@Override
			public boolean supports(Class<?> authentication) {
				return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
			}

		};
	}

}
