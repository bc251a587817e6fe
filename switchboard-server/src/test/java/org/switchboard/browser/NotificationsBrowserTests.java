package org.switchboard.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.switchboard.crm.CrmRecords;
import org.switchboard.messaging.SpaceLinked;
import org.switchboard.support.EmbeddedServerTest;
import org.switchboard.webex.WebexClient;

/** The Space notifications section of the admin console in Chromium: bot token, a rule with preview, replay. */
class NotificationsBrowserTests extends EmbeddedServerTest {

	@Autowired
	CrmRecords records;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	WebexClient webex;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transactions;

	private Browser browser;

	@BeforeEach
	void openBrowser() {
		browser = new Browser("http://localhost:" + port);
	}

	@AfterEach
	void closeBrowserAndForgetTheSetup() {
		browser.close();
		jdbc.sql("DELETE FROM notification_rule").update();
		jdbc.sql("UPDATE notification_rule_version SET version = version + 1").update();
		jdbc.sql("DELETE FROM notification_bot").update();
	}

	@Test
	void theAdminRegistersTheBotWritesARuleWithPreviewAndReplaysAFailedDelivery() {
		String adminId = records.findByField("User", "Username", "admin@switchboard.test").get(0).id();
		String deal = records.create("Opportunity", Map.of("Name", "Harbour <b>crane</b> lease", "StageName", "Prospecting",
				"CloseDate", "2026-12-31"), adminId).id();
		Page page = browser.signIn("admin@switchboard.test");
		page.navigate("/admin#notifications");
		assertThat(page.getByTestId("notifications-admin")).isVisible();

		page.getByLabel("Bot access token").fill("c2FuZGJveC10b2tlbi1hZ2VudA_PF84_6f2a3b8c-0000-4000-8000-5a4db0c0ffee");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save bot token")).click();
		assertThat(page.locator("[data-bot-form] .form-errors")).containsText("not a bot's token");
		page.getByLabel("Bot access token").fill("c2FuZGJveC10b2tlbi1ib3Q_PF84_6f2a3b8c-0000-4000-8000-5a4db0c0ffee");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save bot token")).click();
		assertThat(page.locator("[data-bot-status]")).containsText("switchboard-bot@webex.bot");

		page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).fill("Stage changes");
		page.locator("#rule-object").selectOption("Opportunity");
		page.getByLabel("Tracked fields (comma separated)").fill("StageName");
		page.getByLabel("Message template").fill("[[Nmae]] moved to [[StageName]]");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save rule")).click();
		assertThat(page.locator("[data-rule-form] .form-errors")).containsText("Nmae");

		page.getByLabel("Message template").fill("[[Name]] moved to [[StageName]] (was [[prior:StageName]])");
		page.getByLabel("Preview with record id").fill(deal);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Preview")).click();
		assertThat(page.locator("[data-rule-preview]")).hasText("Harbour <b>crane</b> lease moved to Prospecting (was [prior StageName])");
		Browser.screenshot(page, "notifications-1-rule-preview");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save rule")).click();
		assertThat(page.locator("tr[data-rule-id]")).containsText("Stage changes");

		long failed = failedDelivery(deal, "Harbour <b>crane</b> lease moved to Closed Won (was Prospecting)");
		page.reload();
		page.locator("[data-delivery-filter]").selectOption("failed");
		assertThat(page.locator("tr[data-delivery-id='" + failed + "']")).containsText("Harbour <b>crane</b> lease");
		Browser.screenshot(page, "notifications-2-dead-letter");
		page.locator("tr[data-delivery-id='" + failed + "']").getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Locator.GetByRoleOptions()
			.setName("Replay")).click();
		assertThat(page.locator("tr[data-delivery-id='" + failed + "']")).hasCount(0);
		page.locator("[data-delivery-filter]").selectOption("sent");
		page.waitForCondition(() -> {
			page.locator("[data-delivery-filter]").dispatchEvent("change");
			page.waitForTimeout(300);
			return page.locator("tr[data-delivery-id='" + failed + "']").count() == 1;
		}, new Page.WaitForConditionOptions().setTimeout(20_000));
	}

	/** A dead letter to a real space of the deal, as an exhausted delivery leaves it. */
	private long failedDelivery(String deal, String text) {
		String agent = records.findByField("User", "Username", "agent@switchboard.test").get(0).id();
		String room = webex.createRoom("c2FuZGJveC10b2tlbi1hZ2VudA_PF84_6f2a3b8c-0000-4000-8000-5a4db0c0ffee", "Harbour deal").get("id").asString();
		String space = UUID.randomUUID().toString();
		transactions.executeWithoutResult(s -> events.publishEvent(new SpaceLinked(space, "Opportunity", deal, room, "Harbour deal", agent, Instant.now())));
		OffsetDateTime now = OffsetDateTime.now();
		jdbc.sql("""
				INSERT INTO notification_delivery (change_key, rule_id, rule_name, object_name, record_id, space_id, room_id, text, status,
				attempts, next_attempt_at, last_error, created_date, updated_date) VALUES (?, 'r', 'Stage changes', 'Opportunity', ?, ?, ?, ?, 'failed', 8, ?, 'Webex answered 503', ?, ?)""")
			.params(UUID.randomUUID().toString().replace("-", ""), deal, space, room, text, now, now, now).update();
		return jdbc.sql("SELECT id FROM notification_delivery WHERE space_id = ?").param(space).query(Long.class).single();
	}
}
