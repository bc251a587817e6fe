package org.switchboard.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.switchboard.crm.ChangeStreamStatus;
import org.switchboard.support.ApiClient;

import tools.jackson.databind.json.JsonMapper;

/**
 * The agent's day in Chromium with Salesforce as the CRM (the double, demo data seeded into it): click-to-call, an
 * inbound call that pops a contact stored in the org as typed, the call log written as a Task in the org, the
 * opportunity's space with a message and an attachment, and a stage change made in Salesforce arriving in the space as
 * the bot's message through Change Data Capture. The same flows as the embedded store's browser tests.
 */
class SalesforceModeBrowserTests extends SalesforceBrowserTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();
	private static final String BOT_TOKEN = "c2FuZGJveC10b2tlbi1ib3Q_PF84_6f2a3b8c-0000-4000-8000-5a4db0c0ffee";
	private static final LocatorAssertions.ContainsTextOptions LIVE = new LocatorAssertions.ContainsTextOptions().setTimeout(30_000);

	@Autowired
	ChangeStreamStatus stream;

	@Test
	void anInboundCallPopsAContactStoredAsTypedInTheOrgAndItsLogBecomesATaskThere() {
		String contact = inSalesforce("Contact", Map.of("FirstName", "Rita", "LastName", "Okafor", "Phone", "(415) 555-0142"));
		Page page = browser.signIn(ApiClient.AGENT);
		page.waitForFunction("() => document.getElementById('calling')?.dataset.ready === 'true'");

		webexSandbox("/sandbox/calls/inbound", "{\"toEmail\":\"agent@switchboard.test\",\"fromNumber\":\"+14155550142\",\"fromName\":\"Rita Okafor\"}");
		page.waitForURL("**/records/Contact/" + contact);
		assertThat(page.getByTestId("record-name")).hasText("Rita Okafor");
		assertThat(page.getByTestId("call-state")).hasText("Incoming call");
		Browser.screenshot(page, "salesforce-1-inbound-contact-popped");

		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Answer")).click();
		assertThat(page.getByTestId("call-state")).containsText("Connected");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("End call")).click();
		page.getByLabel("Subject").fill("Delivery question");
		page.getByLabel("Notes").fill("Wants Friday");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save log")).click();
		assertThat(page.locator("#call-notice")).containsText("Call logged");
		assertThat(page.getByLabel("Calls and tasks")).containsText("Delivery question", LIVE);
		Browser.screenshot(page, "salesforce-2-inbound-logged");

		Map<String, Object> task = org.store().all("Task").stream().filter(t -> contact.equals(t.get("WhoId"))).findFirst().orElseThrow();
		assertThat(task).containsEntry("Subject", "Delivery question").containsEntry("Description", "Wants Friday")
			.containsEntry("CallType", "Inbound").containsEntry("TaskSubtype", "Call");
		assertThat(org.store().find(contact).orElseThrow()).as("the org keeps the number as typed").containsEntry("Phone", "(415) 555-0142");
	}

	@Test
	void makeACallDialsTheContactsNumberAndTheLogBecomesAnOutboundTask() {
		String contact = inSalesforce("Contact", Map.of("FirstName", "Tomas", "LastName", "Berg", "MobilePhone", "+45 20 12 34 56"));
		Page page = browser.signIn(ApiClient.AGENT);
		page.navigate("/records/Contact/" + contact);

		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Make a call")).click();
		assertThat(page.getByTestId("call-choices")).containsText("+45 20 12 34 56");
		page.getByTestId("call-choices").getByRole(AriaRole.BUTTON).first().click();
		assertThat(page.getByTestId("call-party")).hasText("Tomas Berg");
		assertThat(page.getByTestId("call-state")).containsText("Connected");
		Browser.screenshot(page, "salesforce-3-click-to-call");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("End call")).click();
		page.getByLabel("Subject").fill("Intro call");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save log")).click();
		assertThat(page.getByLabel("Calls and tasks")).containsText("Intro call", LIVE);

		assertThat(org.store().all("Task")).filteredOn(t -> contact.equals(t.get("WhoId"))).singleElement()
			.satisfies(t -> assertThat(t).containsEntry("Subject", "Intro call").containsEntry("CallType", "Outbound"));
	}

	@Test
	void theOpportunitysSpaceGetsAMessageWithAFileAndAStageChangeMadeInSalesforceArrivesAsTheBotsMessage() {
		assertThat(api().send(ApiClient.ADMIN, "PUT", "/api/admin/notifications/bot", "{\"accessToken\":\"" + BOT_TOKEN + "\"}").status())
			.isEqualTo(200);
		ApiClient.Response rule = api().send(ApiClient.ADMIN, "POST", "/api/admin/notifications/rules", "{\"name\":\"Stage in Salesforce\","
				+ "\"object\":\"Opportunity\",\"trackedFields\":[\"StageName\"],\"template\":\"Stage of [[Name]] moved from [[prior:StageName]]"
				+ " to [[StageName]]\",\"active\":true}");
		assertThat(rule.status()).as(rule.body()).isEqualTo(201);
		String opportunity = inSalesforce("Opportunity", Map.of("Name", "Stark Industries renewal", "StageName", "Prospecting", "CloseDate", "2027-02-28"));
		Page page = browser.signIn(ApiClient.AGENT);
		page.navigate("/records/Opportunity/" + opportunity);

		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create a space")).click();
		page.getByLabel("Add people").fill("admin");
		Locator admin = page.locator("#space-member-results li").filter(new Locator.FilterOptions().setHasText("admin@switchboard.test"));
		assertThat(admin).hasCount(1);
		assertThat(page.locator("#space-member-results li").allTextContents()).as("found by a name or email word, not by a Title word")
			.allSatisfy(person -> assertThat(person).containsIgnoringCase("admin"));
		admin.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Add")).click();
		assertThat(page.locator("[data-chosen]")).containsText("admin@switchboard.test");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create space")).click();
		assertThat(page.getByTestId("space-created")).containsText("created with 1 person added");

		page.getByLabel("Message (markdown)").fill("Quote attached, **valid until Friday**");
		page.getByLabel("Attach a file").setInputFiles(new FilePayload("quote.txt", "text/plain", "Quote 42: 1,200 seats".getBytes(StandardCharsets.UTF_8)));
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send")).click();
		Locator messages = page.getByTestId("record-spaces").getByTestId("messages");
		assertThat(messages.locator("strong")).hasText("valid until Friday");
		assertThat(messages.getByTestId("attachment")).hasText("quote.txt");
		Browser.screenshot(page, "salesforce-4-space-with-attachment");

		Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> stream.state().connected());
		control(org.baseUrl() + "/sandbox/records/Opportunity/" + opportunity, "PATCH", "{\"StageName\":\"Closed Won\"}");
		assertThat(messages).containsText("Stage of Stark Industries renewal moved from Prospecting to Closed Won", LIVE);
		Browser.screenshot(page, "salesforce-5-stage-change-from-salesforce-arrived");
	}

	/** A record made in Salesforce itself, as its users store it. */
	private String inSalesforce(String object, Map<String, Object> values) {
		return org.store().transaction(org.integrationUserId(), w -> w.create(org.store().schema().require(object), JSON.valueToTree(values)));
	}
}
