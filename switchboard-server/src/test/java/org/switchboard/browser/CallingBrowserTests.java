package org.switchboard.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.switchboard.crm.CrmRecord;

/** The agent's Webex panel in Chromium: a call rings, the caller's contact pops, the call is logged; click-to-call. */
class CallingBrowserTests extends BrowserTest {

	@Test
	void theAgentsPanelRingsTheCallersContactPopsAndTheLogIsSaved() {
		CrmRecord contact = records.create("Contact", Map.of("FirstName", "Priya", "LastName", "Raman", "Phone", "(617) 555-0148"), null);
		Page page = browser.signIn("agent@switchboard.test");
		page.waitForFunction("() => document.getElementById('calling')?.dataset.ready === 'true'");

		sandbox("/sandbox/calls/inbound", "{\"toEmail\":\"agent@switchboard.test\",\"fromNumber\":\"+16175550148\",\"fromName\":\"Priya Raman\"}");
		page.waitForURL("**/records/Contact/" + contact.id());
		assertThat(page.getByTestId("record-name")).hasText(contact.name());
		assertThat(page.getByTestId("call-state")).hasText("Incoming call");
		assertThat(page.getByTestId("call-party")).hasText("Priya Raman");
		Browser.screenshot(page, "calling-1-ringing-contact-popped");

		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Answer")).click();
		assertThat(page.getByTestId("call-state")).containsText("Connected");
		Browser.screenshot(page, "calling-2-connected");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("End call")).click();

		assertThat(page.getByTestId("call-log")).isVisible();
		page.getByLabel("Subject").fill("Renewal questions");
		page.getByLabel("Notes").fill("Wants a quote by Friday <script>alert(1)</script>");
		Browser.screenshot(page, "calling-3-log-window");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save log")).click();
		assertThat(page.locator("#call-notice")).containsText("Call logged");
		assertThat(page.getByLabel("Calls and tasks")).containsText("Renewal questions");
		Browser.screenshot(page, "calling-4-logged");

		List<CrmRecord> tasks = records.related("Task", "WhoId", contact.id(), 10);
		assertThat(tasks).hasSize(1);
		CrmRecord task = records.get("Task", tasks.get(0).id(), List.of("Subject", "CallType", "TaskSubtype", "Description"));
		assertThat(task.getString("Subject")).isEqualTo("Renewal questions");
		assertThat(task.getString("CallType")).isEqualTo("Inbound");
		assertThat(task.getString("Description")).contains("<script>");
	}

	@Test
	void theAdminChangesCallingSettingsOnTheConsoleAndSeesErrorsAndTheAudit() {
		Page page = browser.signIn("admin@switchboard.test");
		page.navigate("/admin#calling");
		assertThat(page.getByTestId("calling-admin")).isVisible();

		page.getByLabel("Show each user their recent Webex calls in the dialer").uncheck();
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save call history")).click();
		page.waitForLoadState();
		assertThat(page.locator("#audit")).containsText("callHistory");
		assertThat(page.getByLabel("Show each user their recent Webex calls in the dialer")).not().isChecked();

		page.locator("#detail-object").selectOption("Case");
		page.locator("#detail-fields").fill("Subject, Nonsense__c");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save details")).click();
		assertThat(page.locator("form[data-section=callLogDetails] .form-errors")).containsText("Nonsense__c");
		Browser.screenshot(page, "calling-6-admin-settings");

		page.getByLabel("Show each user their recent Webex calls in the dialer").check();
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save call history")).click();
		page.waitForLoadState();
		assertThat(page.getByLabel("Show each user their recent Webex calls in the dialer")).isChecked();
	}

	@Test
	void makeACallOffersTheRecordsNumbersAndDialsOne() {
		CrmRecord contact = records.create("Contact", Map.of("FirstName", "Tomas", "LastName", "Berg", "MobilePhone", "+45 20 12 34 56"), null);
		Page page = browser.signIn("agent@switchboard.test");
		page.navigate("/records/Contact/" + contact.id());

		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Make a call")).click();
		assertThat(page.getByTestId("call-choices")).containsText("+45 20 12 34 56");
		page.getByTestId("call-choices").getByRole(AriaRole.BUTTON).first().click();
		assertThat(page.getByTestId("call-party")).hasText("Tomas Berg");
		assertThat(page.getByTestId("call-state")).containsText("Connected");
		Browser.screenshot(page, "calling-5-click-to-call");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("End call")).click();
		assertThat(page.getByTestId("call-log")).isVisible();
	}
}
