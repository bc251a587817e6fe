package org.switchboard.access;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.csrf.CsrfFilter;
import org.switchboard.platform.web.ProblemResponses;
import org.switchboard.platform.web.Requests;

/**
 * Three filter chains. Webhook deliveries: stateless, no sign-in (they carry their own HMAC signature). Requests
 * with HTTP Basic credentials: stateless (no session is created or read), no CSRF token. Everything else: the
 * browser session with form login and a CSRF token on every write, whatever its content type or other headers.
 * Every chain but the webhooks' refuses writes from another site ({@link SameSiteWrites}). Every endpoint's
 * permission is checked by its annotation ({@link WebexAdminOnly} and friends).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
@EnableMethodSecurity
class SecurityConfiguration {

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
		AuthenticationEntryPoint unauthorized = (request, response, e) -> unauthorized(request, response);
		return http.securityMatcher(SecurityConfiguration::carriesBasicCredentials)
			.authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
			.httpBasic(basic -> basic.realmName(REALM).authenticationEntryPoint(unauthorized))
			.csrf(AbstractHttpConfigurer::disable)
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.securityContext(context -> context.securityContextRepository(new RequestAttributeSecurityContextRepository()))
			.requestCache(AbstractHttpConfigurer::disable)
			.addFilterBefore(new SameSiteWrites(), CsrfFilter.class)
			.exceptionHandling(errors -> errors.authenticationEntryPoint(unauthorized).accessDeniedHandler(denied()))
			.build();
	}

	@Bean
	@Order(3)
	SecurityFilterChain browserChain(HttpSecurity http) throws Exception {
		return http.authorizeHttpRequests(requests -> requests
			.requestMatchers("/login", "/css/**", "/js/**", "/webjars/**", "/favicon.ico", "/error", "/actuator/health")
			.permitAll()
			.anyRequest().authenticated())
			.formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false).permitAll())
			.logout(logout -> logout.logoutSuccessUrl("/login?signedOut"))
			.addFilterBefore(new SameSiteWrites(), CsrfFilter.class)
			.exceptionHandling(errors -> errors
				.defaultAuthenticationEntryPointFor((request, response, e) -> unauthorized(request, response), Requests::isApi)
				.defaultAccessDeniedHandlerFor(denied(), Requests::isApi))
			.build();
	}

	private static final String REALM = "Switchboard";

	private static AccessDeniedHandler denied() {
		return (request, response, e) -> {
			if (isAnonymous()) {
				unauthorized(request, response);
			}
			else {
				ProblemResponses.write(response, 403, "Forbidden", e instanceof CsrfException
						? "The CSRF token is missing or invalid; reload the page and try again."
						: "You do not have the permission set this needs.");
			}
		};
	}

	private static boolean carriesBasicCredentials(HttpServletRequest request) {
		String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
		return authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6);
	}

	/**
	 * 401 as a problem. The {@code Basic} challenge goes only to clients that are not browsers (browsers send
	 * {@code Sec-Fetch-Mode}): a challenged browser asks for a password and then attaches it to every request,
	 * cross-site forms included, so browsers are never invited to cache one.
	 */
	private static void unauthorized(HttpServletRequest request, HttpServletResponse response) throws IOException {
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
