package org.switchboard.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.switchboard.crm.CrmRecord;
import org.switchboard.crm.CrmRecords;
import org.switchboard.crm.CrmSchema;
import org.switchboard.crm.FieldDescription;
import org.switchboard.crm.ObjectDescription;
import org.switchboard.support.ApiClient;
import org.switchboard.support.Caller;
import org.switchboard.support.Caller.Transport;
import org.switchboard.support.EmbeddedServerTest;
import org.switchboard.support.SetupRecords;
import org.switchboard.support.Spellings;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 9: a setup object or field spelled with a character that Java case-folds onto an ASCII letter (ſ, ı, İ, the
 * Kelvin sign) or with the Angstrom sign names nothing (404 for an object in the path, 400 for a field), and every
 * ASCII casing resolves exactly as the canonical name does, for every role, over HTTP Basic and over a session with
 * its CSRF token. Nothing is changed by a refused request.
 */
class CanonicalNamesOverHttpTests extends EmbeddedServerTest {

	private static final List<String> SETUP_OBJECTS = SetupRecords.OBJECTS;
	private static final List<String> ROLES = List.of(ApiClient.ADMIN, ApiClient.AGENT, ApiClient.VIEWER);
	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	CrmRecords records;

	@Autowired
	CrmSchema schema;

	private final Map<String, String> scratch = new LinkedHashMap<>();
	private final List<String[]> created = new ArrayList<>();
	private String viewerId;
	private String webexAdminSetId;

