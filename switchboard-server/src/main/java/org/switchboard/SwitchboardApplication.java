package org.switchboard;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.modulith.Modulithic;

/** Switchboard: Webex calling, messaging, meetings and webinars inside a CRM. */
@SpringBootApplication
@Modulithic(sharedModules = "platform")
public class SwitchboardApplication {

	public static void main(String[] args) {
		SpringApplication.run(SwitchboardApplication.class, args);
	}
}
