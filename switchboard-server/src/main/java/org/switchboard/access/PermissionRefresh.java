package org.switchboard.access;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;
import org.switchboard.crm.CrmException;

/**
 * Keeps the permission sets of a user signed in with the CRM's login in step with the CRM: on the first request
 * after {@code switchboard.access.permission-refresh} (5 minutes) they are read again from the org's assignments, so
 * an assignment an admin removes in Salesforce takes effect within that interval. A user who is gone or deactivated
 * is signed out. While the CRM cannot answer, the permission sets already read are kept and asked again next time.
 */
final class PermissionRefresh extends OncePerRequestFilter {

	private static final Logger log = LoggerFactory.getLogger(PermissionRefresh.class);

	private final UserDirectory users;
	private final Clock clock;
	private final Duration interval;
	private final SecurityContextRepository sessions = new HttpSessionSecurityContextRepository();

	PermissionRefresh(UserDirectory users, Clock clock, Duration interval) {
		this.users = users;
		this.clock = clock;
		this.interval = interval;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		SecurityContext context = SecurityContextHolder.getContext();
		if (context.getAuthentication() instanceof CrmSignInToken token && !token.checkedAt().plus(interval).isAfter(clock.instant())) {
			refresh(token, request, response);
		}
		chain.doFilter(request, response);
	}

	private void refresh(CrmSignInToken token, HttpServletRequest request, HttpServletResponse response) {
		Optional<SwitchboardUser> fresh;
		try {
			fresh = users.byId(token.getPrincipal().id()).filter(SwitchboardUser::isEnabled);
		}
		catch (CrmException | DataAccessException unavailable) {
			log.debug("Permission sets of {} not refreshed: the CRM did not answer", token.getPrincipal());
			return;
		}
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		fresh.ifPresent(user -> context.setAuthentication(new CrmSignInToken(user, clock.instant())));
		SecurityContextHolder.setContext(context);
		sessions.saveContext(context, request, response);
		if (fresh.isEmpty()) {
			log.info("{} is no longer an active user of the CRM: signed out", token.getPrincipal());
		}
	}
}
