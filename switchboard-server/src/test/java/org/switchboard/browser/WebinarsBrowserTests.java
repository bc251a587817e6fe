package org.switchboard.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/** A newcomer in Chromium: configures the Lead mapping on the console, imports a generated webinar with the progress bar, opens the campaign. */
class WebinarsBrowserTests extends BrowserTest {

	private static final int REGISTRANTS = 2_000;

	@Test
	void theAdminMapsLeadsImportsAWebinarWatchesTheBarReachTheEndAndOpensTheCampaign() {
		JsonNode webinar = sandbox("/sandbox/webinars", "{\"hostEmail\":\"admin@switchboard.test\",\"title\":\"Browser launch webinar\",\"start\":\""
				+ Instant.now().minus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MINUTES) + "\",\"registrants\":" + REGISTRANTS + ",\"attendees\":50}");
		String domain = webinar.get("generated").get("domain").asString();
		String campaign = records.create("Campaign", Map.of("Name", "Browser launch campaign"), null).id();
		Page page = browser.signIn("admin@switchboard.test");

		page.navigate("/admin#webinars");
		// An unmapped Lead opens with the suggested mapping, marked not saved; the newcomer keeps it and links both ways.
		Locator form = page.locator("#mapping-Lead");
		assertThat(form.getByTestId("mapping-suggested-Lead")).containsText("not saved yet");
		Locator rows = form.locator("[data-rows] tr");
		assertThat(rows).hasCount(11);
		assertThat(rows.nth(3).locator("[data-target]")).hasValue("Company");
		assertThat(rows.nth(3).locator("[data-source]")).hasValue("companyName");
		assertThat(form.getByTestId("mapping-key-Lead")).hasValue("Email");
		assertThat(form.locator("[name=mergePolicy]")).hasValue("fillBlanks");
		form.locator("[name=campaignLink]").selectOption("both");
		Browser.screenshot(page, "webinars-1-lead-mapping");
		page.onDialog(dialog -> dialog.accept());
		form.getByTestId("mapping-save-Lead").click();
		assertThat(page.locator("#mapping-Lead")).containsText("(mapped)");
		assertThat(page.getByTestId("mapping-suggested-Lead")).hasCount(0);

		page.navigate("/");
		Locator widget = page.getByTestId("webinars-widget");
		Locator item = widget.locator("[data-webinar-id='" + webinar.get("id").asString() + "']");
		assertThat(item).containsText("Browser launch webinar");
		assertThat(item.getByTestId("webinar-counts")).containsText(REGISTRANTS + " registrants");
		Browser.screenshot(page, "webinars-2-home-widget");
		item.getByTestId("webinar-import").click();

		Locator importForm = page.getByTestId("webinar-import-form");
		importForm.locator("[name=object]").selectOption("Lead");
		importForm.locator("[name=campaignId]").selectOption(campaign);
		// Webex answers 429 to every registrants page until the faults are lifted: the page says it is still reading.
		sandbox("PUT", "/sandbox/faults", "{\"rate\":1.0,\"statuses\":[429],\"retryAfterSeconds\":1,\"path\":\"/v1/meetings/"
				+ webinar.get("id").asString() + "/registrants\"}");
		importForm.getByTestId("webinar-import-start").click();
		Locator bar = page.getByTestId("import-bar");
		assertThat(page.getByTestId("import-reading")).isVisible();
		Browser.screenshot(page, "webinars-3-import-started");
		sandbox("DELETE", "/sandbox/faults", null);
		assertThat(page.getByTestId("import-state")).hasText("done", new LocatorAssertions.HasTextOptions().setTimeout(240_000));
		assertThat(page.getByTestId("import-reading")).isHidden();
		assertThat(bar).hasAttribute("value", "100");
		assertThat(page.getByTestId("import-counts")).containsText(REGISTRANTS + " created");
		Browser.screenshot(page, "webinars-4-import-done");
		assertThat(page.getByTestId("import-report")).hasAttribute("href", java.util.regex.Pattern.compile("/api/imports/.+/report.csv"));

		page.getByTestId("import-campaign").click();
		assertThat(page.locator("main")).containsText("Browser launch campaign");
		Locator members = page.locator("section[aria-label='Campaign members']");
		assertThat(members.locator(".count")).hasText("(50+)");
		assertThat(members.locator("li a").first()).hasText(java.util.regex.Pattern.compile("^First\\d+ Last\\d+ · (Registered|Attended)$"));
		Browser.screenshot(page, "webinars-5-campaign");
		List<String> leads = records.findByField("Lead", "Email", "person7@" + domain).stream().map(r -> r.id()).toList();
		assertThat(leads).hasSize(1);
		assertThat(records.findAllByField("CampaignMember", "LeadId", leads)).singleElement()
			.satisfies(m -> assertThat(m.getString("CampaignId")).isEqualTo(campaign));
	}
}
