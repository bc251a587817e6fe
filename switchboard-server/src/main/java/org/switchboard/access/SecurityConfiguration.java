package org.switchboard.access;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.switchboard.platform.web.ErrorPage;
import org.switchboard.platform.web.ProblemResponses;
import org.switchboard.platform.web.Requests;

/**
 * Three filter chains. Webhook deliveries: stateless, no sign-in (they carry their own HMAC signature). Requests
 * with HTTP Basic credentials: stateless (no session is created or read), no CSRF token. Everything else: the
 * browser session with form login and a CSRF token on every write, whatever its content type or other headers.
 * In Salesforce mode the browser may also sign in with Salesforce ({@link CrmSignInPages}); such a session's
 * permission sets are read again from the org every {@code switchboard.access.permission-refresh} ({@link PermissionRefresh}).
 * While no org is connected, the one-time setup code signs in a session that may only connect one ({@link SetupSessions}).
 * Every chain but the webhooks' refuses writes from another site ({@link SameSiteWrites}). Every endpoint's
 * permission is checked by its annotation ({@link WebexAdminOnly} and friends).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
@EnableMethodSecurity
class SecurityConfiguration {

	/**
	 * Spring Security would time each filter of every chain, every authentication and every authorization as
	 * observations of their own, a tenth of a screen pop's server CPU (ADR 0042). Each request is still timed as a
	 * whole, with its status ({@code http.server.requests}).
	 */
	@Bean
	static SecurityObservationSettings securityObservations() {
		return SecurityObservationSettings.noObservations();
	}

	@Bean
	@Order(1)
	SecurityFilterChain webhookChain(HttpSecurity http) throws Exception {
		return http.securityMatcher("/webhooks/**")
			.authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
			.csrf(AbstractHttpConfigurer::disable)
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.securityContext(context -> context.securityContextRepository(new RequestAttributeSecurityContextRepository()))
			.requestCache(AbstractHttpConfigurer::disable)
			.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain basicChain(HttpSecurity http) throws Exception {
		AuthenticationEntryPoint unauthorized = SecurityConfiguration::unauthorized;
		return http.securityMatcher(SecurityConfiguration::carriesBasicCredentials)
			.authorizeHttpRequests(requests -> requests.requestMatchers(ADMIN_ONLY_PAGES).hasAuthority(PermissionSet.WEBEX_ADMIN.apiName())
				.anyRequest().authenticated())
			.httpBasic(basic -> basic.realmName(REALM).authenticationEntryPoint(unauthorized))
			.csrf(AbstractHttpConfigurer::disable)
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.securityContext(context -> context.securityContextRepository(new RequestAttributeSecurityContextRepository()))
			.requestCache(AbstractHttpConfigurer::disable)
			.addFilterBefore(new SameSiteWrites(), CsrfFilter.class)
			.headers(SecurityConfiguration::browserHeaders)
			.exceptionHandling(errors -> errors.authenticationEntryPoint(unauthorized).accessDeniedHandler(denied()))
			.build();
	}

	@Bean
	@Order(3)
	SecurityFilterChain browserChain(HttpSecurity http, UserDirectory users, Clock clock, SetupCode setupCode,
			@Value("${switchboard.access.permission-refresh:5m}") Duration permissionRefresh) throws Exception {
		return http.authorizeHttpRequests(requests -> requests
			.requestMatchers("/login", "/login/salesforce", "/login/salesforce/callback", "/login/setup", "/css/**", "/js/**", "/webjars/**", "/favicon.ico", "/error",
					"/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness")
			.permitAll()
			.requestMatchers(ADMIN_ONLY_PAGES)
			.hasAuthority(PermissionSet.WEBEX_ADMIN.apiName())
			.anyRequest().authenticated())
			.formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false).permitAll()
				.failureHandler((request, response, e) -> response.sendRedirect(request.getContextPath() + "/login?"
						+ (e instanceof SignInThrottled throttled ? "throttled=" + throttled.retryAfterSeconds()
								: e instanceof InternalAuthenticationServiceException ? "unavailable" : "error"))))
			.logout(logout -> logout.logoutSuccessUrl("/login?signedOut"))
			.csrf(csrf -> csrf.csrfTokenRepository(csrfTokens()))
			.addFilterBefore(new SameSiteWrites(), CsrfFilter.class)
			.addFilterAfter(new PermissionRefresh(users, clock, permissionRefresh), SecurityContextHolderFilter.class)
			.addFilterAfter(new SetupSessions(setupCode), PermissionRefresh.class)
			.headers(SecurityConfiguration::browserHeaders)
			.exceptionHandling(errors -> errors
				.defaultAuthenticationEntryPointFor(SecurityConfiguration::unauthorized, Requests::isApi)
				.defaultAccessDeniedHandlerFor(denied(), Requests::isApi)
				.defaultAccessDeniedHandlerFor(SecurityConfiguration::deniedPage, request -> !Requests.isApi(request)))
			.build();
	}

	/**
	 * The CSRF token lives in its own cookie (HttpOnly, SameSite=Lax, Secure over HTTPS), not in the session: the sign-in
	 * page and a failed sign-in need no session, so they still answer while the database (where sessions live) is gone.
	 */
	private static CookieCsrfTokenRepository csrfTokens() {
		CookieCsrfTokenRepository tokens = new CookieCsrfTokenRepository();
		tokens.setCookieCustomizer(cookie -> cookie.sameSite("Lax"));
		return tokens;
	}

	private static final String REALM = "Switchboard";
	/** Swagger UI and its configuration: for Webex Admins, whichever way they sign in. */
	private static final String[] ADMIN_ONLY_PAGES = { "/swagger-ui/**", "/swagger-ui.html", "/api/openapi.json/swagger-config" };
	/** Scripts and styles only from files we serve (no inline script anywhere); images may come from Webex. */
	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self' data: blob: https:; connect-src 'self'; object-src 'none'; base-uri 'self'; "
			+ "form-action 'self'; frame-ancestors 'none'";

	private static void browserHeaders(HeadersConfigurer<HttpSecurity> headers) {
		headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
			.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN));
	}

	private static AccessDeniedHandler denied() {
		return (request, response, e) -> {
			if (isAnonymous()) {
				unauthorized(request, response, null);
			}
			else {
				ProblemResponses.write(response, 403, "Forbidden", e instanceof CsrfException
						? "The CSRF token is missing or invalid; reload the page and try again."
						: "You do not have the permission set this needs.");
			}
		};
	}

	/** A refused page or form (a stale CSRF token, say) gets the error page, never JSON. */
	private static void deniedPage(HttpServletRequest request, HttpServletResponse response,
			org.springframework.security.access.AccessDeniedException e) throws IOException {
		response.setStatus(403);
		response.setContentType("text/html;charset=UTF-8");
		response.getWriter().write(ErrorPage.html(403));
	}

	private static boolean carriesBasicCredentials(HttpServletRequest request) {
		String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
		return authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6);
	}

	/**
	 * 401 as a problem (429 while sign-ins are throttled, 503 when the user store cannot be reached). The
	 * {@code Basic} challenge goes only to clients that are not browsers (browsers send {@code Sec-Fetch-Mode}):
	 * a challenged browser asks for a password and then attaches it to every request, cross-site forms included,
	 * so browsers are never invited to cache one.
	 */
	private static void unauthorized(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
			throws IOException {
		if (e instanceof SignInThrottled throttled) {
			response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(throttled.retryAfterSeconds()));
			ProblemResponses.write(response, 429, "Too many attempts", throttled.getMessage());
			return;
		}
		if (e instanceof InternalAuthenticationServiceException) {
			response.setHeader(HttpHeaders.RETRY_AFTER, "30");
			ProblemResponses.write(response, 503, "Temporarily unavailable", "Sign-in is temporarily unavailable; try again shortly.");
			return;
		}
		if (request.getHeader("Sec-Fetch-Mode") == null) {
			response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"" + REALM + "\"");
		}
		ProblemResponses.write(response, 401, "Unauthorized", "Sign in with HTTP Basic (email and password).");
	}

	private static boolean isAnonymous() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return authentication == null || authentication instanceof AnonymousAuthenticationToken;
	}
}
