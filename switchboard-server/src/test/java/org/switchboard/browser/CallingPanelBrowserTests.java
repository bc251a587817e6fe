package org.switchboard.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.BoundingBox;
import org.junit.jupiter.api.Test;
import org.switchboard.crm.CrmRecord;
import org.switchboard.support.SandboxCalls;

import tools.jackson.databind.JsonNode;

/**
 * The calling panel without rough edges (issue 15): a pop never leaves a form with unsaved input, a double-clicked
 * Call places one call, the headline is the matched record with why it matched, "More details" shows fields, the log's
 * "who" is searchable, history names callers and says declined.
 */
class CallingPanelBrowserTests extends BrowserTest {

	private static final String AGENT = "agent@switchboard.test";

	static {
		// Webhooks from the sandbox to the server and on to the page take a while on a busy machine.
		com.microsoft.playwright.assertions.PlaywrightAssertions.setDefaultAssertionTimeout(15_000);
	}

	@Test
	void aPopArrivingWhileAFormHasUnsavedInputStaysInThePanel() {
		CrmRecord caller = records.create("Contact", Map.of("FirstName", "Maya", "LastName", "Lindqvist", "Phone", "(212) 555-0177"), null);
		CrmRecord edited = records.search("Contact", null, 3, 1).records().get(0);
		Page page = browser.signIn(AGENT);
		page.navigate("/records/Contact/" + edited.id() + "/edit");
		page.waitForFunction("() => document.getElementById('calling')?.dataset.ready === 'true'");
		Locator title = page.locator("form.record-form").getByLabel("Title", new Locator.GetByLabelOptions().setExact(true));
		title.fill("Head of unsaved changes");

		sandbox("/sandbox/calls/inbound", "{\"toEmail\":\"" + AGENT + "\",\"fromNumber\":\"+12125550177\",\"fromName\":\"M Lindqvist\"}");

		assertThat(page.getByTestId("call-state")).hasText("Incoming call");
		assertThat(page.getByTestId("call-party")).hasText(caller.name());
		assertThat(page.getByTestId("call-webex-name")).hasText("Webex: M Lindqvist");
		assertThat(page.getByTestId("call-why")).hasText("Why this record: its Phone field holds (212) 555-0177");
		assertThat(page.getByTestId("pop-held")).containsText("unsaved changes on this page are kept");
		page.waitForTimeout(1_000); // a navigation would have started by now
		assertThat(page).hasURL(Pattern.compile(".*/records/Contact/" + edited.id() + "/edit$"));
		assertThat(title).hasValue("Head of unsaved changes");
		assertPanelLeavesSaveVisibleAndDoesNotScrollSideways(page);
		Browser.screenshot(page, "panel-1-pop-kept-in-panel-over-unsaved-form");

		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Decline")).click();
		assertThat(page.getByTestId("call-current")).isHidden();
		page.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName("History")).click();
		Locator entry = page.getByTestId("history-entry").filter(new Locator.FilterOptions().setHasText(caller.name())).first();
		assertThat(entry).containsText("declined");
		Browser.screenshot(page, "panel-2-history-named-and-declined");
	}

	@Test
	void aDoubleClickedCallPlacesOneCallAndSaysTheExtensionIsNotDialled() throws Exception {
		Page page = browser.signIn(AGENT);
		page.waitForFunction("() => document.getElementById('calling')?.dataset.ready === 'true'");
		page.evaluate("() => document.dispatchEvent(new CustomEvent('webex:open-panel'))");
		page.getByLabel("Name or number").fill("+1 617 555 0123 x45");

		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Call").setExact(true)).dblclick();

		assertThat(page.getByTestId("call-state")).isVisible();
		assertThat(page.locator("#call-notice")).containsText("Extension 45 is not dialled");
		page.waitForTimeout(1_000); // a second request would have reached Webex by now
		assertThat(SandboxCalls.agentCallsTo(SANDBOX_PORT, "+16175550123")).isEqualTo(1);
		Browser.screenshot(page, "panel-3-one-call-after-double-click");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("End call")).click();
		assertThat(page.getByTestId("call-log")).isVisible();
	}

	@Test
	void theLogWindowOffersTheCallersCasesAndOpenDealsShowsDetailsAndFindsWho() {
		CrmRecord account = records.create("Account", Map.of("Name", "Northwind Details"), null);
		CrmRecord caller = records.create("Contact", Map.of("FirstName", "Ines", "LastName", "Okonkwo", "Phone", "(303) 555-0166",
				"AccountId", account.id()), null);
		CrmRecord open = records.create("Opportunity", Map.of("Name", "Northwind expansion", "StageName", "Prospecting",
				"CloseDate", "2027-03-01", "AccountId", account.id()), null);
		records.create("Opportunity", Map.of("Name", "Northwind old deal", "StageName", "Closed Won", "CloseDate", "2026-01-01",
				"AccountId", account.id()), null);
		records.create("Case", Map.of("Subject", "Invoice addressed wrongly", "Status", "New", "ContactId", caller.id(),
				"AccountId", account.id()), null);
		CrmRecord other = records.create("Contact", Map.of("FirstName", "Zebulon", "LastName", "Quartz"), null);
		Page page = browser.signIn(AGENT);
		page.waitForFunction("() => document.getElementById('calling')?.dataset.ready === 'true'");

		JsonNode ring = sandbox("/sandbox/calls/inbound", "{\"toEmail\":\"" + AGENT + "\",\"fromNumber\":\"+13035550166\",\"fromName\":\"Caller\"}");
		page.waitForURL("**/records/Contact/" + caller.id());
		CrmRecord lead = records.create("Lead", Map.of("LastName", "Newcomer", "Company", "Northwind", "Phone", "303-555-0166"), null);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Answer")).click();
		assertThat(page.getByTestId("call-state")).containsText("Connected");
		sandbox("/sandbox/calls/" + ring.path("callId").asString() + "/hangup", "{}");

		Locator log = page.getByTestId("call-log");
		assertThat(log).isVisible();
		assertThat(page.locator("#log-who option")).containsText(new String[] { "— nobody —", caller.name() + " (Contact)", "Newcomer (Lead)" });
		assertThat(page.locator("#log-what")).containsText("Invoice addressed wrongly");
		assertThat(page.locator("#log-what")).containsText("Northwind expansion");
		assertThat(page.locator("#log-what")).not().containsText("Northwind old deal");

		page.getByLabel("Find a contact or lead").fill("Zebulon");
		assertThat(page.locator("#log-who option:checked")).hasText("Zebulon Quartz (Contact)");
		page.locator("#log-what").selectOption(open.id());
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("More details")).click();
		Locator details = page.getByTestId("call-details");
		assertThat(details).containsText("Prospecting");
		assertThat(details.locator("dt")).containsText(new String[] { "Name", "Stage Name", "Amount", "Close Date" });
		assertThat(details).not().containsText("[object");
		Browser.screenshot(page, "panel-4-log-more-details");

		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save log")).dblclick();
		assertThat(page.locator("#call-notice")).containsText("Call logged");
		List<CrmRecord> tasks = records.related("Task", "WhoId", other.id(), 10);
		assertThat(tasks).hasSize(1);
		assertThat(records.get("Task", tasks.get(0).id(), List.of("WhatId")).getString("WhatId")).isEqualTo(open.id());
		assertThat(records.related("Task", "WhoId", lead.id(), 10)).isEmpty();
	}

	/** The panel and the form's Save button do not overlap, and nothing in the panel is wider than the panel. */
	private static void assertPanelLeavesSaveVisibleAndDoesNotScrollSideways(Page page) {
		Locator save = page.getByTestId("save");
		save.scrollIntoViewIfNeeded();
		BoundingBox button = save.boundingBox();
		BoundingBox panel = page.locator("#webex-panel").boundingBox();
		boolean overlap = button.x < panel.x + panel.width && panel.x < button.x + button.width
				&& button.y < panel.y + panel.height && panel.y < button.y + button.height;
		assertThat(overlap).as("the Webex panel covers the Save button").isFalse();
		Object sideways = page.evaluate("() => { const b = document.getElementById('webex-panel-body'); return b.scrollWidth > b.clientWidth; }");
		assertThat(sideways).isEqualTo(false);
	}
}
