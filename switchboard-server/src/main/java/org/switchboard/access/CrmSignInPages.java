package org.switchboard.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.switchboard.crm.CrmException;
import org.switchboard.crm.CrmSignIn;
import org.switchboard.platform.settings.GeneralSettings;
import org.switchboard.platform.settings.SettingsSection;
import org.switchboard.platform.settings.SettingsStore;
import org.switchboard.platform.web.PublicEndpoint;

/**
 * "Sign in with Salesforce" ({@code --switchboard.crm=salesforce}): {@code /login/salesforce} starts OpenID Connect
 * with the connected org and keeps {@code state}, PKCE verifier and nonce in this browser's session;
 * {@code /login/salesforce/callback} accepts only the state this session started with, has the CRM check the code
 * and ID token, and signs in the org's user with the permission sets of their assignments. Every refusal shows the
 * sign-in page with what went wrong, and nobody is signed in.
 */
@Controller
@PublicEndpoint
class CrmSignInPages {

	private static final Logger log = LoggerFactory.getLogger(CrmSignInPages.class);
	private static final String PENDING = CrmSignInPages.class.getName() + ".pending";

	private final ObjectProvider<CrmSignIn> signIn;
	private final UserDirectory users;
	private final SettingsStore settings;
	private final SettingsSection<GeneralSettings> general;
	private final Clock clock;
	private final SecurityContextRepository sessions = new HttpSessionSecurityContextRepository();

	CrmSignInPages(ObjectProvider<CrmSignIn> signIn, UserDirectory users, SettingsStore settings, SettingsSection<GeneralSettings> general,
			Clock clock) {
		this.signIn = signIn;
		this.users = users;
		this.settings = settings;
		this.general = general;
		this.clock = clock;
	}

	@GetMapping("/login/salesforce")
	String start(HttpServletRequest request, HttpServletResponse response, Model model) {
		try {
			CrmSignIn.Pending pending = crmSignIn().start(callbackUrl(request));
			request.getSession(true).setAttribute(PENDING, pending);
			return "redirect:" + pending.authorizeUrl();
		}
		catch (CrmException e) {
			return refused(e.getMessage(), response, model);
		}
	}

	@GetMapping("/login/salesforce/callback")
	String callback(@RequestParam(required = false) String code, @RequestParam(required = false) String state,
			@RequestParam(required = false) String error, HttpServletRequest request, HttpServletResponse response, Model model) {
		HttpSession session = request.getSession(false);
		Object stored = session == null ? null : session.getAttribute(PENDING);
		if (session != null) {
			session.removeAttribute(PENDING);
		}
		if (!(stored instanceof CrmSignIn.Pending pending) || state == null || !same(pending.state(), state)) {
			return refused("This answer from Salesforce does not belong to a sign-in started in this browser (unknown state). "
					+ "Nobody was signed in; press Sign in with Salesforce again.", response, model);
		}
		if (error != null) {
			return refused("Salesforce did not sign you in (" + error.replaceAll("[^a-z_]", "") + ").", response, model);
		}
		if (code == null || code.isBlank()) {
			return refused("Salesforce sent no authorization code. Nobody was signed in.", response, model);
		}
		try {
			Optional<SwitchboardUser> user = users.byId(crmSignIn().complete(pending, code));
			if (user.isEmpty() || !user.get().isEnabled()) {
				return refused("Your Salesforce user is not an active user of the connected org. Nobody was signed in.", response, model);
			}
			signIn(user.get(), request, response);
			return "redirect:/";
		}
		catch (CrmException e) {
			return refused(e.getMessage() + ". Nobody was signed in.", response, model);
		}
	}

	private void signIn(SwitchboardUser user, HttpServletRequest request, HttpServletResponse response) {
		request.changeSessionId();
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(new CrmSignInToken(user, clock.instant()));
		SecurityContextHolder.setContext(context);
		sessions.saveContext(context, request, response);
		log.info("{} signed in with Salesforce, permission sets {}", user, user.permissionSets());
	}

	private CrmSignIn crmSignIn() {
		CrmSignIn available = signIn.getIfAvailable();
		if (available == null) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND, "This server's CRM has no sign-in of its own");
		}
		return available;
	}

	private String callbackUrl(HttpServletRequest request) {
		String base = settings.read(general).publicBaseUrl();
		String origin = base == null || base.isBlank() ? ServletUriComponentsBuilder.fromContextPath(request).build().toUriString() : base;
		return origin.replaceAll("/$", "") + "/login/salesforce/callback";
	}

	private static String refused(String problem, HttpServletResponse response, Model model) {
		response.setStatus(400);
		model.addAttribute("salesforce", true);
		model.addAttribute("signInProblem", problem);
		return "login";
	}

	private static boolean same(String expected, String actual) {
		return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), actual.getBytes(StandardCharsets.UTF_8));
	}
}
