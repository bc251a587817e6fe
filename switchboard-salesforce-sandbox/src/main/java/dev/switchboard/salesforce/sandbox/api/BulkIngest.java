package dev.switchboard.salesforce.sandbox.api;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;

import dev.switchboard.salesforce.sandbox.http.Call;
import dev.switchboard.salesforce.sandbox.http.Reply;
import dev.switchboard.salesforce.sandbox.http.Routes;
import dev.switchboard.salesforce.sandbox.http.SfError;
import dev.switchboard.salesforce.sandbox.records.Ids;
import dev.switchboard.salesforce.sandbox.records.RecordStore;
import dev.switchboard.salesforce.sandbox.schema.ObjectSpec;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Bulk API 2.0 ingest jobs (reference §3): create, upload CSV while Open, close with UploadComplete (or abort),
 * poll through InProgress to JobComplete, then read successful, failed and unprocessed rows as CSV. Rows are
 * processed one transaction each, on a background thread, and fire change events like any other write.
 */
final class BulkIngest {

	private static final Set<String> OPERATIONS = Set.of("insert", "update", "delete", "hardDelete");
	private static final Map<String, Character> DELIMITERS = Map.of("COMMA", ',', "TAB", '\t', "PIPE", '|', "SEMICOLON", ';',
			"CARET", '^', "BACKQUOTE", '`');
	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final RecordStore store;
	private final RestApi api;
	private final ExecutorService worker;
	private final Ids ids = new Ids();
	private final Map<String, Job> jobs = new ConcurrentHashMap<>();

	BulkIngest(RecordStore store, RestApi api, ExecutorService worker) {
		this.store = store;
		this.api = api;
		this.worker = worker;
	}

	private static final class Job {
		final Map<String, Object> info = new LinkedHashMap<>();
		final StringBuilder data = new StringBuilder();
		final StringBuilder success = new StringBuilder();
		final StringBuilder failed = new StringBuilder();
		volatile String header = "";
		volatile List<List<String>> pending = List.of();

		String state() {
			return (String) info.get("state");
		}
	}

	void routes(Routes routes) {
		api.on(routes, "POST", "/jobs/ingest/?", this::create);
		api.on(routes, "PUT", "/jobs/ingest/(\\w+)/batches/?", this::upload);
		api.on(routes, "PATCH", "/jobs/ingest/(\\w+)/?", this::changeState);
		api.on(routes, "GET", "/jobs/ingest/(\\w+)/?", call -> Reply.ok(job(call).info));
		api.on(routes, "DELETE", "/jobs/ingest/(\\w+)/?", call -> {
			jobs.remove(job(call).info.get("id"));
			return Reply.noContent();
		});
		api.on(routes, "GET", "/jobs/ingest/(\\w+)/successfulResults/?", call -> csv(job(call).header.isEmpty() ? ""
				: Csv.line(List.of("sf__Id", "sf__Created")).replace("\n", "") + "," + job(call).header + "\n" + job(call).success));
		api.on(routes, "GET", "/jobs/ingest/(\\w+)/failedResults/?", call -> csv(job(call).header.isEmpty() ? ""
				: Csv.line(List.of("sf__Id", "sf__Error")).replace("\n", "") + "," + job(call).header + "\n" + job(call).failed));
		api.on(routes, "GET", "/jobs/ingest/(\\w+)/unprocessedrecords/?", call -> {
			Job job = job(call);
			StringBuilder out = new StringBuilder(job.header.isEmpty() ? "" : job.header + "\n");
			job.pending.forEach(row -> out.append(Csv.line(row)));
			return csv(out.toString());
		});
	}

	private static Reply csv(String body) {
		return Reply.text(200, body, "text/csv");
	}

	private Job job(Call call) {
		Job job = jobs.get(call.group(2));
		if (job == null) {
			throw SfError.of(404, "NOT_FOUND", "The requested resource does not exist");
		}
		return job;
	}

