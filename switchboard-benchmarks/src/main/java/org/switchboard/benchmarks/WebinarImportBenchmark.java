package org.switchboard.benchmarks;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.switchboard.crm.CrmRecords;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The webinar import (issue 14) on the embedded default with the bundled sandbox, over real HTTP: a generated webinar
 * of N registrants imported into Leads with standard campaign members (all new), then again (all existing, merge
 * policy fill blanks). Beside it the floor: a plain JDBC batch insert of the same rows (N Leads and N campaign
 * members, as JSON documents) into a bare table. Prints total time, records/s, the ratio to the floor and, on H2,
 * the database file size before and after.
 */
final class WebinarImportBenchmark {

	private static final String ADMIN = "admin@switchboard.test";
	private static final JsonMapper JSON = JsonMapper.builder().build();

	private WebinarImportBenchmark() {
	}

	static void main(String[] args) throws Exception {
		Options options = Options.parse(args);
		int registrants = options.integer("registrants", 100_000);
		for (String kind : options.databases()) {
			run(kind, registrants);
		}
	}

	private static void run(String kind, int registrants) throws Exception {
		System.setProperty("sun.net.httpserver.nodelay", "true");
		BenchDatabase database = BenchDatabase.create(kind);
		int sandboxPort = freePort();
		Map<String, Object> server = Map.of("server.port", "0", "switchboard.demo.enabled", "true",
				"switchboard.webex.sandbox.enabled", "true", "switchboard.webex.sandbox.port", sandboxPort,
				"switchboard.webex.base-url", "http://localhost:" + sandboxPort + "/v1", "switchboard.embedded.notifications", "false",
				"logging.level.org.switchboard.webinars.ImportRunner", "INFO");
		try (ConfigurableApplicationContext context = database.start(WebApplicationType.SERVLET, server)) {
			System.out.printf("%n== %s: webinar import of %,d registrants into Leads with campaign members ==%n", kind, registrants);
			String api = "http://localhost:" + context.getEnvironment().getProperty("local.server.port");
			String sandbox = "http://localhost:" + sandboxPort;
			HttpClient http = HttpClient.newHttpClient();
			CrmRecords records = context.getBean(CrmRecords.class);
			String campaign = records.create("Campaign", Map.of("Name", "Benchmark webinar"), null).id();
			send(http, "PUT", api + "/api/admin/webinars/mappings/Lead?confirm=true", """
					{"primaryKey":"Email","insertNewPerWebinar":false,"mergePolicy":"fillBlanks","campaignLink":"campaignMembers",
					 "fields":{"FirstName":"firstName","LastName":"lastName","Email":"email","Company":"companyName","Title":"jobTitle",
					 "Phone":"phoneNumber","Street":"address1","City":"city","State":"state","PostalCode":"zipCode","Country":"countryRegion"}}""", true);
			JsonNode webinar = send(http, "POST", sandbox + "/sandbox/webinars", "{\"hostEmail\":\"" + ADMIN + "\",\"title\":\"Benchmark\",\"start\":\""
					+ Instant.now().minus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MINUTES) + "\",\"registrants\":" + registrants + "}", false);
			long sizeBefore = h2Size(kind);
			long floorCpu = cpu();
			double floor = floor(context.getBean(DataSource.class), registrants);
			floorCpu = cpu() - floorCpu;
			System.out.printf("floor: plain JDBC batch insert of %,d Leads + %,d members: %.2f s (%,.0f records/s), %.2f s CPU%n", registrants,
					registrants, floor, 2 * registrants / floor, floorCpu / 1e9);
			for (String pass : List.of("all new", "all existing, fill blanks")) {
				long start = System.nanoTime();
				long cpu = cpu();
				String importId = send(http, "POST", api + "/api/webinars/" + webinar.get("id").asString() + "/imports",
						"{\"object\":\"Lead\",\"people\":[\"registrants\"],\"campaignId\":\"" + campaign + "\"}", true).get("importId").asString();
				JsonNode job;
				do {
					Thread.sleep(100);
					job = send(http, "GET", api + "/api/imports/" + importId, null, true);
				}
				while (!List.of("done", "failed").contains(job.get("state").asString()));
				double seconds = (System.nanoTime() - start) / 1e9;
				double cpuSeconds = (cpu() - cpu) / 1e9;
				System.out.printf("import (%s): %.2f s, %,.0f people/s, %.2f× the floor; %.2f s CPU (%.2f× the floor's) — created %d, updated %d,"
						+ " skipped %d, failed %d (%s)%n", pass, seconds, registrants / seconds, seconds / floor, cpuSeconds, cpuSeconds * 1e9 / floorCpu,
						job.get("created").asInt(), job.get("updated").asInt(), job.get("skipped").asInt(), job.get("failed").asInt(),
						job.get("state").asString());
			}
			if (kind.equals("h2")) {
				System.out.printf("H2 database files: %.1f MB before the imports, %.1f MB after%n", sizeBefore / 1e6, h2Size(kind) / 1e6);
			}
		}
		finally {
			database.drop();
		}
	}

	/** Seconds to insert n lead documents and n member documents with JDBC batches of 1,000, one transaction per batch. */
	private static double floor(DataSource dataSource, int n) throws Exception {
		try (var connection = dataSource.getConnection(); var statement = connection.createStatement()) {
			statement.execute("CREATE TABLE bench_floor (id VARCHAR(18) PRIMARY KEY, object_name VARCHAR(80) NOT NULL, name VARCHAR(255),"
					+ " field_values VARCHAR(8000) NOT NULL)");
			connection.setAutoCommit(false);
			long start = System.nanoTime();
			try (var insert = connection.prepareStatement("INSERT INTO bench_floor (id, object_name, name, field_values) VALUES (?, ?, ?, ?)")) {
				for (int i = 0; i < 2 * n; i++) {
					boolean lead = i < n;
					int p = i % n;
					insert.setString(1, String.format("%s%015d", lead ? "00Q" : "00v", i));
					insert.setString(2, lead ? "Lead" : "CampaignMember");
					insert.setString(3, lead ? "First" + p + " Last" + p : null);
					insert.setString(4, JSON.writeValueAsString(lead
							? Map.of("FirstName", "First" + p, "LastName", "Last" + p, "Email", "person" + p + "@bench.example.com", "Company",
									"Company " + (p % 500), "Title", "Engineer", "Phone", String.format("+1 415 555 %04d", p % 10_000), "Status",
									"Open - Not Contacted")
							: Map.of("CampaignId", "701000000000000AAA", "LeadId", String.format("00Q%015d", p), "Status", "Registered")));
					insert.addBatch();
					if (i % 1000 == 999) {
						insert.executeBatch();
						connection.commit();
					}
				}
				insert.executeBatch();
				connection.commit();
			}
			double seconds = (System.nanoTime() - start) / 1e9;
			connection.setAutoCommit(true);
			statement.execute("DROP TABLE bench_floor");
			return seconds;
		}
	}

	/** CPU time of this JVM (server, sandbox and database driver; PostgreSQL's own work is outside it). */
	private static long cpu() {
		return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
	}

	private static long h2Size(String kind) throws IOException {
		if (!kind.equals("h2")) {
			return 0;
		}
		try (Stream<Path> files = Files.walk(Path.of("target", "bench-h2"))) {
			return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
		}
	}

	private static JsonNode send(HttpClient http, String method, String url, String json, boolean signedIn) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Accept", "application/json")
			.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
		if (json != null) {
			request.header("Content-Type", "application/json");
		}
		if (signedIn) {
			request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((ADMIN + ":switchboard").getBytes(StandardCharsets.UTF_8)));
		}
		HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() >= 300) {
			throw new IllegalStateException(method + " " + url + " answered " + response.statusCode() + ": " + response.body());
		}
		return response.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(response.body());
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}
}
