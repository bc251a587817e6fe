package org.switchboard.crm.salesforce;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.switchboard.crm.CrmException;
import org.switchboard.platform.errors.FieldProblem;
import org.switchboard.platform.errors.Refusal;

import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvSchema;

/**
 * Inserts through a Bulk API 2.0 ingest job (reference §3): create the job, record it ({@link BulkJobs}), upload the
 * rows as CSV (Jackson's CSV module), close it with UploadComplete, poll its state with growing pauses, then read
 * successfulResults and failedResults. Result rows come back in no promised order, so each is matched to its input
 * row by its values. A job left by a stopped server is waited for by the next insert of the same object, which takes
 * over the records it created ({@link #recover}).
 */
class SalesforceBulk {

	private static final CsvMapper CSV = CsvMapper.builder().build();
	private static final Set<String> DONE = Set.of("JobComplete", "Failed", "Aborted");
	private static final Pattern NOT_FOUND = Pattern.compile("Field name not found : (\\S+)");
	private static final Duration LONGEST_PAUSE = Duration.ofSeconds(10);

	private final SalesforceApi api;
	private final BulkJobs jobs;
	private final Duration firstPause;
	private final Duration timeout;

	SalesforceBulk(SalesforceApi api, BulkJobs jobs, Duration firstPause, Duration timeout) {
		this.api = api;
		this.jobs = jobs;
		this.firstPause = firstPause;
		this.timeout = timeout;
	}

	/** What an insert job did to each input row: its new id, or Salesforce's errors for it. */
	record Outcome(String id, List<SalesforceApiException.Error> errors) {
	}

	/** Inserts the rows in one job; one outcome per row, in input order. A job that failed as a whole throws. */
	List<Outcome> insert(String object, List<Map<String, Object>> values) {
		List<String> header = new ArrayList<>(values.stream().flatMap(v -> v.keySet().stream()).collect(java.util.stream.Collectors.toCollection(LinkedHashSet::new)));
		List<List<String>> rows = values.stream().map(v -> header.stream().map(f -> cell(v.get(f))).toList()).toList();
		String jobId = api.post("/jobs/ingest", Map.of("object", object, "operation", "insert", "contentType", "CSV", "lineEnding", "LF"))
			.path("id").asString();
		jobs.started(jobId, object);
		try {
			api.putCsv("/jobs/ingest/" + jobId + "/batches", csv(header, rows));
			api.patch("/jobs/ingest/" + jobId, Map.of("state", "UploadComplete"));
		}
		catch (RuntimeException e) {
			api.patch("/jobs/ingest/" + jobId, Map.of("state", "Aborted"));
			jobs.finished(jobId);
			throw e;
		}
		JsonNode job;
		List<Outcome> outcomes;
		try {
			job = await(object, jobId);
			outcomes = outcomes(jobId, header, rows);
		}
		catch (RuntimeException e) {
			jobs.release(jobId); // left on record: the next insert of this object picks it up
			throw e;
		}
		jobs.finished(jobId);
		if (!"JobComplete".equals(job.path("state").asString())) {
			SalesforceWrites.undo(api, outcomes.stream().map(Outcome::id).filter(java.util.Objects::nonNull).toList());
			throw failed(object, job);
		}
		return outcomes;
	}

	/**
	 * Waits for the jobs of {@code object} that a stopped server left behind and answers the records they created,
	 * keyed by their values ({@link #key}), so the caller can take them over rather than create them again.
	 */
	Map<String, Deque<String>> recover(String object) {
		Map<String, Deque<String>> created = new HashMap<>();
		for (String jobId : jobs.claimOrphans(object)) {
			try {
				if ("Open".equals(api.get("/jobs/ingest/" + jobId).path("state").asString())) {
					api.patch("/jobs/ingest/" + jobId, Map.of("state", "Aborted"));
				}
				await(object, jobId);
				for (Map<String, String> row : read(api.getText("/jobs/ingest/" + jobId + "/successfulResults/"))) {
					created.computeIfAbsent(key(row), k -> new ArrayDeque<>()).add(row.get("sf__Id"));
				}
			}
			catch (SalesforceApiException gone) {
				if (gone.status() != 404) {
					jobs.release(jobId);
					throw gone;
				}
			}
			catch (RuntimeException e) {
				jobs.release(jobId);
				throw e;
			}
			jobs.finished(jobId);
		}
		return created;
	}

	/** A row's identity by value: its non-empty cells by column, result columns ({@code sf__…}) left out. */
	static String key(Map<String, String> row) {
		Map<String, String> cells = new TreeMap<>();
		row.forEach((column, value) -> {
			if (!column.startsWith("sf__") && value != null && !value.isEmpty()) {
				cells.put(column, value);
			}
		});
		return cells.toString();
	}

