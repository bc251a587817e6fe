package org.switchboard.crm.salesforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.salesforce.sandbox.RunningSalesforce;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.switchboard.crm.CrmRecord;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.switchboard.crm.CrmException;
import org.switchboard.crm.CrmRecordsContract;
import org.switchboard.crm.CustomObjectDefinition;
import org.switchboard.support.H2Memory;
import org.switchboard.crm.RecordChanged;
import org.switchboard.crm.StaleRecordException;
import org.switchboard.platform.errors.FieldProblem;
import org.switchboard.platform.errors.Refusal;
import org.springframework.jdbc.core.simple.JdbcClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

/** The CRM contract on the Salesforce adapter, against the Salesforce double the server starts and connects to. */
class SalesforceCrmTests extends CrmRecordsContract {

	static final int BULK_THRESHOLD = 3;

	@DynamicPropertySource
	static void salesforce(DynamicPropertyRegistry registry) {
		H2Memory.register(registry);
		registry.add("switchboard.crm", () -> "salesforce");
		registry.add("switchboard.salesforce.sandbox.enabled", () -> "true");
		registry.add("switchboard.salesforce.sandbox.port", () -> "0");
		registry.add("switchboard.salesforce.sandbox.pubsub-port", () -> "0");
		registry.add("switchboard.salesforce.retry-backoff", () -> "10ms");
		// Batches of three or more go through Bulk API 2.0 here, so the contract's batch tests run on Bulk too.
		registry.add("switchboard.salesforce.bulk.threshold", () -> String.valueOf(BULK_THRESHOLD));
		registry.add("switchboard.salesforce.bulk.first-poll", () -> "10ms");
	}

	@Override
	protected boolean definesCustomObjects() {
		return false;
	}

	@Override
	protected boolean checksBatchesSetWise() {
		return false;
	}

	/**
	 * Salesforce stamps LastModifiedById with the integration user that made the call, not the Switchboard actor
	 * (Switchboard users are not mapped to Salesforce users until they sign in with Salesforce, issue 13 item 4).
	 */
	@Override
	protected boolean recordsWritesAsTheActor() {
		return false;
	}

	/** Phones are found with SOSL IN PHONE FIELDS; there is no local tail index to clean up. */
	@Override
	protected boolean indexesPhoneTails() {
		return false;
	}

	@Autowired
	RunningSalesforce org;

	@Test
	void recentlyModifiedByTheIntegrationUserIsNewestFirstThroughSoql() {
		String first = records.create("Contact", java.util.Map.of("LastName", "Recent first"), null).id();
		org.store().moveClockAhead(java.time.Duration.ofMillis(5));
		String lead = records.create("Lead", java.util.Map.of("LastName", "Recent lead", "Company", "Initech"), null).id();
		org.store().moveClockAhead(java.time.Duration.ofMillis(5));
		records.update("Contact", first, java.util.Map.of("Title", "Changed last"), null);

		assertThat(records.recentlyModifiedBy(org.integrationUserId(), java.util.List.of("Contact", "Lead"), 2)).extracting(CrmRecord::id)
			.containsExactly(first, lead);
		assertThat(records.recentlyModifiedBy("not-an-id", java.util.List.of("Contact"), 2)).isEmpty();
	}

	@Test
	void searchFindsByNameEmailAndCompanyWordsNotByAWordSoslFoundInAnotherField() {
		String word = "Zeph" + java.util.UUID.randomUUID().toString().replace("-", "").substring(0, 8);
		String byName = records.create("Contact", java.util.Map.of("LastName", word + "son"), null).id();
		String byEmail = records.create("Contact", java.util.Map.of("LastName", "Mailed", "Email", word.toLowerCase() + "@example.com"), null).id();
		records.create("Contact", java.util.Map.of("LastName", "Titled", "Title", word + " Administration"), null);
		records.create("Lead", java.util.Map.of("LastName", "Described", "Company", "Acme", "Description", word), null);

		assertThat(records.find("Contact", word, 8)).extracting(CrmRecord::id).containsExactlyInAnyOrder(byName, byEmail);
		assertThat(records.search("Contact", word.toLowerCase(), 0, 20).records()).extracting(CrmRecord::id)
			.containsExactlyInAnyOrder(byName, byEmail);
		assertThat(records.search("Contact", word, 0, 20).total()).isEqualTo(2);
		assertThat(records.find("Lead", word, 8)).as("a Description is not searched").isEmpty();
	}