	private Reply create(Call call) {
		JsonNode body = call.json();
		ObjectSpec object = store.schema().find(body.path("object").asString(""))
			.orElseThrow(() -> SfError.of(400, "INVALIDENTITY", "Entity '" + body.path("object").asString("") + "' is not supported by the Bulk API."));
		String operation = body.path("operation").asString("");
		if (!OPERATIONS.contains(operation)) {
			throw SfError.of(400, "API_ERROR", "InvalidJob : Invalid operation: " + operation
					+ " (this double supports insert, update, delete and hardDelete; upsert needs an external id field the double's objects do not have)");
		}
		String delimiter = body.path("columnDelimiter").asString("COMMA");
		if (!DELIMITERS.containsKey(delimiter) || !body.path("contentType").asString("CSV").equals("CSV")) {
			throw SfError.of(400, "API_ERROR", "InvalidJob : Invalid columnDelimiter or contentType");
		}
		Job job = new Job();
		String id = ids.next("750");
		job.info.put("id", id);
		job.info.put("operation", operation);
		job.info.put("object", object.name());
		job.info.put("createdById", api.user(call));
		job.info.put("createdDate", Instant.now().toString());
		job.info.put("state", "Open");
		job.info.put("concurrencyMode", "Parallel");
		job.info.put("contentType", "CSV");
		job.info.put("apiVersion", Double.parseDouble(call.group(1)));
		job.info.put("jobType", "V2Ingest");
		job.info.put("lineEnding", body.path("lineEnding").asString("LF"));
		job.info.put("columnDelimiter", delimiter);
		job.info.put("contentUrl", "services/data/v" + call.group(1) + "/jobs/ingest/" + id + "/batches");
		job.info.put("numberRecordsProcessed", 0);
		job.info.put("numberRecordsFailed", 0);
		job.info.put("retries", 0);
		jobs.put(id, job);
		return Reply.ok(job.info);
	}

	private Reply upload(Call call) {
		Job job = job(call);
		if (!"Open".equals(job.state())) {
			throw SfError.of(409, "INVALIDJOBSTATE", "Job is not in Open state");
		}
		synchronized (job) {
			job.data.append(call.bodyText());
			if (!call.bodyText().endsWith("\n")) {
				job.data.append('\n');
			}
		}
		return Reply.json(201, null);
	}

	private Reply changeState(Call call) {
		Job job = job(call);
		String wanted = call.json().path("state").asString("");
		if (!"Open".equals(job.state()) || !Set.of("UploadComplete", "Aborted").contains(wanted)) {
			throw SfError.of(409, "INVALIDJOBSTATE", "Cannot change the job from " + job.state() + " to " + wanted);
		}
		List<List<String>> rows = Csv.parse(job.data.toString(), DELIMITERS.get((String) job.info.get("columnDelimiter")));
		List<String> header = rows.isEmpty() ? List.of() : rows.get(0);
		job.header = Csv.line(header).replace("\n", "");
		job.pending = rows.size() <= 1 ? List.of() : rows.subList(1, rows.size());
		job.info.put("state", wanted);
		if ("UploadComplete".equals(wanted)) {
			String userId = api.user(call);
			String origin = RestApi.origin(call);
			worker.execute(() -> process(job, header, userId, origin));
		}
		return Reply.ok(job.info);
	}

	private void process(Job job, List<String> header, String userId, String origin) {
		job.info.put("state", "InProgress");
		ObjectSpec object = store.schema().require((String) job.info.get("object"));
		String unknown = header.stream().filter(column -> !"Id".equalsIgnoreCase(column) && object.field(column).isEmpty()).findFirst().orElse(null);
		if (unknown != null) {
			// Salesforce fails the whole job when a column names no field the user can see; no row is processed.
			job.info.put("errorMessage", "InvalidBatch : Field name not found : " + unknown);
			job.info.put("state", "Failed");
			return;
		}
		String operation = (String) job.info.get("operation");
		int processed = 0;
		int failed = 0;
		List<List<String>> rows = new ArrayList<>(job.pending);
		for (List<String> row : rows) {
			ObjectNode values = JSON.createObjectNode();
			for (int i = 0; i < header.size() && i < row.size(); i++) {
				if (!row.get(i).isEmpty()) {
					values.put(header.get(i), "#N/A".equals(row.get(i)) ? null : row.get(i));
				}
			}
			String id = values.path("Id").asString("");
			try {
				String written = store.transaction(userId, origin, w -> switch (operation) {
					case "insert" -> w.create(object, values);
					case "update" -> {
						w.update(object, id, values);
						yield Ids.canonical(id);
					}
					default -> {
						w.delete(object, id);
						yield Ids.canonical(id);
					}
				});
				job.success.append(Csv.line(concat(List.of(written, String.valueOf("insert".equals(operation))), row)));
			}
			catch (SfError e) {
				failed++;
				String error = e.errors().stream().map(m -> m.get("errorCode") + ":" + m.get("message") + ":" + String.join(",",
						(List<String>) m.get("fields")) + " --").reduce((a, b) -> a + " " + b).orElse("");
				job.failed.append(Csv.line(concat(java.util.Arrays.asList(null, error), row)));
			}
			processed++;
			job.info.put("numberRecordsProcessed", processed);
			job.info.put("numberRecordsFailed", failed);
		}
		job.pending = List.of();
		job.info.put("state", "JobComplete");
	}

	private static List<String> concat(List<String> first, List<String> rest) {
		List<String> all = new ArrayList<>(first);
		all.addAll(rest);
		return all;
	}
}
