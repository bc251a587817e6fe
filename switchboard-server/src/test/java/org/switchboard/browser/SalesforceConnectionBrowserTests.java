package org.switchboard.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.switchboard.salesforce.sandbox.SalesforceSandbox;
import org.junit.jupiter.api.Test;
import org.switchboard.support.ApiClient;

/**
 * Salesforce mode in Chromium. The console's CRM connection: see the org's status, try a wrong client secret
 * (refused, nothing stored), then connect the org through the double's consent page and see its status again.
 * Sign in with Salesforce: a user logs in on the org's login page and lands on Switchboard with their Webex features.
 */
class SalesforceConnectionBrowserTests extends SalesforceBrowserTest {

	@Test
	void anAdminConnectsTheOrgFromTheConsoleAndSeesItsStatus() {
		Page page = browser.signIn(ApiClient.ADMIN);
		page.navigate("/admin#crm");
		assertThat(page.getByTestId("crm-admin").locator("[data-crm-state]")).containsText("connected");
		assertThat(page.getByTestId("crm-admin").locator("[data-org]")).hasText(org.orgId());
		Browser.screenshot(page, "crm-connection-status");

		connect(page, "not-the-secret");
		assertThat(page.getByTestId("crm-callback").locator("[data-crm-problem]")).containsText("client secret");
		Browser.screenshot(page, "crm-connection-wrong-secret");

		page.navigate("/admin#crm");
		connect(page, org.clientSecret());
		page.waitForURL(url -> url.contains("/admin"));
		assertThat(page.getByTestId("crm-admin").locator("[data-crm-state]")).containsText("connected");
		assertThat(page.getByTestId("crm-admin").locator("[data-instance]")).hasText(org.baseUrl());
		assertThat(page.getByTestId("crm-admin").locator("[data-calls-left]")).not().hasText("unknown");
		Browser.screenshot(page, "crm-connection-connected");
	}

	private void connect(Page page, String secret) {
		page.getByLabel("Login host").fill(org.baseUrl());
		page.getByLabel("Client id (consumer key)").fill(org.clientId());
		page.getByLabel("Client secret (consumer secret)").fill(secret);
		page.locator("[data-crm-connect]").click();
		page.waitForURL(url -> url.contains("/services/oauth2/authorize"));
		Browser.screenshot(page, "crm-connection-consent");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Allow")).click();
		page.waitForURL(url -> url.contains("localhost:" + port));
	}

	@Test
	void aUserSignsInWithTheirSalesforceLoginAndSeesTheirWebexFeatures() {
		Page page = browser.newPage();
		page.navigate("/login");
		Browser.screenshot(page, "salesforce-sign-in-page");
		page.getByTestId("salesforce-sign-in").click();
		page.waitForURL(url -> url.contains("/services/oauth2/authorize"));
		page.getByLabel("Username").fill(ApiClient.AGENT);
		page.getByLabel("Password").fill(SalesforceSandbox.USER_PASSWORD);
		Browser.screenshot(page, "salesforce-sign-in-login");
		page.locator("#Login").click();
		page.waitForURL(url -> url.equals("http://localhost:" + port + "/"));
		assertThat(page.locator("h1")).containsText("Alex Agent");
		assertThat(page.getByTestId("no-webex-access")).hasCount(0);
		assertThat(page.getByTestId("calling-panel")).hasCount(1);
		assertThat(page.getByTestId("nav-admin")).hasCount(0);
		Browser.screenshot(page, "salesforce-sign-in-home");
	}
}
