package org.switchboard.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;
import org.switchboard.crm.CrmRecord;

/** Issue 15's record workspace in Chromium: no lost edits, field errors instead of 500s, object permissions. */
class RecordWorkspaceBrowserTests extends BrowserTest {

	@Test
	void aSaveOverAnotherUsersNewerChangeIsRefusedSayingWhoAndWhenAndNothingIsLost() {
		String id = records.create("Account", Map.of("Name", "Two tabs Ltd", "Phone", "+1 415 555 0100", "Website", "old.example"), null).id();
		Page agent = browser.signIn("agent@switchboard.test");
		agent.navigate("/records/Account/" + id + "/edit");
		agent.locator("#Website").fill("agent.example");

		try (Browser other = new Browser("http://localhost:" + port)) {
			Page admin = other.signIn("admin@switchboard.test");
			admin.navigate("/records/Account/" + id + "/edit");
			admin.locator("#Phone").fill("+1 415 555 0199");
			admin.getByTestId("save").click();
			assertThat(admin.getByTestId("flash")).hasText("Saved.");
		}
		agent.getByTestId("save").click();

		assertThat(agent.getByTestId("form-error")).containsText("Changed by Ada Admin at ");
		assertThat(agent.getByTestId("form-error")).containsText("review and save again");
		assertThat(agent.getByTestId("saved-now-Phone")).containsText("+1 415 555 0199");
		assertThat(agent.locator("#Website")).hasValue("agent.example");
		Browser.screenshot(agent, "record-lost-update-refused");
		CrmRecord stored = records.get("Account", id, List.of("Phone", "Website"));
		assertThat(stored.getString("Phone")).isEqualTo("+1 415 555 0199");
		assertThat(stored.getString("Website")).isEqualTo("old.example");

		// Reviewed: the agent takes the admin's number and saves again, which now applies.
		agent.locator("#Phone").fill("+1 415 555 0199");
		agent.getByTestId("save").click();
		assertThat(agent.getByTestId("flash")).hasText("Saved.");
		stored = records.get("Account", id, List.of("Phone", "Website"));
		assertThat(stored.getString("Phone")).isEqualTo("+1 415 555 0199");
		assertThat(stored.getString("Website")).isEqualTo("agent.example");
	}

	@Test
	void aThreeHundredCharacterNameIsAFieldErrorNotAServerError() {
		Page page = browser.signIn("agent@switchboard.test");
		page.navigate("/records/Contact/new");
		page.locator("#LastName").fill("L".repeat(300));
		page.locator("#FirstName").fill("F".repeat(141));
		page.getByTestId("save").click();

		assertThat(page.getByTestId("error-LastName")).hasText("is too long (300 characters, at most 80)");
		assertThat(page.getByTestId("error-FirstName")).hasText("is too long (141 characters, at most 40)");
		assertThat(page.getByTestId("error-page")).hasCount(0);
		Browser.screenshot(page, "record-name-too-long");
		assertThat(records.search("Contact", "L".repeat(50), 0, 1).total()).isZero();
	}

	@Test
	void theReadOnlyViewerSeesNoEditButtonsAndIsRefusedNamingTheObject() {
		String id = records.create("Account", Map.of("Name", "Look but do not touch"), null).id();
		Page page = browser.signIn("viewer@switchboard.test");

		page.navigate("/records/Account/" + id);
		assertThat(page.getByTestId("record-name")).hasText("Look but do not touch");
		assertThat(page.getByTestId("edit")).hasCount(0);
		page.navigate("/records/Account");
		assertThat(page.getByTestId("new")).hasCount(0);

		page.navigate("/records/Account/" + id + "/edit");
		assertThat(page.getByTestId("error-title")).hasText("403 — You don't have access");
		assertThat(page.getByTestId("error-detail")).containsText("edit Account records");
		Browser.screenshot(page, "viewer-edit-403");
	}
}