	@Test
	void saysThatCustomObjectsAreDefinedInSalesforceSetup() {
		assertThatThrownBy(() -> schema.defineObject(new CustomObjectDefinition("Project__c", "Project", "Projects")))
			.isInstanceOf(CrmException.class).hasMessageContaining("defined in Setup");
	}

	@Autowired
	SalesforceSession session;

	@Autowired
	JdbcClient jdbc;

	@Test
	void createsABatchAtTheThresholdThroughOneBulkJobWithIdsInInputOrder() {
		String word = uniqueLetters(8);
		List<Map<String, Object>> values = List.of(Map.of("LastName", word + "a", "Email", "a@" + word + ".test"),
				Map.of("LastName", word + "b"), Map.of("LastName", word + "c", "Title", "Quoted, \"with\" comma\nand a line"));
		int calls = org.apiRequestsUsed();

		List<String> ids = records.createAll("Contact", values, null);

		assertThat(org.apiRequestsUsed() - calls).as("job create, upload, close, poll, two result reads").isGreaterThanOrEqualTo(6);
		assertThat(ids).hasSize(3).doesNotHaveDuplicates();
		for (int i = 0; i < 3; i++) {
			assertThat(records.get("Contact", ids.get(i), List.of("LastName", "Title")).fields()).containsAllEntriesOf(
					Map.of("LastName", values.get(i).get("LastName")));
		}
		assertThat(records.get("Contact", ids.get(2), List.of("Title")).getString("Title")).isEqualTo("Quoted, \"with\" comma\nand a line");
		assertThat(events.stream(RecordChanged.class).filter(e -> ids.contains(e.recordId()))).hasSize(3);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM crm_salesforce_bulk_job").query(Integer.class).single()).isZero();
	}

	@Test
	void aBulkBatchWithOneBadRowNamesItByItsInputPositionAndKeepsNothing() {
		String word = uniqueLetters(8);
		String missingAccount = "001000000000000AAA";
		List<Map<String, Object>> values = List.of(Map.of("LastName", word), Map.of("LastName", word),
				Map.of("LastName", word, "AccountId", missingAccount), Map.of("LastName", word));

		assertThatThrownBy(() -> records.createAll("Contact", values, null)).isInstanceOfSatisfying(CrmException.class, e -> {
			assertThat(e.refusal()).isEqualTo(Refusal.INVALID);
			assertThat(e.errors()).extracting(FieldProblem::field).containsExactly("[2].AccountId");
		});
		assertThat(records.find("Contact", word, 10)).as("the rows Bulk created were deleted again").isEmpty();
	}

	@Test
	void aBulkJobLeftByAStoppedServerIsWaitedForAndItsRecordsTakenOverNotCreatedTwice() throws Exception {
		String word = uniqueLetters(8);
		List<Map<String, Object>> values = List.of(Map.of("LastName", word + "a"), Map.of("LastName", word + "b"),
				Map.of("LastName", word + "c"), Map.of("LastName", word + "d"));
		String orphan = startJobAsAStoppedServerWould("Contact", "LastName\n" + word + "a\n" + word + "b\n" + word + "c\n");

		List<String> ids = records.createAll("Contact", values, null);

		assertThat(records.find("Contact", word, 10)).extracting(CrmRecord::id).containsExactlyInAnyOrderElementsOf(ids);
		assertThat(ids).hasSize(4).doesNotHaveDuplicates();
		assertThat(jdbc.sql("SELECT COUNT(*) FROM crm_salesforce_bulk_job WHERE job_id = ?").param(orphan).query(Integer.class).single()).isZero();
	}

