package org.switchboard.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;
import org.switchboard.crm.CrmRecord;

/** A real Chromium against the running server with the demo data. */
class WorkspaceBrowserTests extends BrowserTest {

	@Test
	void theAgentFindsAContactAndChangesItsPhoneNumber() {
		CrmRecord contact = records.search("Contact", null, 0, 1).records().get(0);
		String lastName = contact.getString("LastName");
		Page page = browser.signIn("agent@switchboard.test");

		page.getByRole(com.microsoft.playwright.options.AriaRole.LINK, new Page.GetByRoleOptions().setName("Contacts").setExact(true)).click();
		page.getByTestId("search").fill(contact.getString("FirstName") + " " + lastName);
		page.getByTestId("search").press("Enter");
		page.getByRole(com.microsoft.playwright.options.AriaRole.LINK, new Page.GetByRoleOptions().setName(contact.name())).first().click();
		assertThat(page.getByTestId("record-name")).hasText(contact.name());
		Browser.screenshot(page, "agent-contact-before");

		page.getByTestId("edit").click();
		page.locator("form.record-form").getByLabel("Phone", new Locator.GetByLabelOptions().setExact(true)).fill("+1 (415) 555-0199");
		page.getByTestId("save").click();

		assertThat(page.getByTestId("flash")).hasText("Saved.");
		assertThat(page.getByTestId("highlight-Phone")).hasText("+1 (415) 555-0199");
		Browser.screenshot(page, "agent-contact-after");
		assertThat(records.get("Contact", contact.id(), List.of("Phone")).getString("Phone")).isEqualTo("+1 (415) 555-0199");
		assertThat(records.findByPhone("4155550199", java.util.Map.of("Contact", java.util.Set.of("Phone"))))
			.extracting(m -> m.record().id()).contains(contact.id());
	}

	@Test
	void aBadEmailIsShownNextToTheFieldAndNothingIsSaved() {
		CrmRecord contact = records.search("Contact", null, 1, 1).records().get(0);
		Page page = browser.signIn("agent@switchboard.test");

		page.navigate("/records/Contact/" + contact.id() + "/edit");
		page.getByLabel("Email", new Page.GetByLabelOptions().setExact(true)).fill("not-an-email");
		page.getByTestId("save").click();

		assertThat(page.getByTestId("error-Email")).containsText("is not an email address");
		assertThat(page.getByLabel("Email", new Page.GetByLabelOptions().setExact(true))).hasValue("not-an-email");
		Browser.screenshot(page, "agent-contact-invalid-email");
		assertThat(records.get("Contact", contact.id(), List.of("Email")).getString("Email")).isEqualTo(contact.getString("Email"));
	}

	@Test
	void theViewerGetsTheForbiddenPageForWebexAdmin() {
		Page page = browser.signIn("viewer@switchboard.test");
		assertThat(page.getByTestId("nav-admin")).hasCount(0);

		page.navigate("/admin");

		assertThat(page.getByTestId("error-title")).hasText("403 — You don't have access");
		assertThat(page.locator("body")).containsText("Webex Admin");
		Browser.screenshot(page, "viewer-admin-403");
	}

	@Test
	void theAdminOpensTheConsoleAndTheWebexPanel() {
		Page page = browser.signIn("admin@switchboard.test");
		page.getByTestId("nav-admin").click();
		assertThat(page.getByTestId("admin-console")).isVisible();

		page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Webex").setExact(true)).click();
		assertThat(page.locator("#webex-panel")).isVisible();
		page.keyboard().press("Escape");
		assertThat(page.locator("#webex-panel")).isHidden();
		Browser.screenshot(page, "admin-console");
	}
}
