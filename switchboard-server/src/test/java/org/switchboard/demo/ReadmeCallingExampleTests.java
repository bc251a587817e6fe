package org.switchboard.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.switchboard.crm.CrmRecords;
import org.switchboard.crm.PhoneMatch;
import org.switchboard.support.EmbeddedServerTest;

/** Issue 15 item 10: every number the README rings the agent from belongs to a demo contact or lead. */
class ReadmeCallingExampleTests extends EmbeddedServerTest {

	private static final Pattern FROM_NUMBER = Pattern.compile("\"fromNumber\":\"([^\"]+)\"");

	@Autowired
	CrmRecords records;

	@Test
	void theReadmesExampleCallsRingDemoRecords() throws IOException {
		String readme = Files.readString(Path.of("..", "README.md"));
		Matcher numbers = FROM_NUMBER.matcher(readme);
		int found = 0;
		while (numbers.find()) {
			found++;
			List<PhoneMatch> matches = records.findByPhone(numbers.group(1),
					Map.of("Contact", Set.of("Phone", "MobilePhone"), "Lead", Set.of("Phone", "MobilePhone")));
			assertThat(matches).as("demo records with the README's number %s (a demo contact's number: %s)", numbers.group(1),
					records.find("Contact", null, 12).stream().map(c -> c.name() + "=" + c.fields().get("Phone") + "/" + c.fields().get("MobilePhone")).toList()).isNotEmpty();
		}
		assertThat(found).as("example numbers in the README").isPositive();
	}
}
