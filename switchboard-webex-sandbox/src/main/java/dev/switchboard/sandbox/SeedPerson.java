package dev.switchboard.sandbox;

import java.util.List;

/** A person (or bot) the sandbox knows from the start, with a fixed token; {@code orgAdmin} gives the full-admin role. */
public record SeedPerson(String email, String firstName, String lastName, String type, String token, String phoneNumber,
		String extension, boolean orgAdmin) {

	public SeedPerson(String email, String firstName, String lastName, String type, String token, String phoneNumber,
			String extension) {
		this(email, firstName, lastName, type, token, phoneNumber, extension, false);
	}

	/** The Switchboard demo users and one bot. */
	public static final List<SeedPerson> DEMO = List.of(
			new SeedPerson("admin@switchboard.test", "Ada", "Admin", "person", "sandbox-token-admin", "+14155550001", "1001", true),
			new SeedPerson("agent@switchboard.test", "Alex", "Agent", "person", "sandbox-token-agent", "+14155550002", "1002"),
			new SeedPerson("viewer@switchboard.test", "Val", "Viewer", "person", "sandbox-token-viewer", "+14155550003", "1003"),
			new SeedPerson("switchboard-bot@webex.bot", "Switchboard", "Bot", "bot", "sandbox-token-bot", null, null));

	public String displayName() {
		return (firstName + " " + lastName).trim();
	}
}
