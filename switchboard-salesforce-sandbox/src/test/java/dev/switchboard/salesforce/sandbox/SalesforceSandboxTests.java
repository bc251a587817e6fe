package dev.switchboard.salesforce.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.switchboard.salesforce.sandbox.records.Ids;
import dev.switchboard.salesforce.pubsub.RecordChange;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class SalesforceSandboxTests {

	static final JsonMapper JSON = JsonMapper.builder().build();
	static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
	static RunningSalesforce org;
	static String token;
	static String refresh;
	static final List<RecordChange> changes = new java.util.concurrent.CopyOnWriteArrayList<>();

	@BeforeAll
	static void connect() throws Exception {
		org = SalesforceSandbox.start(SalesforceSandbox.Options.defaults());
		org.store().onChange(changes::add);
		JsonNode tokens = authorize("verifier-" + "x".repeat(50), true);
		token = tokens.path("access_token").asString();
		refresh = tokens.path("refresh_token").asString();
	}

	@AfterAll
	static void stop() {
		org.close();
	}

	static JsonNode authorize(String verifier, boolean sameVerifier) throws Exception {
		String challenge = Base64.getUrlEncoder().withoutPadding()
			.encodeToString(MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
		String redirect = "http://localhost:1/crm/oauth/callback";
		String query = "response_type=code&client_id=" + enc(org.clientId()) + "&redirect_uri=" + enc(redirect)
				+ "&scope=" + enc("api refresh_token offline_access") + "&state=s1&code_challenge=" + challenge;
		HttpResponse<String> page = send(HttpRequest.newBuilder(URI.create(org.baseUrl() + "/services/oauth2/authorize?" + query)).GET());
		assertThat(page.body()).contains("Allow");
		Matcher hidden = Pattern.compile("name=\"(\\w+)\" value=\"([^\"]*)\"").matcher(page.body());
		StringBuilder form = new StringBuilder("decision=allow");
		while (hidden.find()) {
			form.append('&').append(hidden.group(1)).append('=').append(enc(hidden.group(2).replace("&amp;", "&")));
		}
		HttpResponse<String> approved = send(HttpRequest.newBuilder(URI.create(org.baseUrl() + "/services/oauth2/authorize"))
			.header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form.toString())));
		String location = approved.headers().firstValue("Location").orElseThrow();
		assertThat(location).startsWith(redirect).contains("state=s1");
		String code = java.net.URLDecoder.decode(location.replaceAll(".*code=([^&]+).*", "$1"), StandardCharsets.UTF_8);
		HttpResponse<String> exchanged = tokenCall("grant_type=authorization_code&code=" + enc(code) + "&client_id=" + enc(org.clientId())
				+ "&client_secret=" + enc(org.clientSecret()) + "&redirect_uri=" + enc(redirect) + "&code_verifier="
				+ enc(sameVerifier ? verifier : verifier + "x"));
		return JSON.readTree(exchanged.body());
	}

	static HttpResponse<String> tokenCall(String form) throws Exception {
		return send(HttpRequest.newBuilder(URI.create(org.baseUrl() + "/services/oauth2/token"))
			.header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)));
	}

	static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
		return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	static HttpResponse<String> api(String method, String path, String body) throws Exception {
		return send(HttpRequest.newBuilder(URI.create(org.baseUrl() + "/services/data/v66.0" + path)).header("Authorization", "Bearer " + token)
			.header("Content-Type", "application/json")
			.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body)));
	}

	static String enc(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	@Test
	void tokenResponseHasNoExpiryAndAWrongVerifierOrSecretIsRefused() throws Exception {
		JsonNode fresh = authorize("another-verifier-" + "y".repeat(40), true);
		assertThat(fresh.has("expires_in")).isFalse();
		assertThat(fresh.path("instance_url").asString()).isEqualTo(org.baseUrl());
		assertThat(fresh.path("id").asString()).contains("/id/" + org.orgId() + "/");
		assertThat(authorize("third-verifier-" + "z".repeat(40), false).path("error").asString()).isEqualTo("invalid_request");
		HttpResponse<String> wrongSecret = tokenCall("grant_type=refresh_token&refresh_token=" + enc(refresh) + "&client_id="
				+ enc(org.clientId()) + "&client_secret=nope");
		assertThat(wrongSecret.statusCode()).isEqualTo(400);
		assertThat(wrongSecret.body()).contains("invalid_client");
	}

	@Test
	void createsReadsQueriesSearchesAndReportsChanges() throws Exception {
		HttpResponse<String> created = api("POST", "/sobjects/Contact/", "{\"LastName\":\"Ramos\",\"FirstName\":\"Rita\",\"Phone\":\"(415) 555-0142\"}");
		assertThat(created.statusCode()).isEqualTo(201);
		assertThat(created.headers().firstValue("Sforce-Limit-Info").orElseThrow()).startsWith("api-usage=");
		String id = JSON.readTree(created.body()).path("id").asString();
		assertThat(id).hasSize(18).startsWith("003").isEqualTo(Ids.canonical(id.substring(0, 15))).isEqualTo(Ids.canonical(id.toLowerCase()));

		JsonNode read = JSON.readTree(api("GET", "/sobjects/Contact/" + id.substring(0, 15) + "?fields=Name,Phone", null).body());
		assertThat(read.path("Name").asString()).isEqualTo("Rita Ramos");
		assertThat(read.path("Phone").asString()).isEqualTo("(415) 555-0142");

		JsonNode query = JSON.readTree(api("GET", "/query?q=" + enc("SELECT Id, Name, Owner.Profile.Name FROM Contact WHERE Id = '" + id + "'"), null).body());
		assertThat(query.path("totalSize").asInt()).isEqualTo(1);
		assertThat(query.path("records").get(0).path("Owner").path("Profile").path("Name").asString()).isEqualTo("System Administrator");

		JsonNode search = JSON.readTree(api("GET", "/search?q=" + enc("FIND {4155550142} IN PHONE FIELDS RETURNING Contact(Id, Phone), Lead(Id)"), null).body());
		assertThat(search.path("searchRecords").valueStream().map(r -> r.path("Id").asString()).toList()).contains(id);
		JsonNode byName = JSON.readTree(api("GET", "/search?q=" + enc("FIND {rit* ramos} IN NAME FIELDS RETURNING Contact(Id)"), null).body());
		assertThat(byName.path("searchRecords").size()).isEqualTo(1);

		assertThat(api("PATCH", "/sobjects/Contact/" + id, "{\"Title\":\"CFO\"}").statusCode()).isEqualTo(204);
		assertThat(changes).filteredOn(c -> c.recordIds().contains(id)).extracting(RecordChange::changeType).containsExactly("CREATE", "UPDATE");
		RecordChange update = changes.stream().filter(c -> c.recordIds().contains(id) && c.changeType().equals("UPDATE")).findFirst().orElseThrow();
		assertThat(update.changedFields()).contains("Title", "LastModifiedDate");
		assertThat(update.changedValues()).containsEntry("Title", "CFO");
		assertThat(update.changeOrigin()).as("no Sforce-Call-Options: like a UI edit").isEmpty();

		HttpResponse<String> named = send(HttpRequest.newBuilder(URI.create(org.baseUrl() + "/services/data/v66.0/sobjects/Contact/" + id))
			.header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
			.header("Sforce-Call-Options", "client=switchboard, defaultNamespace=sb")
			.method("PATCH", HttpRequest.BodyPublishers.ofString("{\"Title\":\"CEO\"}")));
		assertThat(named.statusCode()).isEqualTo(204);
		assertThat(changes).filteredOn(c -> c.recordIds().contains(id)).last().extracting(RecordChange::changeOrigin)
			.isEqualTo("com/salesforce/api/rest/66.0;client=switchboard");
	}

	@Test
	void anEditInTheOrgsOwnUiChangesTheRecordWithoutAnApiClientAndBadEditsAreRefused() throws Exception {
		String id = JSON.readTree(api("POST", "/sobjects/Opportunity/", "{\"Name\":\"UI deal\",\"StageName\":\"Prospecting\",\"CloseDate\":\"2027-01-31\"}")
			.body()).path("id").asString();
		HttpResponse<String> edited = control("PATCH", "/sandbox/records/Opportunity/" + id, "{\"StageName\":\"Closed Won\"}");
		assertThat(edited.statusCode()).isEqualTo(200);
		assertThat(JSON.readTree(edited.body()).path("StageName").asString()).isEqualTo("Closed Won");
		JsonNode shown = JSON.readTree(control("GET", "/sandbox/records/Opportunity/" + id, null).body());
		assertThat(shown.path("StageName").asString()).isEqualTo("Closed Won");
		assertThat(shown.path("attributes").path("type").asString()).isEqualTo("Opportunity");
		assertThat(shown.has("attributes.type")).as("the store's own bookkeeping stays inside").isFalse();
		RecordChange change = changes.stream().filter(c -> c.recordIds().contains(id)).reduce((a, b) -> b).orElseThrow();
		assertThat(change.changeType()).isEqualTo("UPDATE");
		assertThat(change.changeOrigin()).as("made in the org, not by an API client").isEmpty();

		HttpResponse<String> badStage = control("PATCH", "/sandbox/records/Opportunity/" + id, "{\"StageName\":\"Maybe\"}");
		assertThat(badStage.statusCode()).isEqualTo(400);
		assertThat(badStage.body()).contains("INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST");
		assertThat(control("GET", "/sandbox/records/Contact/" + id, null).statusCode()).as("not a Contact").isEqualTo(404);
		assertThat(control("GET", "/sandbox/records/Nope/" + id, null).statusCode()).isEqualTo(404);
	}

	static HttpResponse<String> control(String method, String path, String body) throws Exception {
		return send(HttpRequest.newBuilder(URI.create(org.baseUrl() + path)).header("Content-Type", "application/json")
			.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body)));
	}

	@Test
	void refusesWhatSalesforceRefusesWithItsErrorArray() throws Exception {
		HttpResponse<String> missing = api("POST", "/sobjects/Lead/", "{\"Company\":\"C\",\"Status\":\"Maybe\"}");
		assertThat(missing.statusCode()).isEqualTo(400);
		assertThat(missing.body()).contains("REQUIRED_FIELD_MISSING").contains("INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST").startsWith("[");
		assertThat(api("GET", "/query?q=" + enc("SELECT Id FROM Contact WHERE Name LIKE 'a%' OR Id = 'x'"), null).body()).contains("MALFORMED_QUERY");
		assertThat(api("GET", "/query?q=" + enc("SELECT Nope FROM Contact"), null).body()).contains("INVALID_FIELD");
		assertThat(api("GET", "/search?q=" + enc("FIND {x} WITH SNIPPET RETURNING Contact"), null).body()).contains("MALFORMED_QUERY");
	}

	@Test
	void collectionsRollBackEverythingWithAllOrNone() throws Exception {
		String body = "{\"allOrNone\":true,\"records\":[{\"attributes\":{\"type\":\"Account\"},\"Name\":\"Coll One\"},"
				+ "{\"attributes\":{\"type\":\"Account\"},\"Phone\":\"1\"}]}";
		JsonNode results = JSON.readTree(api("POST", "/composite/sobjects", body).body());
		assertThat(results.get(0).path("errors").get(0).path("statusCode").asString()).isEqualTo("ALL_OR_NONE_OPERATION_ROLLED_BACK");
		assertThat(results.get(1).path("errors").get(0).path("statusCode").asString()).isEqualTo("REQUIRED_FIELD_MISSING");
		assertThat(JSON.readTree(api("GET", "/query?q=" + enc("SELECT COUNT() FROM Account WHERE Name = 'Coll One'"), null).body())
			.path("totalSize").asInt()).isZero();
	}

	@Test
	void bulkIngestInsertsRowsAndReportsFailures() throws Exception {
		JsonNode job = JSON.readTree(api("POST", "/jobs/ingest", "{\"object\":\"Contact\",\"operation\":\"insert\",\"contentType\":\"CSV\"}").body());
		String id = job.path("id").asString();
		send(HttpRequest.newBuilder(URI.create(org.baseUrl() + "/services/data/v66.0/jobs/ingest/" + id + "/batches"))
			.header("Authorization", "Bearer " + token).header("Content-Type", "text/csv")
			.PUT(HttpRequest.BodyPublishers.ofString("LastName,Email\n\"Bulk \"\"One\"\"\",b1@x.test\n,b2@x.test\n")));
		api("PATCH", "/jobs/ingest/" + id, "{\"state\":\"UploadComplete\"}");
		JsonNode done = Awaitility.await().atMost(Duration.ofSeconds(5))
			.until(() -> JSON.readTree(api("GET", "/jobs/ingest/" + id, null).body()),
					current -> current.path("state").asString().equals("JobComplete"));
		assertThat(done.path("numberRecordsProcessed").asInt()).isEqualTo(2);
		assertThat(done.path("numberRecordsFailed").asInt()).isEqualTo(1);
		assertThat(api("GET", "/jobs/ingest/" + id + "/failedResults/", null).body()).contains("REQUIRED_FIELD_MISSING");
		assertThat(api("GET", "/jobs/ingest/" + id + "/successfulResults/", null).body()).contains("Bulk \"\"One\"\"");
	}

	@Test
	void bulkIngestFailsTheWholeJobWhenAColumnNamesNoField() throws Exception {
		String id = JSON.readTree(api("POST", "/jobs/ingest", "{\"object\":\"Contact\",\"operation\":\"insert\",\"contentType\":\"CSV\"}").body())
			.path("id").asString();
		send(HttpRequest.newBuilder(URI.create(org.baseUrl() + "/services/data/v66.0/jobs/ingest/" + id + "/batches"))
			.header("Authorization", "Bearer " + token).header("Content-Type", "text/csv")
			.PUT(HttpRequest.BodyPublishers.ofString("LastName,Secret__c\nHidden,1\n")));
		api("PATCH", "/jobs/ingest/" + id, "{\"state\":\"UploadComplete\"}");
		JsonNode failed = Awaitility.await().atMost(Duration.ofSeconds(5))
			.until(() -> JSON.readTree(api("GET", "/jobs/ingest/" + id, null).body()), current -> current.path("state").asString().equals("Failed"));
		assertThat(failed.path("errorMessage").asString()).isEqualTo("InvalidBatch : Field name not found : Secret__c");
		assertThat(failed.path("numberRecordsProcessed").asInt()).isZero();
		assertThat(api("GET", "/jobs/ingest/" + id + "/unprocessedrecords/", null).body()).contains("Hidden");
	}

	@Test
	void patchWithIfUnmodifiedSinceWritesOnlyAnUnchangedRecord() throws Exception {
		String id = JSON.readTree(api("POST", "/sobjects/Account", "{\"Name\":\"Conditional\"}").body()).path("id").asString();
		String modified = JSON.readTree(api("GET", "/sobjects/Account/" + id + "?fields=LastModifiedDate", null).body())
			.path("LastModifiedDate").asString();
		java.time.Instant at = java.time.OffsetDateTime.parse(modified, java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSxx")).toInstant();
		String before = java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME.format(at.minusSeconds(1).atZone(java.time.ZoneOffset.UTC));
		String since = java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME.format(at.atZone(java.time.ZoneOffset.UTC));

		assertThat(conditionalPatch(id, "{\"Phone\":\"1\"}", before).statusCode()).isEqualTo(412);
		assertThat(conditionalPatch(id, "{\"Phone\":\"2\"}", "yesterday").statusCode()).isEqualTo(400);
		assertThat(org.store().find(id).orElseThrow().get("Phone")).as("nothing written").isNull();
		assertThat(conditionalPatch(id, "{\"Phone\":\"3\"}", since).statusCode()).isEqualTo(204);
		assertThat(org.store().find(id).orElseThrow().get("Phone")).isEqualTo("3");
	}

	@Test
	void aSearchWordWithLettersDoesNotMatchPhoneNumbersHoldingItsDigits() throws Exception {
		api("POST", "/sobjects/Contact", "{\"LastName\":\"Digits\",\"Phone\":\"(415) 555-0123\"}");
		String letters = api("GET", "/search?q=" + enc("FIND {fq0123*} IN ALL FIELDS RETURNING Contact(Id)"), null).body();
		String digits = api("GET", "/search?q=" + enc("FIND {5550123} IN ALL FIELDS RETURNING Contact(Id, Phone)"), null).body();
		assertThat(JSON.readTree(letters).path("searchRecords").size()).isZero();
		assertThat(digits).contains("(415) 555-0123");
	}

	static HttpResponse<String> conditionalPatch(String id, String body, String ifUnmodifiedSince) throws Exception {
		return send(HttpRequest.newBuilder(URI.create(org.baseUrl() + "/services/data/v66.0/sobjects/Account/" + id))
			.header("Authorization", "Bearer " + token).header("Content-Type", "application/json").header("If-Unmodified-Since", ifUnmodifiedSince)
			.method("PATCH", HttpRequest.BodyPublishers.ofString(body)));
	}

	@Test
	void faultsExpiredSessionsAndRevokedRefreshTokens() throws Exception {
		org.injectFaults(503, "SERVER_UNAVAILABLE", 1);
		assertThat(api("GET", "/limits", null).statusCode()).isEqualTo(503);
		assertThat(api("GET", "/limits", null).body()).contains("DailyApiRequests");
		JsonNode own = authorize("own-verifier-" + "q".repeat(40), true);
		org.expireSessions();
		HttpResponse<String> expired = api("GET", "/limits", null);
		assertThat(expired.statusCode()).isEqualTo(401);
		assertThat(expired.body()).contains("INVALID_SESSION_ID");
		String form = "grant_type=refresh_token&refresh_token=" + enc(refresh) + "&client_id=" + enc(org.clientId())
				+ "&client_secret=" + enc(org.clientSecret());
		token = JSON.readTree(tokenCall(form).body()).path("access_token").asString();
		assertThat(api("GET", "/limits", null).statusCode()).isEqualTo(200);
		HttpResponse<String> revoke = send(HttpRequest.newBuilder(URI.create(org.baseUrl() + "/services/oauth2/revoke"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("token=" + enc(own.path("refresh_token").asString()))));
		assertThat(revoke.statusCode()).isEqualTo(200);
		assertThat(tokenCall("grant_type=refresh_token&refresh_token=" + enc(own.path("refresh_token").asString()) + "&client_id="
				+ enc(org.clientId()) + "&client_secret=" + enc(org.clientSecret())).body()).contains("invalid_grant");
	}

	@Test
	void describeAnswers304WhenNotModified() throws Exception {
		HttpResponse<String> describe = api("GET", "/sobjects/Contact/describe", null);
		String lastModified = describe.headers().firstValue("Last-Modified").orElseThrow();
		assertThat(JSON.readTree(describe.body()).path("fields").valueStream().map(f -> f.path("name").asString()).toList()).contains("MobilePhone");
		HttpResponse<String> again = send(HttpRequest.newBuilder(URI.create(org.baseUrl() + "/services/data/v66.0/sobjects/Contact/describe"))
			.header("Authorization", "Bearer " + token).header("If-Modified-Since", lastModified).GET());
		assertThat(again.statusCode()).isEqualTo(304);
	}
}
