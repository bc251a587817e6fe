package org.switchboard.admin.web;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.switchboard.access.Access;
import org.switchboard.access.SwitchboardUser;
import org.switchboard.access.WebexAdminOnly;
import org.switchboard.admin.AdminSettings;
import org.switchboard.admin.WebhookSecrets;
import org.switchboard.platform.errors.ProblemException;
import org.switchboard.platform.ui.AdminSection;
import org.switchboard.platform.ui.AdminSections;
import org.switchboard.webex.PublicAddress;
import org.switchboard.webex.RegisteredWebhook;
import org.switchboard.webex.WebexAccount;
import org.switchboard.webex.WebexAccounts;
import org.switchboard.webex.WebexIntegrationSettings;
import org.switchboard.webex.WebexSignIn;
import org.switchboard.webex.WebexWebhooks;
import org.switchboard.webex.WebhookReconciler;

import tools.jackson.databind.json.JsonMapper;

/**
 * The console's "Webex sign-in and webhooks" section: the integration users sign in through (client id, secret, the
 * redirect URI and scopes to register), whether the public base URL is set, and each webhook's state and last
 * delivery, saying plainly when deliveries stopped.
 */
@Controller
@WebexAdminOnly
class WebexAdmin {

	static final String SECTION_ID = "webex";

	private final AdminSettings settings;
	private final WebhookReconciler reconciler;
	private final JsonMapper json;
	private final WebhookSecrets webhookSecrets;

	WebexAdmin(AdminSettings settings, WebhookReconciler reconciler, JsonMapper json, WebhookSecrets webhookSecrets) {
		this.settings = settings;
		this.webhookSecrets = webhookSecrets;
		this.reconciler = reconciler;
		this.json = json;
	}

	@PostMapping("/admin/webex/integration")
	String saveIntegration(@RequestParam(required = false) String clientId, @RequestParam(required = false) String clientSecret,
			RedirectAttributes redirect) {
		Map<String, Object> value = new LinkedHashMap<>();
		value.put("clientId", clientId);
		value.put("clientSecret", clientSecret);
		try {
			settings.replace(WebexIntegrationSettings.SECTION, json.valueToTree(value), actor());
			redirect.addFlashAttribute("flash", "Webex integration saved.");
		}
		catch (ProblemException e) {
			redirect.addFlashAttribute("flash", "Not saved: " + e.getMessage());
		}
		return "redirect:/admin#" + SECTION_ID;
	}

	@PostMapping("/admin/webex/reconcile")
	String reconcile(RedirectAttributes redirect) {
		WebhookReconciler.Result result = reconciler.reconcileAll();
		redirect.addFlashAttribute("flash", "Webhooks checked with Webex: " + result.created().size() + " created, " + result.reactivated()
				+ " re-activated, " + result.removed() + " removed" + (result.problems().isEmpty() ? "." : "; " + String.join("; ", result.problems())));
		return "redirect:/admin#" + SECTION_ID;
	}

	@PostMapping("/admin/webex/rotate-secrets")
	String rotateSecrets(RedirectAttributes redirect) {
		redirect.addFlashAttribute("flash", WebhookSecrets.sentence(webhookSecrets.rotate(actor())));
		return "redirect:/admin#" + SECTION_ID;
	}

	private static String actor() {
		return Access.currentUser().map(SwitchboardUser::getUsername).orElse("?");
	}

	/** Contributes the section to the console. */
	@Component
	static class Section implements AdminSections {

		private final AdminSettings settings;
		private final WebexSignIn signIn;
		private final PublicAddress address;
		private final WebexAccounts accounts;
		private final WebexWebhooks webhooks;
		private final WebhookReconciler reconciler;

		Section(AdminSettings settings, WebexSignIn signIn, PublicAddress address, WebexAccounts accounts, WebexWebhooks webhooks,
				WebhookReconciler reconciler) {
			this.settings = settings;
			this.signIn = signIn;
			this.address = address;
			this.accounts = accounts;
			this.webhooks = webhooks;
			this.reconciler = reconciler;
		}

		@Override
		public List<AdminSection> adminSections() {
			Map<String, String> emails = new LinkedHashMap<>();
			accounts.all().forEach(a -> emails.put(a.personId(), a.email()));
			List<Row> rows = webhooks.all().stream().map(w -> new Row(w, emails.get(w.ownerPersonId()), state(w, emails.containsKey(w.ownerPersonId()))))
				.toList();
			Map<String, Object> model = new LinkedHashMap<>();
			model.put("integration", settings.section(WebexIntegrationSettings.SECTION));
			model.put("redirectUri", signIn.redirectUri().orElse(null));
			model.put("scopes", signIn.scopes());
			model.put("baseUrlSet", address.isSet());
			model.put("baseUrl", address.baseUrl().orElse(null));
			model.put("signedIn", accounts.all().stream().map(WebexAccount::email).toList());
			model.put("webhooks", rows);
			model.put("lastRun", reconciler.lastRun().orElse(null));
			return List.of(new AdminSection(SECTION_ID, "Webex sign-in and webhooks", "webex/admin :: section", model));
		}

		/** In plain words: is Webex delivering to this webhook? */
		private static String state(RegisteredWebhook webhook, boolean ownerSignedIn) {
			if (!ownerSignedIn) {
				return "Deliveries are ignored: its owner is signed out of Webex; it is set right when they sign in again.";
			}
			if ("inactive".equals(webhook.status())) {
				return "Deliveries stopped: Webex marked it inactive after failed deliveries; the next check re-activates it.";
			}
			return "Active";
		}
	}

	/** One webhook as the console lists it; {@code stopped} when Webex is not delivering to it. */
	record Row(RegisteredWebhook webhook, String ownerEmail, String state, boolean stopped, Instant lastDelivery) {

		Row(RegisteredWebhook webhook, String ownerEmail, String state) {
			this(webhook, ownerEmail, state, !"Active".equals(state), webhook.lastDelivery());
		}
	}
}
