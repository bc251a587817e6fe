package dev.switchboard.sandbox;

import java.util.List;

/**
 * A person (or bot) the sandbox knows from the start, with a fixed token in Webex's three-part form
 * {@code <secret>_<cluster>_<org uuid>} (Cisco's SDKs read the org from the third part).
 *
 * @param orgAdmin holds the org's full-admin role: may create {@code ownedBy: org} webhooks
 */
public record SeedPerson(String email, String firstName, String lastName, String type, String token, String phoneNumber,
		String extension, boolean orgAdmin) {

	/** The sandbox org's UUID: the last part of every token and the value of every {@code orgId}. */
	public static final String ORG_UUID = "6f2a3b8c-0000-4000-8000-5a4db0c0ffee";

	/** The Switchboard demo users and one bot. */
	public static final List<SeedPerson> DEMO = List.of(
			new SeedPerson("admin@switchboard.test", "Ada", "Admin", "person", token("c2FuZGJveC10b2tlbi1hZG1pbg"), "+14155550001", "1001", true),
			new SeedPerson("agent@switchboard.test", "Alex", "Agent", "person", token("c2FuZGJveC10b2tlbi1hZ2VudA"), "+14155550002", "1002", false),
			new SeedPerson("viewer@switchboard.test", "Val", "Viewer", "person", token("c2FuZGJveC10b2tlbi12aWV3ZXI"), "+14155550003", "1003", false),
			new SeedPerson("switchboard-bot@webex.bot", "Switchboard", "Bot", "bot", token("c2FuZGJveC10b2tlbi1ib3Q"), null, null, false));

	private static String token(String secret) {
		return secret + "_PF84_" + ORG_UUID;
	}

	public String displayName() {
		return (firstName + " " + lastName).trim();
	}
}
