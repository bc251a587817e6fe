package org.switchboard.admin.web;

import java.io.Serializable;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpSession;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.switchboard.access.Access;
import org.switchboard.access.SignedInOnly;
import org.switchboard.platform.errors.ProblemException;
import org.switchboard.platform.errors.Refusal;
import org.switchboard.webex.WebexConnection;
import org.switchboard.webex.WebexSignIn;
import org.switchboard.webex.WebexSignInException;

/**
 * The browser's part of each user's Webex sign-in: {@code /webex/oauth/start} sends the browser to Webex with a
 * {@code state} kept in this session, {@code /webex/oauth/callback} accepts Webex's answer only with a state this
 * session started, for the same user, once; the home page's Webex component links here and signs out here.
 */
@Controller
@SignedInOnly
class WebexSignInPages {

	static final String PENDING = WebexSignInPages.class.getName() + ".pending";
	/** A few sign-ins may be open at once (several tabs); older ones are dropped. */
	private static final int MAX_PENDING = 5;

	private final WebexSignIn signIn;

	WebexSignInPages(WebexSignIn signIn) {
		this.signIn = signIn;
	}

	@GetMapping("/webex/oauth/start")
	String start(@RequestParam(defaultValue = "/") String returnTo, HttpSession session, RedirectAttributes redirect) {
		String back = localPath(returnTo);
		WebexSignIn.Start start;
		try {
			start = signIn.start();
		}
		catch (WebexSignInException e) {
			redirect.addFlashAttribute("flash", "You cannot sign in to Webex yet: " + e.getMessage() + ".");
			return "redirect:" + back;
		}
		Map<String, Pending> pending = pending(session);
		while (pending.size() >= MAX_PENDING) {
			pending.remove(pending.keySet().iterator().next());
		}
		pending.put(start.state(), new Pending(Access.currentUserId(), back, Instant.now()));
		session.setAttribute(PENDING, pending);
		return "redirect:" + start.authorizeUrl();
	}

	@GetMapping(value = WebexSignIn.CALLBACK_PATH)
	String callback(@RequestParam(required = false) String code, @RequestParam(required = false) String state,
			@RequestParam(required = false) String error, HttpSession session, RedirectAttributes redirect) {
		Map<String, Pending> pending = pending(session);
		Pending started = state == null ? null : pending.remove(state);
		session.setAttribute(PENDING, pending);
		if (started == null || !started.userId().equals(Access.currentUserId())) {
			throw new ProblemException(Refusal.INVALID, "Unknown Webex sign-in",
					"This Webex sign-in was not started from your session (its state does not match), so nothing was stored. "
							+ "Start again with \"Sign in to Webex\" on the home page.");
		}
		if (error != null) {
			redirect.addFlashAttribute("flash", "access_denied".equals(error) ? "You declined the Webex sign-in; nothing changed."
					: "Webex did not sign you in (" + error + "); nothing changed.");
			return "redirect:" + started.returnTo();
		}
		if (code == null || code.isBlank()) {
			throw new ProblemException(Refusal.INVALID, "Incomplete Webex sign-in", "Webex sent you back without a code; nothing was stored. Please sign in again.");
		}
		try {
			WebexConnection connection = signIn.complete(started.userId(), code);
			redirect.addFlashAttribute("flash", "Signed in to Webex as " + connection.displayName() + " (" + connection.email() + ").");
			return "redirect:" + started.returnTo();
		}
		catch (WebexSignInException e) {
			throw new ProblemException(e.reason() == WebexSignInException.Reason.UNAVAILABLE ? Refusal.UPSTREAM_FAILED : Refusal.INVALID, "Webex sign-in refused",
					e.getMessage() + ". Nothing was stored.");
		}
	}

	@PostMapping("/webex/oauth/signout")
	String signOut(RedirectAttributes redirect) {
		signIn.signOut(Access.currentUserId());
		redirect.addFlashAttribute("flash", "You are signed out of Webex.");
		return "redirect:/";
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Pending> pending(HttpSession session) {
		Object stored = session.getAttribute(PENDING);
		return stored instanceof LinkedHashMap<?, ?> map ? (Map<String, Pending>) map : new LinkedHashMap<>();
	}

	/** Only a path on this server, never another site (no open redirect). */
	private static String localPath(String returnTo) {
		return returnTo.startsWith("/") && !returnTo.startsWith("//") && !returnTo.contains("\\") ? returnTo : "/";
	}

	/** A sign-in this session started: for whom, and where to go afterwards. */
	record Pending(String userId, String returnTo, Instant started) implements Serializable {
	}
}
