package org.switchboard.webinars;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.switchboard.crm.CrmRecord;
import org.switchboard.crm.CustomFieldDefinition;
import org.switchboard.crm.CustomObjectDefinition;
import org.springframework.beans.factory.annotation.Autowired;
import org.switchboard.crm.CrmSchema;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.switchboard.support.ApiClient;
import org.switchboard.support.EmbeddedDefault;

import tools.jackson.databind.JsonNode;

/** Webinars on the embedded default (H2): mappings, merge policies, the insert-new toggle, permissions, bad input, the widget. */
class WebinarsTests extends WebinarImportContract {

	private static final int SANDBOX_PORT = EmbeddedDefault.freePort();

	@Autowired
	CrmSchema schema;

	@DynamicPropertySource
	static void embeddedDefault(DynamicPropertyRegistry registry) {
		EmbeddedDefault.register(registry, SANDBOX_PORT);
	}

	@Override
	int sandboxPort() {
		return SANDBOX_PORT;
	}

	@AfterEach
	void restoreSettings() {
		jdbc.sql("DELETE FROM platform_setting WHERE section = 'webinars'").update();
		sandbox("DELETE", "/sandbox/faults", null);
	}

	@Test
	void aMappingWithAnUnknownFieldATypeMismatchNoOrABadPrimaryKeyIsRefusedNamingItAndNothingIsSaved() {
		leadMapping("fillBlanks", false, "campaignMembers");
		String before = api().get(ADMIN, "/api/admin/webinars/mappings").body();
		String good = "\"fields\":{\"LastName\":\"lastName\",\"Email\":\"email\",\"Company\":\"companyName\"";
		assertRefused("{\"primaryKey\":\"Email\",\"mergePolicy\":\"overwrite\",\"campaignLink\":\"both\"," + good + ",\"Shoe_Size__c\":\"city\"}}",
				"fields.Shoe_Size__c", "is not a field of Lead");
		assertRefused("{\"primaryKey\":\"Email\",\"mergePolicy\":\"overwrite\",\"campaignLink\":\"both\"," + good + ",\"NumberOfEmployees\":\"zipCode\"}}",
				"fields.NumberOfEmployees", "is a number field");
		assertRefused("{\"mergePolicy\":\"overwrite\",\"campaignLink\":\"both\"," + good + "}}", "primaryKey", "is required");
		assertRefused("{\"primaryKey\":\"Description\",\"mergePolicy\":\"overwrite\",\"campaignLink\":\"both\"," + good + ",\"Description\":\"city\"}}",
				"primaryKey", "cannot be unique");
		assertRefused("{\"primaryKey\":\"Email\",\"mergePolicy\":\"overwrite\",\"campaignLink\":\"both\",\"fields\":{\"Email\":\"email\",\"Company\":\"companyName\"}}",
				"fields.LastName", "is required");
		assertRefused("{\"primaryKey\":\"Email\",\"mergePolicy\":\"sometimes\",\"campaignLink\":\"both\"," + good + "}}", "mergePolicy", "must be one of");
		assertRefused("{\"primaryKey\":\"Email\",\"mergePolicy\":\"skip\",\"campaignLink\":\"both\"," + good + ",\"City\":\"favouriteColour\"}}",
				"fields.City", "is not a standard registration field");
		assertThat(api().send(ADMIN, "PUT", "/api/admin/webinars/mappings/Planet", "{}").status()).isEqualTo(400);
		assertThat(api().get(ADMIN, "/api/admin/webinars/mappings").body()).isEqualTo(before);
		assertThat(api().send(ApiClient.AGENT, "PUT", "/api/admin/webinars/mappings/Lead", "{}").status()).isEqualTo(403);
	}

