package org.switchboard.browser;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;

import com.microsoft.playwright.Browser.NewContextOptions;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;

/**
 * Debian's Chromium driven by Playwright, headless, with the flags this machine needs (no sandbox as root,
 * no background networking on a closed network). Playwright never downloads a browser here.
 */
final class Browser implements AutoCloseable {

	static final Path SCREENSHOTS = Paths.get("target", "browser-screenshots");
	private static final List<String> FLAGS = List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
			"--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage");

	private final Playwright playwright;
	private final com.microsoft.playwright.Browser browser;
	private final BrowserContext context;

	Browser(String baseUrl) {
		playwright = Playwright.create();
		browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
			.setExecutablePath(Paths.get("/usr/bin/chromium")).setHeadless(true).setArgs(FLAGS));
		context = browser.newContext(new NewContextOptions().setBaseURL(baseUrl).setViewportSize(1280, 900));
	}

	Page signIn(String email) {
		Page page = context.newPage();
		page.navigate("/login");
		page.getByLabel("Email").fill(email);
		page.getByLabel("Password").fill("switchboard");
		page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
		page.waitForURL("**/");
		return page;
	}

	/** A new tab, not signed in. */
	Page newPage() {
		return context.newPage();
	}

	static void screenshot(Page page, String name) {
		page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")).setFullPage(true));
	}

	@Override
	public void close() {
		context.close();
		browser.close();
		playwright.close();
	}
}
