package org.switchboard.access;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.security.web.SecurityFilterChain;
import org.switchboard.platform.web.ProblemResponses;
import org.switchboard.platform.web.Requests;

/**
 * Form login for the browser, HTTP Basic for {@code /api}, CSRF on for browser sessions.
 * Every endpoint's permission is checked by its annotation ({@link WebexAdminOnly} and friends).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
@EnableMethodSecurity
class SecurityConfiguration {

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
		http.authorizeHttpRequests(requests -> requests
			.requestMatchers("/login", "/css/**", "/js/**", "/webjars/**", "/favicon.ico", "/error",
					"/actuator/health", "/webhooks/**")
			.permitAll()
			.requestMatchers("/swagger-ui/**", "/swagger-ui.html", "/api/openapi.json/swagger-config")
			.hasAuthority(PermissionSet.WEBEX_ADMIN.apiName())
			.anyRequest().authenticated())
			.formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false).permitAll())
			.httpBasic(basic -> basic.realmName("Switchboard"))
			.logout(logout -> logout.logoutSuccessUrl("/login?signedOut"))
			.csrf(csrf -> csrf.ignoringRequestMatchers(SecurityConfiguration::isNonBrowserApiCall, r -> r.getRequestURI().startsWith("/webhooks/")))
			.exceptionHandling(errors -> errors
				.defaultAuthenticationEntryPointFor((request, response, e) -> unauthorized(response), Requests::isApi)
				.defaultAccessDeniedHandlerFor((request, response, e) -> {
					if (isAnonymous()) {
						unauthorized(response);
					}
					else {
						ProblemResponses.write(response, 403, "Forbidden", e instanceof CsrfException
								? "The CSRF token is missing or invalid; reload the page and try again."
								: "You do not have the permission set this needs.");
					}
				}, Requests::isApi));
		return http.build();
	}

	/**
	 * Webhook deliveries carry their own proof (the HMAC signature checked by the receiver) and no session, so
	 * the browser-oriented filter chain (session, CSRF, request cache) is skipped for them entirely.
	 */
	@Bean
	WebSecurityCustomizer webhooksBypassSessionSecurity() {
		return web -> web.ignoring().requestMatchers("/webhooks/**");
	}

	private static void unauthorized(HttpServletResponse response) throws java.io.IOException {
		response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"Switchboard\"");
		ProblemResponses.write(response, 401, "Unauthorized", "Sign in with HTTP Basic (email and password).");
	}

	private static boolean isAnonymous() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return authentication == null || authentication instanceof AnonymousAuthenticationToken;
	}

	/**
	 * A script calling the API with its own Authorization header cannot be forged by another site: the
	 * browser UI never uses HTTP Basic, and cross-site JSON needs a CORS preflight this server never grants.
	 * Simple form encodings stay under CSRF protection in case a browser has cached Basic credentials.
	 */
	private static boolean isNonBrowserApiCall(jakarta.servlet.http.HttpServletRequest request) {
		String contentType = request.getContentType();
		boolean formLike = contentType != null && (contentType.startsWith(MediaType.APPLICATION_FORM_URLENCODED_VALUE)
				|| contentType.startsWith(MediaType.TEXT_PLAIN_VALUE));
		return Requests.isApi(request) && request.getHeader(HttpHeaders.AUTHORIZATION) != null && !formLike;
	}
}
