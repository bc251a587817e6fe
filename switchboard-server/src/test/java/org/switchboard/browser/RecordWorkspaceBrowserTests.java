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
			admin.locator("#Website").fill("admin.example");
			admin.getByTestId("save").click();
			assertThat(admin.getByTestId("flash")).hasText("Saved.");
		}
		agent.getByTestId("save").click();

		assertThat(agent.getByTestId("form-error")).containsText("Changed by Ada Admin at ");
		assertThat(agent.getByTestId("form-error")).containsText("review and save again");
		// The phone only the admin changed now shows the admin's value; the website both changed keeps the agent's input.
		assertThat(agent.locator("#Phone")).hasValue("+1 415 555 0199");
		assertThat(agent.getByTestId("taken-Phone")).containsText("Ada Admin");
		assertThat(agent.locator("#Website")).hasValue("agent.example");
		assertThat(agent.getByTestId("saved-now-Website")).containsText("admin.example");
		Browser.screenshot(agent, "record-lost-update-refused");
		CrmRecord stored = records.get("Account", id, List.of("Phone", "Website"));
		assertThat(stored.getString("Phone")).isEqualTo("+1 415 555 0199");
		assertThat(stored.getString("Website")).isEqualTo("admin.example");

		// Reviewed: saving again applies the agent's website and keeps the admin's phone.
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

	@Test
	void anAccountIsPickedByNameInTheLookupAndItsNameShown() {
		String account = records.create("Account", Map.of("Name", "Zanzibar Lookup Traders"), null).id();
		String contact = records.create("Contact", Map.of("LastName", "Picker"), null).id();
		Page page = browser.signIn("agent@switchboard.test");
		page.navigate("/records/Contact/" + contact + "/edit");

		page.getByTestId("lookup-query-AccountId").fill("zanzib");
		page.getByTestId("lookup-option").filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText("Zanzibar Lookup Traders")).click();
		assertThat(page.getByTestId("lookup-chosen-AccountId")).hasText("Zanzibar Lookup Traders");
		Browser.screenshot(page, "record-lookup-picked");
		page.getByTestId("save").click();

		assertThat(page.getByTestId("flash")).hasText("Saved.");
		assertThat(page.getByTestId("field-Account")).hasText("Zanzibar Lookup Traders");
		assertThat(page.locator("main")).not().containsText(account);
		assertThat(records.get("Contact", contact, List.of("AccountId")).getString("AccountId")).isEqualTo(account);

		// A polymorphic field picks the object first: a task's Name (Who) can point to a lead.
		String lead = records.create("Lead", Map.of("LastName", "Whoever", "Company", "Polymorph Inc"), null).id();
		String task = records.create("Task", Map.of("Subject", "Follow up"), null).id();
		page.navigate("/records/Task/" + task + "/edit");
		page.locator("select[name=_lookupObject_WhoId]").selectOption("Lead");
		assertThat(page.getByTestId("lookup-query-WhoId")).hasAttribute("placeholder", "Search Lead by name");
		page.getByTestId("lookup-query-WhoId").fill("whoever");
		page.getByTestId("lookup-option").filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText("Whoever")).click();
		assertThat(page.getByTestId("lookup-chosen-WhoId")).hasText("Whoever");
		page.getByTestId("save").click();
		assertThat(page.getByTestId("flash")).hasText("Saved.");
		assertThat(records.get("Task", task, List.of("WhoId")).getString("WhoId")).isEqualTo(lead);
	}

	@Test
	void anEventsStartIsEnteredAndShownInTheRepsOwnTimeZone() {
		String event = records.create("Event", Map.of("Subject", "Pricing review", "StartDateTime", "2026-11-25T18:00:00Z",
				"EndDateTime", "2026-11-25T19:00:00Z"), null).id();
		Page page = browser.signIn("agent@switchboard.test");
		page.navigate("/records/Event/" + event + "/edit");

		assertThat(page.locator("input[name=StartDateTime]")).hasValue("2026-11-25T10:00");
		assertThat(page.getByTestId("zone-StartDateTime")).hasText("America/Los_Angeles");
		page.locator("input[name=StartDateTime]").fill("2026-11-26T09:30");
		page.getByTestId("save").click();

		assertThat(page.getByTestId("flash")).hasText("Saved.");
		assertThat(records.get("Event", event, List.of("StartDateTime")).getString("StartDateTime")).startsWith("2026-11-26T17:30");
	}

	@Test
	void aRecordChangedWhileItsDeletePageWasOpenIsNotDeletedAndTheRepIsToldWhy() {
		String account = records.create("Account", Map.of("Name", "Still wanted Ltd"), null).id();
		Page page = browser.signIn("admin@switchboard.test");
		page.navigate("/records/Account/" + account + "/delete");
		records.update("Account", account, Map.of("Phone", "+1 415 555 0100"), null);

		page.getByTestId("confirm-delete").click();

		assertThat(page.getByTestId("flash")).containsText("was not deleted: changed by");
		assertThat(page.getByTestId("record-name")).hasText("Still wanted Ltd");
		assertThat(records.get("Account", account, List.of("Phone")).getString("Phone")).isEqualTo("+1 415 555 0100");
		page.navigate("/records/Account/" + account + "/delete");
		page.getByTestId("confirm-delete").click();
		assertThat(page.getByTestId("flash")).hasText("Account \"Still wanted Ltd\" was deleted.");
	}

	@Test
	void aListSortsByAColumnKeepsTheSortWhenPagingAndFindsAPhoneNumberInAnyFormat() {
		records.create("Contact", Map.of("LastName", "Dialable", "Phone", "+1 (415) 555-0177"), null);
		Page page = browser.signIn("agent@switchboard.test");
		page.navigate("/records/Contact");

		page.getByTestId("sort-Title").click();
		page.getByTestId("sort-Title").click();
		assertThat(page.locator("th[aria-sort=descending]")).containsText("Title");
		List<String> firstPage = page.locator("table.records tbody tr td:nth-child(5)").allInnerTexts();
		assertThat(firstPage).isSortedAccordingTo(java.util.Comparator.<String, String>comparing(t -> t.toLowerCase(java.util.Locale.ROOT)).reversed());
		page.getByTestId("next").click();
		assertThat(page).hasURL(java.util.regex.Pattern.compile(".*sort=Title.*dir=desc.*page=1.*"));
		List<String> secondPage = page.locator("table.records tbody tr td:nth-child(5)").allInnerTexts();
		assertThat(secondPage.get(0).toLowerCase(java.util.Locale.ROOT)).isLessThanOrEqualTo(firstPage.get(firstPage.size() - 1).toLowerCase(java.util.Locale.ROOT));
		Browser.screenshot(page, "list-sorted-by-title-page-2");

		page.navigate("/records/Contact");
		page.getByTestId("search").fill("415.555.0177");
		page.getByTestId("search").press("Enter");
		assertThat(page.getByTestId("row-name")).hasText("Dialable");
		Browser.screenshot(page, "list-phone-search");
	}

	@Test
	void theHeaderSearchFindsAcrossObjectsGroupedAndMovesByKeyboardAndSymbolsFindNothing() {
		records.create("Account", Map.of("Name", "Quokka Global Holdings"), null);
		records.create("Contact", Map.of("FirstName", "Quinn", "LastName", "Quokka"), null);
		Page page = browser.signIn("agent@switchboard.test");

		page.getByTestId("global-search").fill("quokka");
		assertThat(page.getByTestId("global-group-Account")).containsText("Quokka Global Holdings");
		assertThat(page.getByTestId("global-group-Contact")).containsText("Quinn Quokka");
		Browser.screenshot(page, "global-search");
		page.getByTestId("global-search").press("ArrowDown");
		assertThat(page.locator("a.search-hit").first()).isFocused();
		page.keyboard().press("ArrowDown");
		assertThat(page.locator("a.search-hit").nth(1)).isFocused();
		page.keyboard().press("Enter");
		assertThat(page.getByTestId("record-name")).hasText("Quinn Quokka");

		for (String symbols : List.of("%", "_", "\\", "%%__", "\uD83D\uDE00")) {
			page.navigate("/search?q=" + java.net.URLEncoder.encode(symbols, java.nio.charset.StandardCharsets.UTF_8));
			assertThat(page.getByTestId("global-none")).isVisible();
		}
	}
}