	/** The {@link #key} of values as they would be uploaded. */
	static String valuesKey(Map<String, Object> values) {
		Map<String, String> cells = new HashMap<>();
		values.forEach((field, value) -> cells.put(field, cell(value)));
		return key(cells);
	}

	static String cell(Object value) {
		return value == null ? "" : value instanceof BigDecimal number ? number.toPlainString() : value.toString();
	}

	private JsonNode await(String object, String jobId) {
		Instant deadline = Instant.now().plus(timeout);
		Duration pause = firstPause;
		while (true) {
			JsonNode job = api.get("/jobs/ingest/" + jobId);
			if (DONE.contains(job.path("state").asString())) {
				return job;
			}
			if (Instant.now().isAfter(deadline)) {
				throw CrmException.unavailable("Salesforce Bulk job still running", "Bulk API job " + jobId + " for " + object
						+ " has not finished after " + timeout + ". Nothing is created twice: the next batch of " + object
						+ " waits for it and takes over its records.");
			}
			sleep(pause);
			pause = pause.multipliedBy(2).compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : pause.multipliedBy(2);
		}
	}

	private List<Outcome> outcomes(String jobId, List<String> header, List<List<String>> rows) {
		Map<String, Deque<Integer>> positions = new HashMap<>();
		for (int i = 0; i < rows.size(); i++) {
			Map<String, String> cells = new HashMap<>();
			for (int c = 0; c < header.size(); c++) {
				cells.put(header.get(c), rows.get(i).get(c));
			}
			positions.computeIfAbsent(key(cells), k -> new ArrayDeque<>()).add(i);
		}
		Outcome[] outcomes = new Outcome[rows.size()];
		for (Map<String, String> row : read(api.getText("/jobs/ingest/" + jobId + "/successfulResults/"))) {
			place(outcomes, positions, row, new Outcome(row.get("sf__Id"), List.of()));
		}
		for (Map<String, String> row : read(api.getText("/jobs/ingest/" + jobId + "/failedResults/"))) {
			place(outcomes, positions, row, new Outcome(null, errors(row.get("sf__Error"))));
		}
		List<Outcome> all = new ArrayList<>();
		for (Outcome outcome : outcomes) {
			all.add(outcome != null ? outcome : new Outcome(null, List.of(new SalesforceApiException.Error("UNPROCESSED", "was not processed", List.of()))));
		}
		return all;
	}

	private static void place(Outcome[] outcomes, Map<String, Deque<Integer>> positions, Map<String, String> row, Outcome outcome) {
		Deque<Integer> candidates = positions.get(key(row));
		if (candidates != null && !candidates.isEmpty()) {
			outcomes[candidates.poll()] = outcome;
		}
	}

	/** {@code sf__Error}: {@code CODE:message:Field1,Field2 --}, several such separated by spaces. */
	static List<SalesforceApiException.Error> errors(String text) {
		List<SalesforceApiException.Error> errors = new ArrayList<>();
		for (String entry : (text == null ? "" : text).split("\\s*--\\s*")) {
			int first = entry.indexOf(':');
			int last = entry.lastIndexOf(':');
			if (entry.isBlank()) {
				continue;
			}
			if (first < 0 || first == last) {
				errors.add(new SalesforceApiException.Error(first < 0 ? "UNKNOWN" : entry.substring(0, first), entry.substring(first + 1), List.of()));
				continue;
			}
			String fields = entry.substring(last + 1).strip();
			errors.add(new SalesforceApiException.Error(entry.substring(0, first).strip(), entry.substring(first + 1, last),
					fields.isEmpty() ? List.of() : List.of(fields.split("\\s*,\\s*"))));
		}
		return errors;
	}

	private static CrmException failed(String object, JsonNode job) {
		String message = job.path("errorMessage").asString("the job ended " + job.path("state").asString());
		Matcher field = NOT_FOUND.matcher(message);
		if (field.find()) {
			return CrmException.invalidFields(object, List.of(SalesforceErrors.invisibleField(object, field.group(1))));
		}
		return CrmException.refused(Refusal.UPSTREAM_FAILED, "Salesforce Bulk job failed", "Bulk API job " + job.path("id").asString()
				+ " for " + object + " ended " + job.path("state").asString() + ": " + message);
	}

	private static String csv(List<String> header, List<List<String>> rows) {
		CsvSchema.Builder schema = CsvSchema.builder();
		header.forEach(schema::addColumn);
		return CSV.writer(schema.build().withHeader()).writeValueAsString(rows);
	}

	private static List<Map<String, String>> read(String csv) {
		if (csv.isBlank()) {
			return List.of();
		}
		return CSV.readerForMapOf(String.class).with(CsvSchema.emptySchema().withHeader()).<Map<String, String>>readValues(csv).readAll();
	}

	private static void sleep(Duration pause) {
		try {
			Thread.sleep(pause.toMillis());
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw CrmException.unavailable("Interrupted", "Waiting for a Salesforce Bulk job was interrupted");
		}
	}
}
