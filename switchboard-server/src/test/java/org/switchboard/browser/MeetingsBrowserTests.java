package org.switchboard.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.switchboard.crm.CrmRecord;

/** A newcomer's meeting in Chromium: schedule from a contact, see it on the record and in the calendar, end it, find the Event. */
class MeetingsBrowserTests extends BrowserTest {

	@Autowired
	JdbcClient jdbc;

	@Test
	void theAgentSchedulesFromAContactSeesItEverywhereAndFindsTheEventAfterItEnds() {
		CrmRecord contact = records.create("Contact",
				Map.of("FirstName", "Priya", "LastName", "Patel", "Email", "priya.patel@example.com"), null);
		Page page = browser.signIn("agent@switchboard.test");
		page.navigate("/records/Contact/" + contact.id());
		Locator component = page.getByTestId("record-meetings");
		assertThat(component).containsText("No upcoming meetings");

		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Schedule a meeting")).click();
		Locator form = page.getByTestId("schedule-meeting");
		assertThat(form.getByLabel("Title")).hasValue("Priya Patel");
		assertThat(form.getByLabel("Time zone")).not().hasValue("");
		form.getByLabel("Agenda").fill("Renewal terms");
		form.locator("#meeting-invitee-search").fill("Priya");
		form.locator("#meeting-invitee-results").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Invite")).first().click();
		form.locator("#meeting-invitee-search").fill("nobody@nowhere.invalid");
		form.locator("#meeting-invitee-search").press("Enter");
		assertThat(form.locator("[data-chosen]")).containsText("priya.patel@example.com");
		Browser.screenshot(page, "meetings-1-schedule-form");
		form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Schedule")).click();

		assertThat(form).containsText("is scheduled for");
		assertThat(page.getByTestId("not-invited")).containsText("nobody@nowhere.invalid");
		assertThat(page.getByTestId("scheduled-join")).hasAttribute("href", java.util.regex.Pattern.compile("^https://"));
		assertThat(component.getByTestId("join-link")).hasCount(1);
		assertThat(component).containsText("Priya Patel");
		Browser.screenshot(page, "meetings-2-scheduled-on-the-record");

		page.getByTestId("calendar-toggle").click();
		Locator calendar = page.getByTestId("calendar-panel");
		assertThat(calendar.getByTestId("calendar-record")).containsText("Contact: Priya Patel");
		assertThat(calendar.getByTestId("calendar-join").first()).hasAttribute("href", java.util.regex.Pattern.compile("^https://"));
		var box = calendar.boundingBox();
		assertThat(box.width).isEqualTo(340);
		assertThat(box.height).isEqualTo(480);
		Browser.screenshot(page, "meetings-3-calendar-panel");

		String webexId = jdbc.sql("SELECT webex_meeting_id FROM meeting WHERE record_id = ?").param(contact.id()).query(String.class).single();
		sandbox("/sandbox/meetings/" + webexId + "/start", "{}");
		sandbox("/sandbox/meetings/" + webexId + "/join", "{\"email\":\"priya.patel@example.com\",\"displayName\":\"Priya Patel\"}");
		sandbox("/sandbox/meetings/" + webexId + "/end", "{}");
		Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> !records.related("Event", "WhoId", contact.id(), 5).isEmpty());

		page.reload();
		assertThat(component.getByTestId("event-link")).isVisible();
		assertThat(page.locator("body")).containsText("Events");
		component.getByTestId("event-link").click();
		assertThat(page.locator("main")).containsText("Priya Patel <priya.patel@example.com>");
		Browser.screenshot(page, "meetings-4-event-on-the-contact");
		List<CrmRecord> events = records.related("Event", "WhoId", contact.id(), 5);
		assertThat(events).hasSize(1);
	}

	@Test
	void theAdminSetsTheMeetingWindowsOnTheConsole() {
		Page page = browser.signIn("admin@switchboard.test");
		page.navigate("/admin#meetings");
		assertThat(page.getByTestId("meetings-admin")).isVisible();
		page.getByLabel("Upcoming meetings — days to retrieve").fill("30");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save meetings")).click();
		page.waitForLoadState();
		assertThat(page.locator("#audit")).containsText("meetings");
		assertThat(page.getByLabel("Upcoming meetings — days to retrieve")).hasValue("30");
		page.getByLabel("Upcoming meetings — days to retrieve").fill("400");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save meetings")).click();
		assertThat(page.getByTestId("meetings-admin").locator(".form-errors")).containsText("upcomingDays");
		Browser.screenshot(page, "meetings-5-admin-windows");
		jdbc.sql("DELETE FROM platform_setting WHERE section = 'meetings'").update();
	}
}
