package org.switchboard.access;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.switchboard.platform.web.PublicEndpoint;

/**
 * {@code POST /login/setup}: signs in with the one-time setup code ({@link SetupCode}) while no CRM org is connected,
 * throttled like password sign-ins (per client address). A wrong or spent code shows the sign-in page saying so.
 */
@Controller
@PublicEndpoint
class SetupSignInPages {

	private static final Logger log = LoggerFactory.getLogger(SetupSignInPages.class);
	/** The throttle's account key, per client address: nobody can lock the admin out of the setup by failing from elsewhere. */
	private static final String ACCOUNT = "setup code from ";

	private final SetupCode code;
	private final SignInThrottle throttle;
	private final SecurityContextRepository sessions = new HttpSessionSecurityContextRepository();

	SetupSignInPages(SetupCode code, SignInThrottle throttle) {
		this.code = code;
		this.throttle = throttle;
	}

	@PostMapping("/login/setup")
	String signIn(@RequestParam(name = "code", required = false) String given, HttpServletRequest request, HttpServletResponse response,
			Model model) {
		if (!code.open()) {
			return refused(400, false, "The setup code no longer works: a Salesforce org is connected. Sign in with Salesforce.", response, model);
		}
		String address = request.getRemoteAddr();
		long wait = throttle.waitSeconds(ACCOUNT + address, address);
		if (wait > 0) {
			response.setHeader("Retry-After", String.valueOf(wait));
			return refused(429, true, "Too many attempts, try again in " + wait + " s.", response, model);
		}
		if (!code.matches(given)) {
			throttle.failed(ACCOUNT + address, address);
			return refused(400, true, "That is not this server's setup code. It is printed in the server log at start "
					+ "(\"One-time setup code: …\"), or it is the switchboard.setup.code the server was started with.", response, model);
		}
		throttle.succeeded(ACCOUNT + address);
		if (request.getSession(false) == null) {
			request.getSession(true);
		}
		else {
			request.changeSessionId();
		}
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(new SetupSignInToken());
		SecurityContextHolder.setContext(context);
		sessions.saveContext(context, request, response);
		log.info("Signed in with the setup code from {}", address);
		return "redirect:/setup";
	}

	private static String refused(int status, boolean setup, String problem, HttpServletResponse response, Model model) {
		response.setStatus(status);
		model.addAttribute("salesforce", true);
		model.addAttribute("setup", setup);
		model.addAttribute("signInProblem", problem);
		return "login";
	}
}
