import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.*;
import com.microsoft.playwright.options.AriaRole;

/** The Done-when by hand: Lead mapping on the console, import of the demo webinar with a campaign, then the same through the API. */
public class Walk {

	static final String BASE = "http://localhost:18720";
	static final Path SHOTS = Paths.get(System.getProperty("shots", "shots"));

	public static void main(String[] args) throws Exception {
		try (Playwright pw = Playwright.create()) {
			Browser browser = pw.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(Paths.get("/usr/bin/chromium"))
				.setHeadless(true).setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run")));
			BrowserContext context = browser.newContext(new Browser.NewContextOptions().setBaseURL(BASE).setViewportSize(1280, 900));
			Page page = context.newPage();
			page.setDefaultTimeout(60_000);
			page.navigate("/login");
			page.getByLabel("Email").fill("admin@switchboard.test");
			page.getByLabel("Password").fill("switchboard");
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
			page.waitForURL("**/");
			shot(page, "0-home");

			page.navigate("/admin#webinars");
			Locator form = page.locator("#mapping-Lead");
			Map<String, String> fields = Map.of("FirstName", "firstName", "LastName", "lastName", "Email", "email", "Company", "companyName");
			int row = form.locator("[data-rows] tr").count();
			System.out.println("mapping rows before: " + row);
			for (Map.Entry<String, String> field : fields.entrySet()) {
				form.getByTestId("mapping-add-Lead").click();
				form.locator("[data-rows] tr").nth(row).locator("[data-target]").selectOption(field.getKey());
				form.locator("[data-rows] tr").nth(row).locator("[data-source]").selectOption(field.getValue());
				row++;
			}
			form.getByTestId("mapping-key-Lead").selectOption("Email");
			form.locator("[name=mergePolicy]").selectOption("fillBlanks");
			form.locator("[name=campaignLink]").selectOption("campaignMembers");
			shot(page, "1-lead-mapping");
			page.onDialog(d -> { System.out.println("dialog: " + d.message()); d.accept(); });
			form.getByTestId("mapping-save-Lead").click();
			page.waitForTimeout(1500);
			System.out.println("mapping form says: " + form.innerText().replace('\n', ' ').substring(0, Math.min(300, form.innerText().length())));
			shot(page, "2-lead-mapping-saved");

			page.navigate("/");
			Locator widget = page.getByTestId("webinars-widget");
			Locator item = widget.locator("[data-webinar-id]").filter(new Locator.FilterOptions().setHasText("Switchboard launch webinar"));
			item.getByTestId("webinar-counts").filter(new Locator.FilterOptions().setHasText("registrants")).waitFor();
			System.out.println("widget: " + item.innerText().replace('\n', ' '));
			String webinarId = item.getAttribute("data-webinar-id");
			shot(page, "3-home-widget");
			item.getByTestId("webinar-import").click();

			Locator importForm = page.getByTestId("webinar-import-form");
			importForm.locator("[name=object]").selectOption("Lead");
			Locator campaignOption = importForm.locator("[name=campaignId] option").nth(1);
			String campaignId = campaignOption.getAttribute("value");
			System.out.println("campaign: " + campaignOption.innerText() + " " + campaignId);
			importForm.locator("[name=campaignId]").selectOption(campaignId);
			shot(page, "4-import-form");
			Locator bar = page.getByTestId("import-bar");
			long clicked = System.nanoTime();
			importForm.getByTestId("webinar-import-start").click();
			boolean midShot = false;
			while (!"done".equals(page.getByTestId("import-state").innerText()) && !"failed".equals(page.getByTestId("import-state").innerText())) {
				String value = bar.getAttribute("value");
				int percent = value == null || value.isBlank() ? 0 : (int) Double.parseDouble(value);
				if (!midShot && percent >= 30 && percent < 100) {
					System.out.printf("mid-way %d %% at %.1f s%n", percent, (System.nanoTime() - clicked) / 1e9);
					shot(page, "5-import-midway");
					midShot = true;
				}
				page.waitForTimeout(100);
			}
			double seconds = (System.nanoTime() - clicked) / 1e9;
			System.out.printf("browser import: click to %s in %.1f s; bar %s; %s%n", page.getByTestId("import-state").innerText(), seconds,
					bar.getAttribute("value"), page.getByTestId("import-counts").innerText());
			shot(page, "6-import-done");
			String report = page.getByTestId("import-report").getAttribute("href");
			APIResponse csv = context.request().get(report);
			String body = csv.text();
			System.out.println("report " + report + ": " + csv.status() + ", " + body.lines().count() + " lines; first: " + body.lines().limit(3).toList());
			java.nio.file.Files.writeString(SHOTS.resolve("report-1.csv"), body);
			page.getByTestId("import-campaign").click();
			page.waitForLoadState();
			page.waitForTimeout(1000);
			shot(page, "7-campaign");
			String members = page.locator("section[aria-label='Campaign members']").innerText().replace("\n", " | ");
			System.out.println("campaign members section: " + members.substring(0, Math.min(300, members.length())));

			// The same through the API (HTTP Basic), timed from POST to done.
			HttpClient http = HttpClient.newHttpClient();
			String auth = "Basic " + Base64.getEncoder().encodeToString("admin@switchboard.test:switchboard".getBytes());
			long posted = System.nanoTime();
			HttpResponse<String> started = http.send(HttpRequest.newBuilder(URI.create(BASE + "/api/webinars/" + webinarId + "/imports"))
				.header("Authorization", auth).header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString("{\"object\":\"Lead\",\"people\":[\"invitees\",\"registrants\",\"attendees\"],\"campaignId\":\"" + campaignId + "\"}"))
				.build(), HttpResponse.BodyHandlers.ofString());
			System.out.println("API POST: " + started.statusCode() + " " + started.body());
			String importId = started.body().replaceAll(".*\"importId\"\\s*:\\s*\"([^\"]+)\".*", "$1");
			String status;
			while (true) {
				status = http.send(HttpRequest.newBuilder(URI.create(BASE + "/api/imports/" + importId)).header("Authorization", auth).build(),
						HttpResponse.BodyHandlers.ofString()).body();
				if (status.contains("\"state\":\"done\"") || status.contains("\"state\":\"failed\"")) {
					break;
				}
				Thread.sleep(100);
			}
			System.out.printf("API import: POST to done in %.1f s: %s%n", (System.nanoTime() - posted) / 1e9, status);
			String report2 = http.send(HttpRequest.newBuilder(URI.create(BASE + "/api/imports/" + importId + "/report.csv")).header("Authorization", auth).build(),
					HttpResponse.BodyHandlers.ofString()).body();
			java.nio.file.Files.writeString(SHOTS.resolve("report-2.csv"), report2);
			System.out.println("report 2: " + report2.lines().count() + " lines; first: " + report2.lines().limit(3).toList());
			browser.close();
		}
	}

	static void shot(Page page, String name) {
		page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve(name + ".png")).setFullPage(true));
	}
}
