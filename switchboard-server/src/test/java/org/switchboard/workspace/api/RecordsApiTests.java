package org.switchboard.workspace.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.switchboard.support.ApiClient.ADMIN;
import static org.switchboard.support.ApiClient.AGENT;
import static org.switchboard.support.ApiClient.VIEWER;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.switchboard.support.ApiClient;
import org.switchboard.support.ApiClient.Response;
import org.switchboard.support.H2Memory;

/** The records and objects API over real HTTP with the demo users. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RecordsApiTests {

	@LocalServerPort
	int port;

	ApiClient api;

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		H2Memory.register(registry);
	}

	@BeforeEach
	void client() {
		api = new ApiClient(port);
	}

	@Test
	void anUnauthenticatedCallGets401ProblemDetails() {
		Response response = api.get(null, "/api/records/Contact");
		assertThat(response.status()).isEqualTo(401);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(api.send(null, "POST", "/api/records/Contact", "{\"LastName\":\"X\"}").status()).isEqualTo(401);
	}

	@Test
	void theDemoDataIsThereAndSearchable() {
		Response contacts = api.get(AGENT, "/api/records/Contact?limit=5");
		assertThat(contacts.status()).isEqualTo(200);
		assertThat(contacts.json().get("total").asLong()).isGreaterThanOrEqualTo(500);
		assertThat(contacts.json().get("records")).hasSize(5);
		assertThat(api.get(AGENT, "/api/records/Lead?limit=1").json().get("total").asLong()).isGreaterThanOrEqualTo(300);
		assertThat(api.get(AGENT, "/api/records/Account?limit=1").json().get("total").asLong()).isGreaterThanOrEqualTo(50);
	}

	@Test
	void createsReadsUpdatesAndDeletesARecord() {
		Response created = api.send(AGENT, "POST", "/api/records/Contact", "{\"FirstName\":\"Rita\",\"LastName\":\"Ramos\",\"Phone\":\"415.555.0142\"}");
		assertThat(created.status()).isEqualTo(201);
		String id = created.json().get("id").asString();

		Response read = api.get(AGENT, "/api/records/Contact/" + id + "?fields=Name,Phone,Owner.Name");
		assertThat(read.json().get("fields").get("Name").asString()).isEqualTo("Rita Ramos");
		assertThat(read.json().get("fields").get("Owner.Name").asString()).isEqualTo("Alex Agent");

		assertThat(api.send(AGENT, "PATCH", "/api/records/Contact/" + id, "{\"Phone\":\"+1 (415) 555-0199\"}").status()).isEqualTo(200);
		assertThat(api.get(AGENT, "/api/records/Contact/" + id + "?fields=Phone").json().get("fields").get("Phone").asString())
			.isEqualTo("+1 (415) 555-0199");
		assertThat(api.send(AGENT, "DELETE", "/api/records/Contact/" + id, null).status()).isEqualTo(204);
		assertThat(api.get(AGENT, "/api/records/Contact/" + id).status()).isEqualTo(404);
	}

	@Test
	void aWrongValueGets400NamingTheFieldAndChangesNothing() {
		String id = api.send(AGENT, "POST", "/api/records/Lead", "{\"LastName\":\"Ng\",\"Company\":\"Umbrella\"}").json().get("id").asString();

		Response rejected = api.send(AGENT, "PATCH", "/api/records/Lead/" + id, "{\"Company\":\"Changed\",\"NumberOfEmployees\":\"many\"}");

		assertThat(rejected.status()).isEqualTo(400);
		assertThat(rejected.json().get("errors").get(0).get("field").asString()).isEqualTo("NumberOfEmployees");
		assertThat(api.get(AGENT, "/api/records/Lead/" + id + "?fields=Company").json().get("fields").get("Company").asString())
			.isEqualTo("Umbrella");
	}

	@Test
	void anUnknownObjectIs404AndUnknownFieldsAndMalformedJson400() {
		assertThat(api.get(AGENT, "/api/records/Starship").status()).isEqualTo(404);
		assertThat(api.get(AGENT, "/api/records/Starship").json().get("detail").asString()).contains("Starship");
		Response unknownField = api.send(AGENT, "POST", "/api/records/Contact", "{\"LastName\":\"X\",\"Warp__c\":9}");
		assertThat(unknownField.json().get("errors").get(0).get("field").asString()).isEqualTo("Warp__c");
		assertThat(api.send(AGENT, "POST", "/api/records/Contact", "{\"LastName\": ").status()).isEqualTo(400);
	}

	@Test
	void onlyWebexAdminsDefineCustomObjectsAndFields() {
		String object = "{\"name\":\"Vendor__c\",\"label\":\"Vendor\"}";
		assertThat(api.send(AGENT, "POST", "/api/objects", object).status()).isEqualTo(403);
		assertThat(api.send(ADMIN, "POST", "/api/objects", object).status()).isEqualTo(201);
		assertThat(api.send(ADMIN, "POST", "/api/objects", object).status()).isEqualTo(409);
		assertThat(api.send(ADMIN, "POST", "/api/objects/Vendor__c/fields", "{\"name\":\"Hotline__c\",\"type\":\"phone\"}").status())
			.isEqualTo(201);
		assertThat(api.send(ADMIN, "POST", "/api/objects/Contact/fields", "{\"name\":\"Email\",\"type\":\"email\"}").status())
			.isEqualTo(400);
		assertThat(api.get(VIEWER, "/api/objects/Vendor__c").json().get("fields").findValuesAsString("name")).contains("Hotline__c");
	}

	@Test
	void onlyWebexAdminsChangeUsersAndPermissionSets() {
		assertThat(api.send(AGENT, "POST", "/api/records/Profile", "{\"Name\":\"Sneaky\"}").status()).isEqualTo(403);
		assertThat(api.send(ADMIN, "POST", "/api/records/Profile", "{\"Name\":\"Support\"}").status()).isEqualTo(201);
	}

	@Test
	void describesObjectsWithApiFieldTypes() {
		Response contact = api.get(VIEWER, "/api/objects/Contact");
		assertThat(contact.json().get("fields").findValuesAsString("name")).contains("Phone", "MobilePhone", "HomePhone",
				"OtherPhone", "AssistantPhone", "Fax", "AccountId", "OwnerId");
		assertThat(api.get(VIEWER, "/api/objects").json().findValuesAsString("name")).contains("User", "Profile",
				"PermissionSet", "PermissionSetAssignment", "Account", "Contact", "Lead", "Case", "Opportunity", "Campaign",
				"CampaignMember", "Task", "Event");
	}
}