	@Test
	void anUnmappedLeadOpensWithASuggestedMappingThatIsNotSavedUntilTheAdminSavesItAsShown() {
		for (String object : List.of("Lead", "Contact")) {
			assertThat(api().send(ADMIN, "DELETE", "/api/admin/webinars/mappings/" + object, null).status()).isIn(204, 404);
		}
		String custom = "Visitor" + System.nanoTime() % 100_000 + "__c";
		schema.defineObject(new CustomObjectDefinition(custom, "Visitor", "Visitors"));
		JsonNode webinar = generate("\"registrants\":1", 1);

		String lead = mappingForm(ADMIN, "Lead");
		assertThat(lead).contains("(suggested, not saved)").contains("data-testid=\"mapping-suggested-Lead\"")
			.contains("not saved yet").contains("Nothing is imported into").doesNotContain("data-delete-mapping");
		assertThat(rows(lead)).containsExactly(Map.entry("FirstName", "firstName"), Map.entry("LastName", "lastName"), Map.entry("Email", "email"),
				Map.entry("Company", "companyName"), Map.entry("Title", "jobTitle"), Map.entry("Phone", "phoneNumber"),
				Map.entry("Street", "address1"), Map.entry("City", "city"), Map.entry("State", "state"), Map.entry("PostalCode", "zipCode"),
				Map.entry("Country", "countryRegion"));
		assertThat(selected(lead, "primaryKey")).isEqualTo("Email");
		assertThat(selected(lead, "mergePolicy")).isEqualTo("fillBlanks");
		assertThat(selected(lead, "campaignLink")).isEqualTo("campaignMembers");
		Map<String, String> contactRows = rows(mappingForm(ADMIN, "Contact"));
		assertThat(contactRows).containsEntry("MailingStreet", "address1").containsEntry("MailingCountry", "countryRegion")
			.doesNotContainKeys("Company", "Street").doesNotContainValue("address2");
		assertThat(mappingForm(ADMIN, custom)).contains("(no mapping)").doesNotContain("mapping-suggested").doesNotContain("data-target=");

		// not saved: the API still has no Lead mapping, and an import into Lead is refused as before
		assertThat(api().get(ADMIN, "/api/admin/webinars/mappings").json().get("mappings")).noneSatisfy(
				m -> assertThat(m.get("object").asString()).isIn("Lead", "Contact"));
		String path = "/api/webinars/" + webinar.get("id").asString() + "/imports";
		ApiClient.Response refused = api().send(ADMIN, "POST", path, "{\"object\":\"Lead\",\"people\":[\"registrants\"]}");
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.body()).contains("has no import mapping");

