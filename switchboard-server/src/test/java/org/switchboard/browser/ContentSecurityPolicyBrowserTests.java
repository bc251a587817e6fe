package org.switchboard.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import org.junit.jupiter.api.Test;
import org.switchboard.crm.CrmRecord;

/** The UI runs under the Content-Security-Policy (no inline script): Chromium reports no violation on any page. */
class ContentSecurityPolicyBrowserTests extends BrowserTest {

	@Test
	void theAdminWalksThroughThePagesWithoutAContentSecurityPolicyViolation() {
		List<String> violations = new CopyOnWriteArrayList<>();
		Page page = browser.signIn("admin@switchboard.test");
		page.onConsoleMessage(message -> {
			if (message.text().contains("Content Security Policy")) {
				violations.add(message.text());
			}
		});
		CrmRecord contact = records.search("Contact", null, 0, 1).records().get(0);

		Response home = page.navigate("/");
		page.navigate("/records/Contact");
		page.navigate("/records/Contact/" + contact.id());
		page.locator("#webex-toggle").click();
		page.navigate("/admin");
		page.waitForLoadState();

		assertThat(home.headers().get("content-security-policy")).contains("script-src 'self'");
		assertThat(home.headers().get("referrer-policy")).isEqualTo("same-origin");
		assertThat(violations).isEmpty();
	}
}
