package org.switchboard.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;
import org.switchboard.crm.CrmRecord;
import org.switchboard.support.ApiClient;

import tools.jackson.databind.JsonNode;

/** The home page helps (issue 15): my calls to log, today's meetings, my recent records and my open tasks. */
class HomePageBrowserTests extends BrowserTest {

	private static final String AGENT = "agent@switchboard.test";

	static {
		com.microsoft.playwright.assertions.PlaywrightAssertions.setDefaultAssertionTimeout(15_000);
	}

	@Test
	void theAgentsHomeListsCallsToLogTodaysMeetingsRecentRecordsAndOpenTasks() {
		String agentId = records.findByField("User", "Username", AGENT).get(0).id();
		// Area code 707: the demo webinar's registrants, imported as Leads by WebinarsBrowserTests in this shared store, have +1 415 555 numbers.
		CrmRecord contact = records.create("Contact", Map.of("FirstName", "Hannah", "LastName", "Homepage", "Phone", "(707) 555-0133"), agentId);
		String tomorrow = LocalDate.now(ZoneOffset.UTC).plusDays(1).toString();
		records.create("Task", Map.of("Subject", "Send the Homepage quote", "Status", "Not Started", "ActivityDate", tomorrow), agentId);
		records.create("Task", Map.of("Subject", "Already done for Homepage", "Status", "Completed"), agentId);
		Instant start = Instant.now().plus(10, ChronoUnit.MINUTES);
		java.time.ZoneId agentsZone = java.time.ZoneId.of("America/Los_Angeles"); // the demo users' TimeZoneSidKey
		boolean meetingToday = start.atZone(agentsZone).toLocalDate().equals(LocalDate.now(agentsZone));
		ApiClient.Response meeting = api().send(AGENT, "POST", "/api/records/Contact/" + contact.id() + "/meetings",
				"{\"title\":\"Homepage review\",\"start\":\"" + start.truncatedTo(ChronoUnit.SECONDS) + "\",\"durationMinutes\":30,\"timezone\":\"UTC\"}");
		assertThat(meeting.status()).as(meeting.body()).isEqualTo(201);
		JsonNode ring = sandbox("/sandbox/calls/inbound", "{\"toEmail\":\"" + AGENT + "\",\"fromNumber\":\"+17075550133\"}");
		sandbox("/sandbox/calls/" + ring.path("callId").asString() + "/hangup", "{}");

		Page page = browser.signIn(AGENT);
		Locator drafts = page.getByTestId("home-call-drafts");
		for (int i = 0; i < 10 && drafts.filter(new Locator.FilterOptions().setHasText(contact.name())).count() == 0; i++) {
			page.waitForTimeout(500); // the call's end reaches the server as a webhook
			page.reload();
		}
		assertThat(drafts).containsText("From " + contact.name());
		if (meetingToday) {
			assertThat(page.getByTestId("home-meetings")).containsText("Homepage review");
			assertThat(page.getByTestId("home-meetings")).containsText(contact.name());
		}
		assertThat(page.getByTestId("home-recent")).containsText(contact.name());
		assertThat(page.getByTestId("home-tasks")).containsText("Send the Homepage quote");
		assertThat(page.getByTestId("home-tasks")).not().containsText("Already done for Homepage");
		assertThat(page.locator("time[data-local-time]").first()).not().containsText(java.util.regex.Pattern.compile("\\d{4}-\\d{2}-\\d{2}T")); // no raw ISO instants
		Browser.screenshot(page, "home-1-calls-meetings-recent-tasks");

		// A record opened (not changed) comes first among the recent ones, as Lightning's recent items do.
		String seen = records.create("Account", Map.of("Name", "Only Looked At Holdings"), null).id();
		page.navigate("/records/Account/" + seen);
		page.navigate("/");
		assertThat(page.getByTestId("home-recent").locator("a").first()).hasText("Only Looked At Holdings");
		assertThat(page.getByTestId("home-recent")).containsText(contact.name());

		drafts.getByText("From " + contact.name()).click();
		assertThat(page.getByTestId("call-log")).isVisible();
		assertThat(page.getByTestId("call-log")).containsText("Log the call from " + contact.name());
		Browser.screenshot(page, "home-2-draft-opens-the-log-window");
	}
}
