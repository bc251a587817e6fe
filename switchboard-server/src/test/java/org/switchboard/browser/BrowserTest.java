package org.switchboard.browser;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.switchboard.crm.CrmRecords;
import org.switchboard.support.EmbeddedServerTest;

/** The embedded default with a fresh Chromium for each test. */
abstract class BrowserTest extends EmbeddedServerTest {

	@Autowired
	CrmRecords records;

	Browser browser;

	@BeforeEach
	void openBrowser() {
		browser = new Browser("http://localhost:" + port);
	}

	@AfterEach
	void closeBrowser() {
		browser.close();
	}
}
