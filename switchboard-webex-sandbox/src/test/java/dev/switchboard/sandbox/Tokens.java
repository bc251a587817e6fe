package dev.switchboard.sandbox;

/** The seeded people's tokens (Webex's three-part form). */
final class Tokens {

	static final String ADMIN = of("admin@switchboard.test");
	static final String AGENT = of("agent@switchboard.test");
	static final String VIEWER = of("viewer@switchboard.test");
	static final String BOT = of("switchboard-bot@webex.bot");

	private Tokens() {
	}

	static String of(String email) {
		return SeedPerson.DEMO.stream().filter(p -> p.email().equals(email)).findFirst().orElseThrow().token();
	}
}