		// saved as shown (the body the console's script sends), by a Webex Admin only, and still checked: Company is required on Lead
		String shown = formBody(lead);
		assertThat(api().send(ApiClient.AGENT, "PUT", "/api/admin/webinars/mappings/Lead", shown).status()).isEqualTo(403);
		assertRefused(shown.replace("\"Company\":\"companyName\",", ""), "fields.Company", "is required on Lead");
		assertThat(api().get(ADMIN, "/api/admin/webinars/mappings").json().get("mappings")).noneSatisfy(
				m -> assertThat(m.get("object").asString()).isEqualTo("Lead"));
		ApiClient.Response saved = api().send(ADMIN, "PUT", "/api/admin/webinars/mappings/Lead", shown);
		assertThat(saved.status()).as(saved.body()).isEqualTo(200);
		assertThat(mapping("Lead").get("fields").properties()).hasSize(11);
		String after = mappingForm(ADMIN, "Lead");
		assertThat(after).contains("(mapped)").doesNotContain("not saved yet").contains("data-delete-mapping");
		assertThat(rows(after)).isEqualTo(rows(lead));
		JsonNode job = importAndWait(webinar, "Lead", null);
		assertThat(job.get("created").asInt()).as(job.toString()).isEqualTo(1);
		CrmRecord imported = records.findByField("Lead", "Email", "person0@" + webinar.get("generated").get("domain").asString()).get(0);
		assertThat(imported.getString("Street")).isEqualTo("0 Market Street");
		assertThat(imported.getString("PostalCode")).isEqualTo("94105");
		assertThat(imported.getString("Country")).isEqualTo("United States");
		assertThat(imported.getString("Phone")).isEqualTo("+1 415 555 0000");
	}

	@Test
	void changingThePrimaryKeyAsksForConfirmation() {
		leadMapping("fillBlanks", false, "campaignMembers");
		String byLastName = """
				{"primaryKey":"LastName","mergePolicy":"fillBlanks","campaignLink":"campaignMembers",
				 "fields":{"LastName":"lastName","Email":"email","Company":"companyName"}}""";
		ApiClient.Response unconfirmed = api().send(ADMIN, "PUT", "/api/admin/webinars/mappings/Lead", byLastName);
		assertThat(unconfirmed.status()).isEqualTo(409);
		assertThat(unconfirmed.json().get("detail").asString()).contains("records already imported keep their old key");
		assertThat(mapping("Lead").get("primaryKey").asString()).isEqualTo("Email");
		assertThat(api().send(ADMIN, "PUT", "/api/admin/webinars/mappings/Lead?confirm=true", byLastName).status()).isEqualTo(200);
		assertThat(mapping("Lead").get("primaryKey").asString()).isEqualTo("LastName");
	}

	@Test
	void eachMergePolicyTreatsAnExistingRecordItsOwnWay() {
		for (String policy : List.of("fillBlanks", "overwrite", "skip")) {
			JsonNode webinar = generate("\"registrants\":3", 1);
			String domain = webinar.get("generated").get("domain").asString();
			String id = records.create("Lead", Map.of("LastName", "Before", "Company", "Old Co", "Email", "person1@" + domain), null).id();
			leadMapping(policy, false, "campaignMembers");

			JsonNode job = importAndWait(webinar, "Lead", null);

			CrmRecord lead = records.get("Lead", id, List.of());
			assertThat(records.findByField("Lead", "Email", "person1@" + domain)).as(policy).hasSize(1);
			assertThat(job.get("created").asInt()).as(policy).isEqualTo(2);
			switch (policy) {
				case "fillBlanks" -> {
					assertThat(lead.getString("Company")).isEqualTo("Old Co");
					assertThat(lead.getString("FirstName")).isEqualTo("First1");
					assertThat(job.get("updated").asInt()).isEqualTo(1);
				}
				case "overwrite" -> {
					assertThat(lead.getString("Company")).isEqualTo("Company 1");
					assertThat(lead.getString("LastName")).isEqualTo("Last1");
					assertThat(job.get("updated").asInt()).isEqualTo(1);
				}
				default -> {
					assertThat(lead.getString("Company")).isEqualTo("Old Co");
					assertThat(lead.getString("FirstName")).isNull();
					assertThat(job.get("skipped").asInt()).isEqualTo(1);
				}
			}
		}
	}

	@Test
	void insertNewPerWebinarOnCreatesNewRecordsPerWebinarOnceAndOffReusesThem() {
		String domain = "shared-" + System.nanoTime() + ".example.com";
		JsonNode a = generate("\"registrants\":5,\"domain\":\"" + domain + "\"", 2);
		JsonNode b = generate("\"registrants\":5,\"domain\":\"" + domain + "\"", 3);
		JsonNode c = generate("\"registrants\":5,\"domain\":\"" + domain + "\"", 4);
		leadMapping("fillBlanks", false, "campaignMembers");
		importAndWait(a, "Lead", null);
		JsonNode reused = importAndWait(b, "Lead", null);
		assertThat(reused.get("created").asInt()).isZero();
		assertThat(records.findByField("Lead", "Email", "person3@" + domain)).hasSize(1);

		leadMapping("fillBlanks", true, "campaignMembers");
		assertThat(importAndWait(c, "Lead", null).get("created").asInt()).isEqualTo(5);
		assertThat(records.findByField("Lead", "Email", "person3@" + domain)).hasSize(2);
		assertThat(importAndWait(c, "Lead", null).get("created").asInt()).as("already imported for the same webinar").isZero();
		assertThat(records.findByField("Lead", "Email", "person3@" + domain)).hasSize(2);
	}

	@Test
	void aCustomObjectTargetGetsRecordsAndWebinarMembersOnly() {
		String object = "Guest" + System.nanoTime() % 100_000 + "__c";
		schema.defineObject(new CustomObjectDefinition(object, "Guest", "Guests"));
		schema.defineField(object, new CustomFieldDefinition("Mail__c", "Mail", "email", List.of(), List.of(), false));
		ApiClient.Response saved = api().send(ADMIN, "PUT", "/api/admin/webinars/mappings/" + object, """
				{"primaryKey":"Mail__c","mergePolicy":"fillBlanks","campaignLink":"webinarMembers","fields":{"Name":"lastName","Mail__c":"email"}}""");
		assertThat(saved.status()).as(saved.body()).isEqualTo(200);
		assertThat(api().send(ADMIN, "PUT", "/api/admin/webinars/mappings/" + object, """
				{"primaryKey":"Mail__c","mergePolicy":"fillBlanks","campaignLink":"both","fields":{"Name":"lastName","Mail__c":"email"}}""").status())
			.as("only Leads and Contacts can be campaign members").isEqualTo(400);
		JsonNode webinar = generate("\"registrants\":4,\"attendees\":2", -1);

		JsonNode job = importAndWait(webinar, object, null);

		assertThat(job.get("created").asInt()).isEqualTo(4);
		assertThat(count(object)).isEqualTo(4);
		List<CrmRecord> members = records.findAllByField(WebinarMemberObject.NAME, "Webinar_Id__c", List.of(webinar.get("id").asString()));
		assertThat(members).hasSize(4).allSatisfy(m -> assertThat(m.getString("Record_Id__c")).startsWith(schema.describe(object).keyPrefix()));
		assertThat(members).filteredOn(m -> "attendee".equals(m.getString("Role__c"))).hasSize(2);
	}

	@Test
	void onlyImportAdminsTheSettingsAllowMayImport() {
		leadMapping("fillBlanks", false, "campaignMembers");
		JsonNode webinar = generate("\"registrants\":1", 1);
		String path = "/api/webinars/" + webinar.get("id").asString() + "/imports";
		String body = "{\"object\":\"Lead\",\"people\":[\"registrants\"]}";
		assertThat(api().send(ApiClient.VIEWER, "POST", path, body).status()).isEqualTo(403);
		assertThat(api().send(ApiClient.AGENT, "POST", path, body).status()).isEqualTo(403);
		String adminId = records.findByField("User", "Username", ADMIN).get(0).id();
		String profile = records.get("User", adminId, List.of("ProfileId")).getString("ProfileId");
		String otherProfile = records.search("Profile", "Read Only", 0, 1).records().get(0).id();

		settings("false", "[]", "[]");
		assertThat(api().send(ADMIN, "POST", path, body).status()).isEqualTo(403);
		settings("false", "[\"" + otherProfile + "\"]", "[]");
		assertThat(api().send(ADMIN, "POST", path, body).status()).isEqualTo(403);
		settings("false", "[\"" + profile + "\"]", "[]");
		assertThat(api().send(ADMIN, "POST", path, body).status()).isEqualTo(202);
		settings("false", "[]", "[\"" + adminId + "\"]");
		assertThat(api().send(ADMIN, "POST", path, body).status()).isEqualTo(202);
		assertThat(api().send(ADMIN, "PUT", "/api/admin/settings/webinars",
				"{\"pastDays\":30,\"upcomingDays\":30,\"import\":{\"enabledForAll\":false,\"profiles\":[\"001000000000000AAA\"]}}").status()).isEqualTo(400);
	}

	@Test
	void badImportRequestsAreRefusedAndStartNothing() {
		leadMapping("fillBlanks", false, "campaignMembers");
		JsonNode webinar = generate("\"registrants\":1", 1);
		String path = "/api/webinars/" + webinar.get("id").asString() + "/imports";
		long imports = imports();
		assertThat(api().send(ADMIN, "POST", "/api/webinars/ffffffffffffffffffffffffffffffff/imports",
				"{\"object\":\"Lead\",\"people\":[\"registrants\"]}").status()).isEqualTo(404);
		assertThat(api().send(ADMIN, "POST", path, "{\"object\":\"Lead\",\"people\":[\"fans\"]}").status()).isEqualTo(400);
		assertThat(api().send(ADMIN, "POST", path, "{\"object\":\"Lead\",\"people\":[]}").status()).isEqualTo(400);
		assertThat(api().send(ADMIN, "POST", path, "{\"object\":\"Opportunity\",\"people\":[\"registrants\"]}").status()).isEqualTo(400);
		assertThat(api().send(ADMIN, "POST", path, "{\"object\":\"Lead\",\"people\":[\"registrants\"],\"campaignId\":\"nope\"}").status()).isEqualTo(400);
		assertThat(api().send(ADMIN, "POST", path, null).status()).isEqualTo(400);
		assertThat(api().get(ADMIN, "/api/imports/00000000-0000-0000-0000-000000000000").status()).isEqualTo(404);
		assertThat(imports()).isEqualTo(imports);
	}

	@Test
	void aStormOf429And503FromWebexMidImportStillImportsEveryone() {
		leadMapping("fillBlanks", false, "campaignMembers");
		JsonNode webinar = generate("\"registrants\":800,\"attendees\":300", -2);
		// Only the paged registrant reads fail: starting the import reads the webinar itself, and a refused start is a 502 by design.
		sandbox("PUT", "/sandbox/faults", "{\"rate\":0.3,\"statuses\":[429,503],\"retryAfterSeconds\":0,\"path\":\"/v1/meetings/"
				+ webinar.get("id").asString() + "/registrants\"}");

		JsonNode job = importAndWait(webinar, "Lead", null);

		assertThat(job.get("state").asString()).isEqualTo("done");
		assertThat(job.get("created").asInt()).isEqualTo(800);
		assertThat(count("Lead")).isGreaterThanOrEqualTo(800);
	}

	@Test
	void theWidgetListsPastAndUpcomingWebinarsWithinTheDayRangesWithTheirCounts() {
		String recent = generate("\"registrants\":3,\"invitees\":2,\"attendees\":1", -10).get("id").asString();
		String old = generate("\"registrants\":1", -40).get("id").asString();
		String soon = generate("\"registrants\":1", 5).get("id").asString();
		String far = generate("\"registrants\":1", 50).get("id").asString();
		settings("true", "[]", "[]");

		JsonNode past = api().get(ADMIN, "/api/webinars?when=past").json().get("webinars");
		JsonNode upcoming = api().get(ADMIN, "/api/webinars?when=upcoming").json().get("webinars");

		assertThat(past).extracting(w -> w.get("webinarId").asString()).contains(recent).doesNotContain(old, soon, far);
		assertThat(upcoming).extracting(w -> w.get("webinarId").asString()).contains(soon).doesNotContain(old, recent, far);
		JsonNode counted = java.util.stream.StreamSupport.stream(past.spliterator(), false)
			.filter(w -> w.get("webinarId").asString().equals(recent)).findFirst().orElseThrow();
		assertThat(counted.get("registrants").asInt()).isEqualTo(3);
		assertThat(counted.get("invitees").asInt()).isEqualTo(2);
		assertThat(counted.get("attendees").asInt()).isEqualTo(1);
		assertThat(api().get(ADMIN, "/api/webinars?when=someday").status()).isEqualTo(400);
		assertThat(api().get(ApiClient.VIEWER, "/api/webinars").status()).isEqualTo(403);
		assertThat(api().get(ADMIN, "/").body()).contains("data-testid=\"webinars-widget\"").contains(recent);
	}

	@Test
	void aWebinarThatRanThreeTimesCountsAndImportsTheAttendeesOfEveryOccurrenceWithTheirMinutesAdded() {
		leadMapping("fillBlanks", false, "webinarMembers");
		settings("true", "[]", "[]");
		// Attendee n joins occurrence n % 3 and attendee 0 joins all three; the last occurrence alone has persons 0, 2 and 5.
		JsonNode webinar = generate("\"registrants\":7,\"attendees\":7,\"occurrences\":3", -4);
		assertThat(webinar.get("generated").get("endedOccurrences").asInt()).isEqualTo(3);
		String domain = webinar.get("generated").get("domain").asString();

		JsonNode listed = java.util.stream.StreamSupport.stream(api().get(ADMIN, "/api/webinars?when=past").json().get("webinars").spliterator(), false)
			.filter(w -> w.get("webinarId").asString().equals(webinar.get("id").asString())).findFirst().orElseThrow();
		assertThat(listed.get("attendees").asInt()).isEqualTo(7);
		JsonNode job = importAndWait(webinar, "Lead", null);

		assertThat(job.get("created").asInt()).isEqualTo(7);
		List<CrmRecord> members = records.findAllByField(WebinarMemberObject.NAME, "Webinar_Id__c", List.of(webinar.get("id").asString()));
		assertThat(members).hasSize(7).allSatisfy(m -> assertThat(m.get("Attended__c")).isEqualTo(true));
		String person0 = records.findByField("Lead", "Email", "person0@" + domain).get(0).id();
		String person1 = records.findByField("Lead", "Email", "person1@" + domain).get(0).id();
		assertThat(minutes(person0)).as("three full hours").isEqualTo(180);
		assertThat(minutes(person1)).as("one hour, a minute late and a minute early").isEqualTo(58);
	}

	private int minutes(String leadId) {
		return ((Number) records.findAllByField(WebinarMemberObject.NAME, "Lead__c", List.of(leadId)).get(0).get("Minutes__c")).intValue();
	}

	private void settings(String forAll, String profiles, String users) {
		ApiClient.Response saved = api().send(ADMIN, "PUT", "/api/admin/settings/webinars",
				"{\"pastDays\":30,\"upcomingDays\":30,\"import\":{\"enabledForAll\":" + forAll + ",\"profiles\":" + profiles + ",\"users\":" + users + "}}");
		assertThat(saved.status()).as(saved.body()).isEqualTo(200);
	}

	private void assertRefused(String mapping, String field, String message) {
		ApiClient.Response refused = api().send(ADMIN, "PUT", "/api/admin/webinars/mappings/Lead?confirm=true", mapping);
		assertThat(refused.status()).as(refused.body()).isEqualTo(400);
		assertThat(refused.json().get("errors")).anySatisfy(e -> {
			assertThat(e.get("field").asString()).isEqualTo(field);
			assertThat(e.get("message").asString()).contains(message);
		});
	}

	/** The console's mapping form of {@code object}, as the server renders it. */
	private String mappingForm(String user, String object) {
		String console = api().send(user, "GET", "/admin", null).body();
		int start = console.indexOf("id=\"mapping-" + object + "\"");
		assertThat(start).as("a mapping form for " + object).isPositive();
		return console.substring(start, console.indexOf("</form>", start));
	}

	private static Map<String, String> rows(String form) {
		Map<String, String> rows = new java.util.LinkedHashMap<>();
		java.util.regex.Matcher row = java.util.regex.Pattern.compile("<tr data-target=\"([^\"]*)\" data-source=\"([^\"]*)\"").matcher(form);
		while (row.find()) {
			rows.put(row.group(1), row.group(2));
		}
		return rows;
	}

	private static String selected(String form, String name) {
		String select = form.substring(form.indexOf("name=\"" + name + "\""));
		java.util.regex.Matcher option = java.util.regex.Pattern.compile("<option value=\"([^\"]*)\"[^>]*selected").matcher(
				select.substring(0, select.indexOf("</select>")));
		return option.find() ? option.group(1) : null;
	}

	/** The PUT body webinars.js builds from the form as shown. */
	private static String formBody(String form) {
		tools.jackson.databind.node.ObjectNode body = tools.jackson.databind.json.JsonMapper.builder().build().createObjectNode();
		body.put("primaryKey", selected(form, "primaryKey"));
		body.put("insertNewPerWebinar", form.matches("(?s).*name=\"insertNewPerWebinar\"[^>]*checked.*"));
		body.put("mergePolicy", selected(form, "mergePolicy"));
		body.put("campaignLink", selected(form, "campaignLink"));
		rows(form).forEach(body.putObject("fields")::put);
		return body.toString();
	}

	private JsonNode mapping(String object) {
		for (JsonNode m : api().get(ADMIN, "/api/admin/webinars/mappings").json().get("mappings")) {
			if (m.get("object").asString().equals(object)) {
				return m;
			}
		}
		throw new AssertionError("no mapping for " + object);
	}

	private long imports() {
		return jdbc.sql("SELECT COUNT(*) FROM webinar_import").query(Long.class).single();
	}

}