	@BeforeEach
	void scratchRecords() {
		viewerId = userId(ApiClient.VIEWER);
		webexAdminSetId = records.findByField("PermissionSet", "Name", PermissionSet.WEBEX_ADMIN.apiName()).get(0).id();
		String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 12);
		scratch.put("Profile", records.create("Profile", Map.of("Name", "Scratch " + suffix, "Description", "scratch"), null).id());
		scratch.put("PermissionSet", records.create("PermissionSet", Map.of("Name", "Scratch_" + suffix, "Label", "Scratch"), null).id());
		scratch.put("User", records.create("User", Map.of("Username", "scratch." + suffix + "@switchboard.test", "Email",
				"scratch." + suffix + "@switchboard.test", "LastName", "Scratch", "ProfileId", scratch.get("Profile")), null).id());
		scratch.put("PermissionSetAssignment", records.create("PermissionSetAssignment",
				Map.of("AssigneeId", scratch.get("User"), "PermissionSetId", scratch.get("PermissionSet")), null).id());
	}

	@AfterEach
	void dropScratchRecords() {
		for (int i = created.size() - 1; i >= 0; i--) {
			deleteQuietly(created.get(i)[0], created.get(i)[1]);
		}
		List.of("PermissionSetAssignment", "User", "PermissionSet", "Profile").forEach(o -> deleteQuietly(o, scratch.get(o)));
	}

	@Test
	void theReportedAttackAnswers404AndTheViewerStaysWithoutWebexAdmin() {
		String body = "{\"AssigneeId\":\"" + viewerId + "\",\"PermissionSetId\":\"" + webexAdminSetId + "\"}";
		Map<String, Map<String, CrmRecord>> before = setupSnapshot();

		for (Transport transport : Transport.values()) {
			Caller viewer = Caller.of(port, ApiClient.VIEWER, transport);
			HttpResponse<String> attack = viewer.json("POST", "/api/records/Permi%C5%BF%C5%BFionSetA%C5%BF%C5%BFignment", body);
			HttpResponse<String> plain = viewer.json("POST", "/api/records/PermissionSetAssignment", body);
			HttpResponse<String> profile = viewer.json("POST", "/api/records/Prof%C4%B1le", "{\"Name\":\"Sneaky\"}");

			assertThat(attack.statusCode()).as("attack " + viewer).isEqualTo(404);
			assertThat(attack.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
			assertThat(plain.statusCode()).as("plain " + viewer).isEqualTo(403);
			assertThat(profile.statusCode()).as("dotless i " + viewer).isEqualTo(404);
			assertThat(viewer.get("/api/admin/settings").statusCode()).isEqualTo(403);
		}
		HttpResponse<String> page = Caller.of(port, ApiClient.VIEWER, Transport.SESSION).send("POST",
				"/records/Permi%C5%BF%C5%BFionSetA%C5%BF%C5%BFignment", "application/x-www-form-urlencoded",
				"AssigneeId=" + viewerId + "&PermissionSetId=" + webexAdminSetId, "text/html");
		assertThat(page.statusCode()).as("the record form").isEqualTo(404);
		assertThat(setupSnapshot()).isEqualTo(before);
		assertThat(records.related("PermissionSetAssignment", "AssigneeId", viewerId, 100)).isEmpty();
	}

	/**
	 * Every role over a session reads, describes, creates, updates and deletes each setup object in ASCII casings and
	 * Unicode spellings; over HTTP Basic (a bcrypt check per request) every role makes the writes.
	 */
	@Test
	void everySetupObjectNameInAsciiCasingsResolvesAsItselfAndNoUnicodeSpellingNamesIt() {
		Map<String, Map<String, CrmRecord>> before = setupSnapshot();
		List<String> problems = new ArrayList<>();
		for (Caller caller : everyCaller()) {
			boolean session = caller.transport() == Transport.SESSION;
			for (String object : SETUP_OBJECTS) {
				List<String> casings = session ? Spellings.someAsciiCasings(object) : List.of(object.toLowerCase(java.util.Locale.ROOT));
				for (String casing : casings) {
					if (session) {
						same(problems, caller, "list " + casing, caller.get("/api/records/" + casing + "?limit=5"),
								caller.get("/api/records/" + object + "?limit=5"));
						same(problems, caller, "describe " + casing, caller.get("/api/objects/" + casing), caller.get("/api/objects/" + object));
						same(problems, caller, "read " + casing, caller.get("/api/records/" + casing + "/" + scratch.get(object)),
								caller.get("/api/records/" + object + "/" + scratch.get(object)));
					}
					HttpResponse<String> create = caller.json("POST", "/api/records/" + casing, createBody(object, caller));
					if (ApiClient.ADMIN.equals(caller.user())) {
						expect(problems, caller, "create " + casing + " " + create.body(), create.statusCode(), 201);
						if (create.statusCode() == 201) {
							String id = JSON.readTree(create.body()).get("id").asString();
							created.add(new String[] { object, id });
							expect(problems, caller, "created object of " + casing, records.objectOf(id).orElse(""), object);
						}
					}
					else {
						expect(problems, caller, "create " + casing, create.statusCode(), 403);
						expect(problems, caller, "update " + casing,
								caller.json("PATCH", "/api/records/" + casing + "/" + scratch.get(object), updateBody(object)).statusCode(), 403);
						expect(problems, caller, "delete " + casing,
								caller.json("DELETE", "/api/records/" + casing + "/" + scratch.get(object), null).statusCode(), 403);
					}
				}
				for (String spelling : Spellings.someUnicodeSpellings(object)) {
					String path = "/api/records/" + encode(spelling);
					if (session) {
						expect(problems, caller, "list " + spelling, caller.get(path + "?limit=5").statusCode(), 404);
						expect(problems, caller, "describe " + spelling, caller.get("/api/objects/" + encode(spelling)).statusCode(), 404);
						expect(problems, caller, "read " + spelling, caller.get(path + "/" + scratch.get(object)).statusCode(), 404);
					}
					expect(problems, caller, "create " + spelling, caller.json("POST", path, createBody(object, caller)).statusCode(), 404);
					expect(problems, caller, "update " + spelling,
							caller.json("PATCH", path + "/" + scratch.get(object), updateBody(object)).statusCode(), 404);
					expect(problems, caller, "delete " + spelling, caller.json("DELETE", path + "/" + scratch.get(object), null).statusCode(), 404);
				}
			}
		}
		assertThat(problems).isEmpty();
		Map<String, Map<String, CrmRecord>> after = setupSnapshot();
		created.forEach(c -> after.get(c[0]).remove(c[1]));
		assertThat(after).as("only the admin's creations changed setup records").isEqualTo(before);
	}

	/** Every role over a session; over HTTP Basic (a bcrypt check per request) the viewer, with the Unicode spellings. */
	@Test
	void everySetupFieldNameAndPathInAsciiCasingsReadsTheSameValueAndUnicodeSpellingsAre400() {
		List<String> problems = new ArrayList<>();
		List<Caller> callers = new ArrayList<>();
		ROLES.forEach(role -> callers.add(Caller.of(port, role, Transport.SESSION)));
		callers.add(Caller.of(port, ApiClient.VIEWER, Transport.BASIC));
		for (Caller caller : callers) {
			boolean session = caller.transport() == Transport.SESSION;
			for (String object : SETUP_OBJECTS) {
				String base = "/api/records/" + object + "/" + scratch.get(object) + "?fields=";
				for (String path : paths(schema.describe(object))) {
					if (session) {
						HttpResponse<String> canonical = caller.get(base + path);
						expect(problems, caller, object + "." + path, canonical.statusCode(), 200);
						JsonNode value = canonical.statusCode() == 200 ? JSON.readTree(canonical.body()).get("fields").get(path) : null;
						for (String casing : Spellings.someAsciiCasings(path)) {
							HttpResponse<String> read = caller.get(base + encode(casing));
							expect(problems, caller, object + "." + casing, read.statusCode(), 200);
							if (read.statusCode() == 200) {
								expect(problems, caller, object + "." + casing + " value",
										String.valueOf(JSON.readTree(read.body()).get("fields").get(path)), String.valueOf(value));
							}
						}
					}
					for (String spelling : Spellings.someUnicodeSpellings(path)) {
						expect(problems, caller, object + "." + spelling, caller.get(base + encode(spelling)).statusCode(), 400);
					}
				}
			}
		}
		assertThat(problems).isEmpty();
	}

	@Test
	void aWebexAdminWritesAFieldInAnyAsciiCasingAndAUnicodeSpellingIs400ChangingNothing() {
		String profile = "/api/records/Profile/" + scratch.get("Profile");
		for (Transport transport : Transport.values()) {
			Caller admin = Caller.of(port, ApiClient.ADMIN, transport);
			String text = "set over " + transport;
			assertThat(admin.json("PATCH", profile, "{\"DESCRIPTION\":\"" + text + "\"}").statusCode()).isEqualTo(200);
			for (String spelling : Spellings.someUnicodeSpellings("Description")) {
				HttpResponse<String> refused = admin.json("PATCH", profile, "{\"" + spelling + "\":\"changed\"}");
				assertThat(refused.statusCode()).as(spelling).isEqualTo(400);
				assertThat(JSON.readTree(refused.body()).get("errors").get(0).get("message").asString()).contains("unknown field");
			}
			HttpResponse<String> twice = admin.json("PATCH", profile, "{\"Description\":\"a\",\"description\":\"b\"}");
			assertThat(twice.statusCode()).isEqualTo(400);
			assertThat(records.get("Profile", scratch.get("Profile"), List.of("Description")).getString("Description")).isEqualTo(text);
		}
	}

	@Test
	void signInNamesAreAsciiAddressesComparedIgnoringAsciiCaseOnly() {
		assertThat(Caller.of(port, "ADMIN@Switchboard.TEST", Transport.BASIC).get("/api/admin/settings").statusCode()).isEqualTo(200);
		for (String lookalike : List.of("adm\u0130n@switchboard.test", "adm\u0131n@switchboard.test", "v\u0131ewer@switchboard.test",
				"agent@\u017Fwitchboard.test", "\u212Aate@switchboard.test")) {
			assertThat(Caller.of(port, lookalike, Transport.BASIC).get("/api/records/Contact?limit=1").statusCode()).as(lookalike)
				.isEqualTo(401);
		}
	}

	@Test
	void changesToUsersProfilesPermissionSetsAndAssignmentsAreAudited() {
		Caller admin = Caller.of(port, ApiClient.ADMIN, Transport.BASIC);
		String profile = JSON.readTree(admin.json("POST", "/api/records/Profile", "{\"Name\":\"Audited " + UUID.randomUUID() + "\"}").body())
			.get("id").asString();
		created.add(new String[] { "Profile", profile });
		admin.json("PATCH", "/api/records/Profile/" + profile, "{\"Description\":\"after\"}");
		String assignment = JSON.readTree(admin.json("POST", "/api/records/PermissionSetAssignment", "{\"AssigneeId\":\""
				+ scratch.get("User") + "\",\"PermissionSetId\":\"" + webexAdminSetId + "\"}").body()).get("id").asString();
		admin.json("DELETE", "/api/records/PermissionSetAssignment/" + assignment, null);

		JsonNode audit = JSON.readTree(admin.get("/api/admin/audit?limit=20").body());
		List<String> entries = new ArrayList<>();
		audit.forEach(e -> entries.add(e.get("actor").asString() + " " + e.get("action").asString() + " " + e.get("target").asString()
				+ " " + e.get("oldValue").asString() + " -> " + e.get("newValue").asString()));
		assertThat(entries).anyMatch(e -> e.startsWith(ApiClient.ADMIN + " access.Profile.created Profile " + profile))
			.anyMatch(e -> e.startsWith(ApiClient.ADMIN + " access.Profile.updated Profile " + profile) && e.endsWith("Description=after"))
			.anyMatch(e -> e.startsWith(ApiClient.ADMIN + " access.PermissionSetAssignment.created PermissionSetAssignment " + assignment)
					&& e.contains("PermissionSetId=" + webexAdminSetId))
			.anyMatch(e -> e.startsWith(ApiClient.ADMIN + " access.PermissionSetAssignment.deleted PermissionSetAssignment " + assignment));
		assertThat(audit.get(0).get("at").asString()).isNotBlank();
	}

	@Test
	void namesOfThousandsOfCharactersAreRefusedCleanly() {
		Caller admin = Caller.of(port, ApiClient.ADMIN, Transport.BASIC);
		String huge = "V" + "a_".repeat(1_500) + "_c";
		assertThat(admin.get("/api/records/" + "A".repeat(3_000)).statusCode()).isEqualTo(404);
		assertThat(admin.json("POST", "/api/objects", "{\"name\":\"" + huge + "\"}").statusCode()).isEqualTo(400);
		assertThat(admin.json("POST", "/api/objects/Contact/fields", "{\"name\":\"" + huge + "\",\"type\":\"string\"}").statusCode())
			.isEqualTo(400);
		assertThat(admin.get("/api/records/Contact/" + scratch.get("User") + "?fields=" + "Owner.".repeat(500) + "Name").statusCode())
			.isIn(400, 404);
	}

	private List<Caller> everyCaller() {
		List<Caller> callers = new ArrayList<>();
		for (String role : ROLES) {
			for (Transport transport : Transport.values()) {
				callers.add(Caller.of(port, role, transport));
			}
		}
		return callers;
	}

	/** Each field of the object and each relationship's path to the related record's Id. */
	private static List<String> paths(ObjectDescription object) {
		List<String> paths = new ArrayList<>();
		for (FieldDescription field : object.fields()) {
			paths.add(field.name());
			if (field.relationshipName() != null) {
				paths.add(field.relationshipName() + ".Id");
			}
		}
		return paths;
	}

	private String createBody(String object, Caller caller) {
		String unique = UUID.randomUUID().toString().replace("-", "").substring(0, 12);
		return switch (object) {
			case "User" -> "{\"Username\":\"made." + unique + "@switchboard.test\",\"Email\":\"made@switchboard.test\",\"LastName\":\"Made\","
					+ "\"ProfileId\":\"" + scratch.get("Profile") + "\"}";
			case "Profile" -> "{\"Name\":\"Made " + unique + "\"}";
			case "PermissionSet" -> "{\"Name\":\"Made_" + unique + "\",\"Label\":\"Made\"}";
			default -> ApiClient.ADMIN.equals(caller.user())
					? "{\"AssigneeId\":\"" + scratch.get("User") + "\",\"PermissionSetId\":\"" + scratch.get("PermissionSet") + "\"}"
					: "{\"AssigneeId\":\"" + viewerId + "\",\"PermissionSetId\":\"" + webexAdminSetId + "\"}";
		};
	}

	private String updateBody(String object) {
		return switch (object) {
			case "User" -> "{\"LastName\":\"Sneaky\",\"IsActive\":true}";
			case "Profile", "PermissionSet" -> "{\"Description\":\"sneaky\"}";
			default -> "{\"AssigneeId\":\"" + viewerId + "\",\"PermissionSetId\":\"" + webexAdminSetId + "\"}";
		};
	}

	private Map<String, Map<String, CrmRecord>> setupSnapshot() {
		return SetupRecords.snapshot(records);
	}

	private String userId(String username) {
		return records.findByField("User", "Username", username).get(0).id();
	}

	private void deleteQuietly(String object, String id) {
		if (id != null && records.objectOf(id).isPresent()) {
			records.delete(object, id, null);
		}
	}

	private static void same(List<String> problems, Caller caller, String what, HttpResponse<String> actual, HttpResponse<String> expected) {
		expect(problems, caller, what + " status", actual.statusCode(), expected.statusCode());
		expect(problems, caller, what + " body", actual.body(), expected.body());
	}

	private static void expect(List<String> problems, Caller caller, String what, Object actual, Object expected) {
		if (!expected.equals(actual)) {
			String shown = String.valueOf(actual);
			problems.add(what + " as " + caller + ": " + (shown.length() > 200 ? shown.substring(0, 200) : shown) + ", expected " + expected);
		}
	}

	private static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}
}
