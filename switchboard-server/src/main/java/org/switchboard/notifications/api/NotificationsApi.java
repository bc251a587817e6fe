package org.switchboard.notifications.api;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.switchboard.access.Access;
import org.switchboard.access.SwitchboardUser;
import org.switchboard.access.WebexAdminOnly;
import org.switchboard.notifications.bot.BotAccount;
import org.switchboard.notifications.bot.NotificationBot;
import org.switchboard.notifications.delivery.Deliveries;
import org.switchboard.notifications.delivery.Delivery;
import org.switchboard.notifications.engine.Preview;
import org.switchboard.notifications.rules.Rule;
import org.switchboard.notifications.rules.RuleRequest;
import org.switchboard.notifications.rules.Rules;
import org.switchboard.platform.secrets.AccessTokenRequest;

/** {@code /api/admin/notifications} (api.md "Space notifications"): the bot, rules, preview, deliveries. */
@RestController
@RequestMapping("/api/admin/notifications")
@WebexAdminOnly
class NotificationsApi {

	private final NotificationBot bot;
	private final Rules rules;
	private final Preview preview;
	private final Deliveries deliveries;

	NotificationsApi(NotificationBot bot, Rules rules, Preview preview, Deliveries deliveries) {
		this.bot = bot;
		this.rules = rules;
		this.preview = preview;
		this.deliveries = deliveries;
	}

	@GetMapping("/bot")
	Map<String, Object> bot() {
		return bot.current().<Map<String, Object>>map(b -> Map.of("registered", true, "bot", b)).orElse(Map.of("registered", false));
	}

	@PutMapping("/bot")
	BotAccount register(@RequestBody AccessTokenRequest body) {
		return bot.register(body.accessToken(), actor());
	}

	@DeleteMapping("/bot")
	ResponseEntity<Void> remove() {
		bot.remove(actor());
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/rules")
	Map<String, List<Rule>> rules() {
		return Map.of("rules", rules.all());
	}

	@PostMapping("/rules")
	@ResponseStatus(HttpStatus.CREATED)
	Rule create(@RequestBody RuleRequest request) {
		return rules.create(request, actor());
	}

	@PutMapping("/rules/{id}")
	Rule replace(@PathVariable String id, @RequestBody RuleRequest request) {
		return rules.replace(id, request, actor());
	}

	@DeleteMapping("/rules/{id}")
	ResponseEntity<Void> delete(@PathVariable String id) {
		rules.delete(id, actor());
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/rules/preview")
	Map<String, String> preview(@RequestBody Map<String, String> body) {
		return Map.of("text", preview.render(body.get("object"), body.get("recordId"), body.get("template")));
	}

	@GetMapping("/deliveries")
	Map<String, List<Delivery>> deliveries(@RequestParam(required = false) String status, @RequestParam(defaultValue = "200") int limit) {
		return Map.of("deliveries", deliveries.list(status, limit));
	}

	@PostMapping("/deliveries/{id}/replay")
	Delivery replay(@PathVariable long id) {
		return deliveries.replay(id, actor());
	}

	private static String actor() {
		return Access.currentUser().map(SwitchboardUser::getUsername).orElse("system");
	}
}
