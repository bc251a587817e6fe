package org.switchboard.calling;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.switchboard.support.ApiClient;
import org.switchboard.support.EmbeddedServerTest;

import tools.jackson.databind.JsonNode;

/** The calling sections of /api/admin/settings: validated against the CRM's describe, audited, nothing partly saved. */
class CallingSettingsTests extends EmbeddedServerTest {

	@Autowired
	JdbcClient jdbc;

	@AfterEach
	void restoreDefaults() {
		jdbc.sql("DELETE FROM platform_setting WHERE section IN ('search', 'phoneFields', 'callLogs', 'callLogDetails', 'callHistory')").update();
	}

	@Test
	void theSettingsDocumentHasEveryCallingSectionWithDefaults() {
		JsonNode settings = api().get(ApiClient.ADMIN, "/api/admin/settings").json();

		assertThat(settings.get("search").get("dialer").get("contacts").asBoolean()).isTrue();
		assertThat(settings.get("phoneFields").get("Contact")).extracting(JsonNode::asString).contains("Phone", "MobilePhone");
		assertThat(settings.get("callLogs").get("outbound").get("relatedObjects")).extracting(JsonNode::asString).contains("Account", "Case", "Opportunity");
		assertThat(settings.get("callLogDetails").get(1).get("accountField").asString()).isEqualTo("AccountId");
		assertThat(settings.get("callHistory").get("enabled").asBoolean()).isTrue();
	}

	@Test
	void aNonPhoneFieldAsAPhoneFieldIsRefusedNamingItAndNothingIsSaved() {
		ApiClient.Response refused = put("phoneFields", "{\"Contact\":[\"Phone\",\"Email\"],\"Lead\":[\"Phone\"]}");

		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("Contact.Email");
		assertThat(refused.json().get("errors").get(0).get("message").asString()).contains("not a phone field");
		assertThat(phoneFieldsOfLead()).contains("MobilePhone");
	}

	@Test
	void unknownObjectsFieldsAndWhatTargetsAreRefused() {
		assertThat(put("phoneFields", "{\"Gadget__c\":[\"Phone\"]}").json().get("errors").get(0).get("field").asString()).isEqualTo("Gadget__c");
		assertThat(put("phoneFields", "{\"Lead\":[\"Fax2\"]}").status()).isEqualTo(400);
		ApiClient.Response user = put("callLogs", "{\"outbound\":{\"enabled\":true,\"relatedObjects\":[\"User\"]},\"inbound\":{\"enabled\":true,\"relatedObjects\":[]}}");
		assertThat(user.status()).isEqualTo(400);
		assertThat(user.json().get("errors").get(0).get("field").asString()).isEqualTo("outbound.relatedObjects.User");
		assertThat(put("callLogs", "{\"outbound\":{\"enabled\":true,\"relatedObjects\":[]}}").status()).as("inbound missing").isEqualTo(400);
		assertThat(put("search", "{\"dialer\":{\"contacts\":true,\"leads\":true}}").status()).as("incomplete").isEqualTo(400);
		assertThat(put("callHistory", "{\"enabled\":\"sometimes\"}").status()).isEqualTo(400);
		assertThat(api().get(ApiClient.ADMIN, "/api/admin/settings").json().get("callLogs").get("outbound").get("relatedObjects"))
			.extracting(JsonNode::asString).doesNotContain("User");
	}

	@Test
	void callLogDetailsNeedARealAccountFieldRealFieldsAndOneEntryPerObject() {
		ApiClient.Response badAccountField = put("callLogDetails", "[{\"object\":\"Case\",\"accountField\":\"ContactId\",\"fields\":[\"Subject\"]}]");
		assertThat(badAccountField.status()).isEqualTo(400);
		assertThat(badAccountField.json().get("errors").get(0).get("field").asString()).isEqualTo("[0].accountField");
		ApiClient.Response badPath = put("callLogDetails", "[{\"object\":\"Case\",\"accountField\":\"AccountId\",\"fields\":[\"Subject\",\"Account.Nope\"]}]");
		assertThat(badPath.json().get("errors").get(0).get("field").asString()).isEqualTo("[0].fields.Account.Nope");
		assertThat(put("callLogDetails", "[{\"object\":\"Case\",\"accountField\":\"AccountId\",\"fields\":[\"Subject\"]},"
				+ "{\"object\":\"Case\",\"accountField\":\"AccountId\",\"fields\":[\"Status\"]}]").status()).isEqualTo(400);

		assertThat(put("callLogDetails", "[{\"object\":\"Case\",\"accountField\":\"AccountId\",\"fields\":[\"Subject\",\"Account.Owner.Name\"]}]").status()).isBetween(200, 204);
		assertThat(api().get(ApiClient.ADMIN, "/api/admin/settings").json().get("callLogDetails")).hasSize(1);
	}

	@Test
	void settingsNameObjectsFieldsAndPathsExactlyAsTheDescribeSpellsThem() {
		ApiClient.Response lowerCase = put("callLogDetails", "[{\"object\":\"Case\",\"accountField\":\"AccountId\",\"fields\":[\"account.owner.name\"]}]");
		assertThat(lowerCase.status()).isEqualTo(400);
		assertThat(lowerCase.json().get("errors").get(0).get("message").asString()).contains("'Account.Owner.Name'");
		ApiClient.Response longS = put("callLogDetails", "[{\"object\":\"Case\",\"accountField\":\"AccountId\",\"fields\":[\"\u017Fubject\"]}]");
		assertThat(longS.status()).isEqualTo(400);
		assertThat(put("phoneFields", "{\"Contact\":[\"Phone\"],\"Lead\":[\"Phone\",\"Mob\u0131lePhone\"]}").status()).isEqualTo(400);
		assertThat(put("callLogs", "{\"outbound\":{\"enabled\":true,\"relatedObjects\":[\"Ca\u017Fe\"]},\"inbound\":{\"enabled\":true,\"relatedObjects\":[]}}").status())
			.isEqualTo(400);
		assertThat(api().get(ApiClient.ADMIN, "/api/admin/settings").json().get("callLogDetails").toString()).doesNotContain("account.owner");
	}

	@Test
	void everyChangeIsAuditedWithWhoAndOldAndNewValues() {
		assertThat(put("callHistory", "{\"enabled\":false}").status()).isBetween(200, 204);

		JsonNode entry = api().get(ApiClient.ADMIN, "/api/admin/audit").json().get(0);
		assertThat(entry.toString()).contains("callHistory").contains("admin@switchboard.test");
		assertThat(entry.toString()).contains("{\\\"enabled\\\":true}").contains("{\\\"enabled\\\":false}");
	}

	@Test
	void onlyWebexAdminsMayChangeCallingSettings() {
		assertThat(api().send(ApiClient.AGENT, "PUT", "/api/admin/settings/callHistory", "{\"enabled\":false}").status()).isEqualTo(403);
		assertThat(api().get(ApiClient.AGENT, "/api/admin/settings").status()).isEqualTo(403);
	}

	private String phoneFieldsOfLead() {
		return api().get(ApiClient.ADMIN, "/api/admin/settings").json().get("phoneFields").get("Lead").toString();
	}

	private ApiClient.Response put(String section, String json) {
		return api().send(ApiClient.ADMIN, "PUT", "/api/admin/settings/" + section, json);
	}
}
