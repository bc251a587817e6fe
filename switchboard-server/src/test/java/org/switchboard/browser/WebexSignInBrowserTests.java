package org.switchboard.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;
import org.switchboard.support.ApiClient;

/** The home page's Webex component in Chromium: sign in through the sandbox's Webex pages, sign out, sign in again. */
class WebexSignInBrowserTests extends BrowserTest {

	@Test
	void aUserSignsInToWebexFromTheHomePageSignsOutAndSignsInAgain() {
		api().send(ApiClient.VIEWER, "DELETE", "/api/webex/connection", null);
		Page page = browser.signIn("viewer@switchboard.test");
		assertThat(page.getByTestId("webex-sign-in")).isVisible();
		Browser.screenshot(page, "webex-pod-not-signed-in");

		signIn(page, "webex-sign-in-consent");
		assertThat(page.getByTestId("flash")).containsText("Signed in to Webex as Val Viewer");
		assertThat(page.getByTestId("webex-name")).hasText("Val Viewer");
		assertThat(page.getByTestId("webex-email")).hasText("viewer@switchboard.test");
		assertThat(page.getByTestId("webex-token-state")).containsText("Signed in to Webex");
		Browser.screenshot(page, "webex-pod-signed-in");

		page.getByTestId("webex-sign-out").click();
		assertThat(page.getByTestId("flash")).hasText("You are signed out of Webex.");
		assertThat(page.getByTestId("webex-sign-in")).isVisible();
		assertThat(page.getByTestId("webex-name")).hasCount(0);
		Browser.screenshot(page, "webex-pod-signed-out");

		signIn(page, "webex-sign-in-consent-again");
		assertThat(page.getByTestId("webex-name")).hasText("Val Viewer");
		Browser.screenshot(page, "webex-pod-signed-in-again");
	}

	private static void signIn(Page page, String screenshot) {
		page.getByTestId("webex-sign-in").click();
		page.waitForURL(url -> url.contains("/v1/authorize"));
		assertThat(page.getByRole(com.microsoft.playwright.options.AriaRole.HEADING)).hasText("Sign in to Webex");
		page.getByLabel("Email").fill("viewer@switchboard.test");
		Browser.screenshot(page, screenshot);
		page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Accept")).click();
		page.waitForURL(url -> !url.contains("/v1/authorize"));
	}
}
