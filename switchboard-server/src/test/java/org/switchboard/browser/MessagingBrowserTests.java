package org.switchboard.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.switchboard.crm.CrmRecord;

/** The agent's opportunity in Chromium: create its space with a colleague, post a message with an attachment, see replies live. */
class MessagingBrowserTests extends BrowserTest {

	@Autowired
	JdbcClient jdbc;

	@Test
	void theAgentCreatesTheOpportunitysSpaceAndPostsAMessageWithAnAttachment() throws Exception {
		CrmRecord opportunity = records.create("Opportunity",
				Map.of("Name", "Stark Industries renewal", "StageName", "Negotiation/Review", "CloseDate", "2027-02-28"), null);
		Page page = browser.signIn("agent@switchboard.test");
		page.navigate("/records/Opportunity/" + opportunity.id());
		assertThat(page.getByTestId("record-spaces")).containsText("No spaces yet");

		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create a space")).click();
		assertThat(page.getByLabel("Title")).hasValue("Stark Industries renewal");
		page.getByLabel("Add people").fill("admin");
		page.locator("#space-member-results").getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Add")).first().click();
		page.getByLabel("Add people").fill("nobody@example.com");
		page.getByLabel("Add people").press("Enter");
		assertThat(page.locator("[data-chosen]")).containsText("admin@switchboard.test");
		Browser.screenshot(page, "messaging-1-create-space");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create space")).click();

		assertThat(page.getByTestId("space-created")).containsText("created with 1 person added");
		assertThat(page.getByTestId("create-space")).hasCount(0); // the form closes once the space exists
		assertThat(page.getByTestId("not-added")).containsText("nobody@example.com");
		assertThat(page.getByTestId("record-spaces").getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Locator.GetByRoleOptions()
			.setName("Stark Industries renewal"))).isVisible();

		page.getByLabel("Message (markdown)").fill("Quote attached, **valid until Friday** <script>alert(1)</script>");
		page.getByLabel("Attach a file").setInputFiles(new FilePayload("quote.txt", "text/plain",
				"Quote 42: 1,200 seats".getBytes(StandardCharsets.UTF_8)));
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send")).click();

		var messages = page.getByTestId("record-spaces").getByTestId("messages");
		assertThat(messages.locator("strong")).hasText("valid until Friday");
		assertThat(messages).containsText("<script>alert(1)</script>");
		assertThat(messages.getByTestId("attachment")).hasText("quote.txt"); // the file's own name, not "Attachment 1"
		assertThat(messages.locator("script")).hasCount(0);

		page.getByLabel("Attach a file").setInputFiles(new FilePayload("floor-plan.png", "image/png", png()));
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send")).click();
		assertThat(messages.getByAltText("Preview of floor-plan.png")).isVisible(); // images show a preview
		assertThat(messages.getByTestId("attachment").last()).containsText("floor-plan.png");

		String roomId = jdbc.sql("SELECT room_id FROM messaging_space WHERE record_id = ?").param(opportunity.id()).query(String.class).single();
		postAsAdmin(roomId, "Thanks, forwarding to legal");
		assertThat(messages).containsText("Thanks, forwarding to legal");
		Browser.screenshot(page, "messaging-2-space-with-attachment-and-live-reply");

		var chat = page.getByTestId("chat-panel");
		chat.getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Stark Industries renewal")).click();
		assertThat(chat.getByTestId("messages")).containsText("Thanks, forwarding to legal");
		// Enter sends; Shift+Enter is a new line in the same message.
		var composer = chat.getByLabel("Message (markdown)");
		composer.fill("Sent from the chat panel");
		composer.press("Shift+Enter");
		composer.pressSequentially("second line");
		assertThat(composer).hasValue("Sent from the chat panel\nsecond line");
		composer.press("Enter");
		assertThat(chat.getByTestId("messages")).containsText("Sent from the chat panel");
		assertThat(chat.getByTestId("messages")).containsText("second line");
		assertThat(composer).hasValue("");
		assertThat(messages).containsText("Sent from the chat panel"); // the record's component gets it live too
		Browser.screenshot(page, "messaging-3-chat-panel");
	}

	@Test
	void theAdminSwitchesChatOffOnTheConsole() {
		Page page = browser.signIn("admin@switchboard.test");
		page.navigate("/admin#messaging");
		assertThat(page.getByTestId("messaging-admin")).isVisible();
		page.getByLabel("Enable chat (direct and group messaging) in the Webex panel for all Webex Users").uncheck();
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save chat")).click();
		page.waitForLoadState();
		assertThat(page.locator("#audit")).containsText("chat");
		assertThat(page.getByLabel("Enable chat (direct and group messaging) in the Webex panel for all Webex Users")).not().isChecked();
		assertThat(page.getByTestId("chat-panel")).hasCount(0);
		Browser.screenshot(page, "messaging-4-admin-chat-off");
		jdbc.sql("DELETE FROM platform_setting WHERE section = 'chat'").update();
	}

	/** A small PNG, drawn here. */
	private static byte[] png() throws java.io.IOException {
		java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(40, 30, java.awt.image.BufferedImage.TYPE_INT_RGB);
		java.awt.Graphics2D g = image.createGraphics();
		g.setColor(java.awt.Color.ORANGE);
		g.fillRect(5, 5, 30, 20);
		g.dispose();
		java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
		javax.imageio.ImageIO.write(image, "png", out);
		return out.toByteArray();
	}

	/** The admin answers from their own Webex app (the sandbox's API with the admin's token). */
	private static void postAsAdmin(String roomId, String text) throws Exception {
		HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + SANDBOX_PORT + "/v1/messages"))
			.header("Authorization", "Bearer c2FuZGJveC10b2tlbi1hZG1pbg_PF84_6f2a3b8c-0000-4000-8000-5a4db0c0ffee").header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"roomId\":\"" + roomId + "\",\"text\":\"" + text + "\"}")).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
	}
}
