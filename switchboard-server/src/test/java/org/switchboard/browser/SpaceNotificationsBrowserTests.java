package org.switchboard.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.switchboard.crm.CrmRecord;
import org.switchboard.crm.CrmRecords;
import org.switchboard.support.ApiClient;
import org.switchboard.support.EmbeddedDefault;

/**
 * The newcomer's path on the embedded default, which registers the sandbox's bot and an example "Opportunity stage"
 * rule: create an opportunity's space, post with an attachment, and watch a stage change arrive as the bot's message.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SpaceNotificationsBrowserTests {

	private static final int SANDBOX_PORT = EmbeddedDefault.freePort();

	@LocalServerPort
	int port;

	@Autowired
	CrmRecords records;

	@DynamicPropertySource
	static void embeddedDefaultWithItsBotAndExampleRule(DynamicPropertyRegistry registry) {
		EmbeddedDefault.register(registry, SANDBOX_PORT);
	}

	@Test
	void aStageChangeArrivesLiveAsTheBotsMessageInTheOpportunitysSpace() {
		CrmRecord opportunity = records.create("Opportunity",
				Map.of("Name", "Wayne Enterprises expansion", "StageName", "Prospecting", "CloseDate", "2027-03-31"), null);
		try (Browser browser = new Browser("http://localhost:" + port)) {
			showsTheStageChangeLive(browser.signIn("agent@switchboard.test"), opportunity);
		}
	}

	private void showsTheStageChangeLive(Page page, CrmRecord opportunity) {
		page.navigate("/records/Opportunity/" + opportunity.id());

		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create a space")).click();
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create space")).click();
		assertThat(page.getByTestId("space-created")).containsText("created with 0 people added.");
		assertThat(page.getByTestId("space-created")).not().containsText("null");
		Browser.screenshot(page, "notifications-1-space-created");

		page.getByLabel("Message (markdown)").fill("Kick-off notes attached");
		page.getByLabel("Attach a file").setInputFiles(new FilePayload("notes.txt", "text/plain",
				"Budget approved in Q1".getBytes(StandardCharsets.UTF_8)));
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send")).click();
		Locator messages = page.getByTestId("record-spaces").getByTestId("messages");
		assertThat(messages).containsText("Kick-off notes attached");

		ApiClient.Response changed = new ApiClient(port).send(ApiClient.ADMIN, "PATCH", "/api/records/Opportunity/" + opportunity.id(),
				"{\"StageName\":\"Closed Won\"}");
		assertThat(changed.status()).isEqualTo(200);

		assertThat(messages).containsText("Stage of Wayne Enterprises expansion moved from Prospecting to Closed Won",
				new LocatorAssertions.ContainsTextOptions().setTimeout(20_000));
		Browser.screenshot(page, "notifications-2-stage-change-arrived-live");
	}
}
