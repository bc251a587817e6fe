package org.switchboard.admin.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.switchboard.access.WebexAdminOrSetup;
import org.switchboard.crm.CrmConnections;
import org.switchboard.crm.CrmException;

/**
 * {@code GET /crm/oauth/callback}: where Salesforce sends the admin back. The {@code state} must be the one this
 * admin's session started with (a foreign or replayed state is refused and nothing is stored); then the code is
 * exchanged and the connection stored. Success goes back to the console; a refusal shows what went wrong.
 */
@Controller
@WebexAdminOrSetup
class CrmOAuthCallback {

	/** The session attribute {@code /api/admin/crm/salesforce} keeps the Connect in progress under. */
	static final String PENDING = "org.switchboard.admin.api.CrmConnectionApi.pending";

	private final CrmConnections connections;

	CrmOAuthCallback(CrmConnections connections) {
		this.connections = connections;
	}

	@GetMapping("/crm/oauth/callback")
	String callback(@RequestParam(required = false) String code, @RequestParam(required = false) String state,
			@RequestParam(required = false) String error, HttpSession session, Model model, HttpServletResponse response) {
		Object stored = session.getAttribute(PENDING);
		session.removeAttribute(PENDING);
		String problem;
		if (!(stored instanceof CrmConnections.Connect connect) || state == null || !same(connect.state(), state)) {
			problem = "This sign-in answer does not belong to a Connect started in this session (unknown state). Nothing was stored; "
					+ "start Connect again from the console.";
		}
		else if (error != null) {
			problem = "Salesforce did not grant access (" + error.replaceAll("[^a-z_]", "") + "). Nothing was stored.";
		}
		else if (code == null || code.isBlank()) {
			problem = "Salesforce sent no authorization code. Nothing was stored.";
		}
		else {
			try {
				connections.complete(connect, code);
				return "redirect:/admin?crm=connected#crm";
			}
			catch (CrmException e) {
				problem = e.getMessage() + ". Nothing was stored.";
			}
		}
		response.setStatus(400);
		model.addAttribute("problem", problem);
		return "admin/crm-callback";
	}

	private static boolean same(String expected, String actual) {
		return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), actual.getBytes(StandardCharsets.UTF_8));
	}
}
