package org.switchboard.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.switchboard.platform.web.ProblemResponses;

/**
 * {@code /actuator/prometheus}: Webex Admins (HTTP Basic or their session), or a scraper with the configured
 * credential ({@code switchboard.metrics.scrape.username}/{@code .password}), which opens nothing else. Never anonymous.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class MetricsSecurity {

	static final String SCRAPE_AUTHORITY = "Metrics_Scrape";

	@Bean
	@Order(1)
	SecurityFilterChain metricsFilterChain(HttpSecurity http, UserDirectory users, PasswordEncoder passwords,
			@Value("${switchboard.metrics.scrape.username:prometheus}") String scrapeUser,
			@Value("${switchboard.metrics.scrape.password:}") String scrapePassword) throws Exception {
		DaoAuthenticationProvider userLogin = new DaoAuthenticationProvider(users);
		userLogin.setPasswordEncoder(passwords);
		List<AuthenticationProvider> providers = scrapePassword.isBlank() ? List.of(userLogin)
				: List.of(new ScrapeCredential(scrapeUser, scrapePassword), userLogin);
		return http.securityMatcher("/actuator/prometheus")
			.authorizeHttpRequests(requests -> requests.anyRequest()
				.hasAnyAuthority(PermissionSet.WEBEX_ADMIN.apiName(), SCRAPE_AUTHORITY))
			.authenticationManager(new ProviderManager(providers))
			.httpBasic(basic -> basic.realmName("Switchboard"))
			.csrf(csrf -> csrf.disable())
			.exceptionHandling(errors -> errors
				.authenticationEntryPoint((request, response, e) -> {
					response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"Switchboard\"");
					ProblemResponses.write(response, 401, "Unauthorized", "Metrics need a Webex Admin or the scrape credential.");
				})
				.accessDeniedHandler((request, response, e) -> ProblemResponses.write(response, 403, "Forbidden",
						"Metrics are for Webex Admins and the configured scraper.")))
			.build();
	}

	/** The scraper's own name and password from configuration, compared in constant time. */
	private record ScrapeCredential(String username, String password) implements AuthenticationProvider {

		@Override
		public Authentication authenticate(Authentication authentication) {
			if (!username.equals(authentication.getName())) {
				return null;
			}
			byte[] given = String.valueOf(authentication.getCredentials()).getBytes(StandardCharsets.UTF_8);
			if (!MessageDigest.isEqual(given, password.getBytes(StandardCharsets.UTF_8))) {
				throw new BadCredentialsException("Wrong scrape credential");
			}
			return UsernamePasswordAuthenticationToken.authenticated(username, null,
					List.of(new SimpleGrantedAuthority(SCRAPE_AUTHORITY)));
		}

		@Override
		public boolean supports(Class<?> authentication) {
			return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
		}

		@Override
		public String toString() {
			return "ScrapeCredential[" + username + "]";
		}
	}
}