	@Test
	void aFieldTheIntegrationUserCannotSeeIsNamedWithItsObjectAndFieldLevelSecurity() {
		assertThatThrownBy(() -> records.create("Contact", Map.of("LastName", "Fls", "Secret_Score__c", "9"), null))
			.isInstanceOfSatisfying(CrmException.class, e -> assertThat(e.errors()).singleElement().satisfies(p -> {
				assertThat(p.field()).isEqualTo("Secret_Score__c");
				assertThat(p.message()).contains("Contact.Secret_Score__c").contains("field-level security");
			}));
		assertThatThrownBy(() -> records.createAll("Contact", List.of(Map.of("LastName", "A"), Map.of("LastName", "B"),
				Map.of("LastName", "C", "Secret_Score__c", "9")), null))
			.isInstanceOfSatisfying(CrmException.class, e -> assertThat(e.errors()).extracting(FieldProblem::field).containsExactly("[2].Secret_Score__c"));
	}

	@Test
	void aStaleVersionIsRefusedAndAFreshOneWritesThroughIfUnmodifiedSince() {
		String id = records.create("Account", Map.of("Name", "Versioned " + uniqueLetters(6)), null).id();
		String read = records.version("Account", id).tag();
		records.update("Account", id, Map.of("Phone", "1"), null, read);
		String now = records.version("Account", id).tag();

		assertThat(records.get("Account", id, List.of("Phone")).getString("Phone")).isEqualTo("1");
		assertThatThrownBy(() -> records.update("Account", id, Map.of("Phone", "2"), null, "2020-01-01T00:00:00.000+0000"))
			.isInstanceOf(StaleRecordException.class);
		assertThatThrownBy(() -> records.update("Account", id, Map.of("Phone", "2"), null, "not a date"))
			.isInstanceOf(CrmException.class);
		assertThat(records.get("Account", id, List.of("Phone")).getString("Phone")).isEqualTo("1");
		assertThat(records.version("Account", id).tag()).isEqualTo(now);
	}

	@Test
	void aSaveLandingBetweenTheVersionCheckAndThePatchIsRefusedBySalesforceAsStale() {
		String id = records.create("Account", Map.of("Name", "Raced " + uniqueLetters(6)), null).id();
		String read = records.version("Account", id).tag();
		org.beforeNextCall("PATCH", () -> {
			org.store().moveClockAhead(java.time.Duration.ofSeconds(2));
			org.store().transaction(org.integrationUserId(), w -> {
				w.update(org.store().schema().require("Account"), id, tools.jackson.databind.json.JsonMapper.builder().build()
					.readTree("{\"Phone\":\"theirs\"}"));
				return null;
			});
		});

		assertThatThrownBy(() -> records.update("Account", id, Map.of("Phone", "mine"), null, read))
			.isInstanceOfSatisfying(StaleRecordException.class, e -> assertThat(e.current().tag()).isNotEqualTo(read));
		assertThat(records.get("Account", id, List.of("Phone")).getString("Phone")).isEqualTo("theirs");
	}

	/** Creates, uploads and closes an insert job and records it as this server's, as a server stopped mid-job leaves it. */
	private String startJobAsAStoppedServerWould(String object, String csv) throws Exception {
		HttpClient http = HttpClient.newHttpClient();
		String base = session.instanceUrl() + "/services/data/v66.0/jobs/ingest";
		String job = http.send(authorized(base).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"object\":\"" + object + "\",\"operation\":\"insert\"}")).build(),
				HttpResponse.BodyHandlers.ofString()).body();
		String id = job.replaceAll(".*\"id\"\\s*:\\s*\"(\\w+)\".*", "$1");
		jdbc.sql("INSERT INTO crm_salesforce_bulk_job (job_id, object_name, created_date) VALUES (?, ?, CURRENT_TIMESTAMP)").params(id, object).update();
		http.send(authorized(base + "/" + id + "/batches").header("Content-Type", "text/csv").PUT(HttpRequest.BodyPublishers.ofString(csv)).build(),
				HttpResponse.BodyHandlers.ofString());
		http.send(authorized(base + "/" + id).header("Content-Type", "application/json")
			.method("PATCH", HttpRequest.BodyPublishers.ofString("{\"state\":\"UploadComplete\"}")).build(), HttpResponse.BodyHandlers.ofString());
		return id;
	}

	private HttpRequest.Builder authorized(String url) {
		return HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + session.accessToken());
	}
}
