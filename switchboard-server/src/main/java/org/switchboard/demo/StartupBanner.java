package org.switchboard.demo;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Tells a newcomer where the server is and how to sign in. */
@Component
class StartupBanner {

	private final boolean demo;

	StartupBanner(@Value("${switchboard.demo.enabled:true}") boolean demo) {
		this.demo = demo;
	}

	@EventListener
	void on(ApplicationReadyEvent ready) {
		if (!(ready.getApplicationContext() instanceof WebServerApplicationContext web)) {
			return;
		}
		StringBuilder banner = new StringBuilder("\n\n  Switchboard is running at http://localhost:")
			.append(web.getWebServer().getPort()).append('\n');
		if (demo) {
			banner.append("  Demo logins (password \"").append(DemoUsers.PASSWORD).append("\"):\n")
				.append("    ").append(DemoUsers.ADMIN).append("   Webex Admin, Webex User, Webex Import Admin\n")
				.append("    ").append(DemoUsers.AGENT).append("   Webex User\n")
				.append("    ").append(DemoUsers.VIEWER).append("  no Webex permission set\n");
		}
		System.out.println(banner);
	}
}
