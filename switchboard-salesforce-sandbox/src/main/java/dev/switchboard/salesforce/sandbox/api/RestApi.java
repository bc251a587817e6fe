package dev.switchboard.salesforce.sandbox.api;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import dev.switchboard.salesforce.sandbox.http.Call;
import dev.switchboard.salesforce.sandbox.http.Reply;
import dev.switchboard.salesforce.sandbox.http.Routes;
import dev.switchboard.salesforce.sandbox.http.SfError;
import dev.switchboard.salesforce.sandbox.oauth.OAuthServer;
import dev.switchboard.salesforce.sandbox.query.Projection;
import dev.switchboard.salesforce.sandbox.query.Soql;
import dev.switchboard.salesforce.sandbox.query.Sosl;
import dev.switchboard.salesforce.sandbox.records.RecordStore;
import dev.switchboard.salesforce.sandbox.schema.ObjectSpec;
import tools.jackson.databind.JsonNode;

/**
 * The REST resources under {@code /services/data/vXX.X}: describe (global and per object, with
 * If-Modified-Since), sObject CRUD, query with paging, search, sObject Collections and limits. Every answer
 * carries {@code Sforce-Limit-Info}.
 */
public final class RestApi {

	static final String VERSION = "/services/data/v(\\d{2}\\.0)";
	private static final int BATCH = 2000;

	private final RecordStore store;
	private final OAuthServer oauth;
	private final OrgGuard guard;
	private final String baseUrl;
	private final Map<String, List<Map<String, Object>>> cursors = new ConcurrentHashMap<>();

	public RestApi(RecordStore store, OAuthServer oauth, OrgGuard guard, String baseUrl) {
		this.store = store;
		this.oauth = oauth;
		this.guard = guard;
		this.baseUrl = baseUrl;
	}

	public void routes(Routes routes) {
		routes.on("GET", "/services/data/?", null, call -> Reply.ok(List.of(Map.of("version", "66.0", "label", "Spring '26",
				"url", "/services/data/v66.0"))));
		on(routes, "GET", "/?", call -> Reply.ok(Map.of("sobjects", base(call) + "/sobjects", "query", base(call) + "/query",
				"search", base(call) + "/search", "limits", base(call) + "/limits", "composite", base(call) + "/composite")));
		on(routes, "GET", "/sobjects/?", call -> Reply.ok(Map.of("encoding", "UTF-8", "maxBatchSize", 200,
				"sobjects", store.schema().objects().stream().map(o -> o.summary(base(call))).toList())));
		on(routes, "GET", "/sobjects/(\\w+)/describe/?", this::describe);
		on(routes, "POST", "/sobjects/(\\w+)/?", this::create);
		on(routes, "GET", "/sobjects/(\\w+)/(\\w+)/?", this::read);
		on(routes, "PATCH", "/sobjects/(\\w+)/(\\w+)/?", this::update);
		on(routes, "DELETE", "/sobjects/(\\w+)/(\\w+)/?", call -> {
			ObjectSpec object = store.schema().require(call.group(2));
			store.transaction(user(call), origin(call), w -> {
				w.delete(object, call.group(3));
				return null;
			});
			return Reply.noContent();
		});
		on(routes, "GET", "/query/?", call -> query(call, new Soql(store, projection(call)).run(call.query("q")).records()));
		on(routes, "GET", "/query/(\\w+)-(\\d+)", this::nextPage);
		on(routes, "GET", "/search/?", call -> Reply.ok(Map.of("searchRecords", new Sosl(store, projection(call)).run(call.query("q")))));
		on(routes, "POST", "/composite/sobjects/?", this::collectionCreate);
		on(routes, "PATCH", "/composite/sobjects/?", this::collectionUpdate);
		on(routes, "DELETE", "/composite/sobjects/?", this::collectionDelete);
		on(routes, "GET", "/limits/?", call -> Reply.ok(Map.of(
				"DailyApiRequests", Map.of("Max", guard.max(), "Remaining", Math.max(0, guard.max() - guard.used())),
				"DailyBulkV2QueryJobs", Map.of("Max", 10000, "Remaining", 10000),
				"DailyBulkApiBatches", Map.of("Max", 15000, "Remaining", 15000),
				"DailyDeliveredPlatformEvents", Map.of("Max", 25000, "Remaining", 25000))));
	}

	/** A versioned REST route behind the guard, answering with Sforce-Limit-Info. */
	void on(Routes routes, String method, String path, Routes.Handler handler) {
		routes.on(method, VERSION + path, guard, call -> {
			String version = call.group(1);
			double number = Double.parseDouble(version);
			if (number < 31 || number > 66) {
				throw SfError.of(404, "NOT_FOUND", "The requested resource does not exist");
			}
			return handler.handle(call).header("Sforce-Limit-Info", guard.usage());
		});
	}

	String user(Call call) {
		return oauth.session(call.bearer()).orElseThrow().userId();
	}

	/**
	 * The change events' {@code changeOrigin} for this call: {@code com/salesforce/api/rest/<version>;client=<name>}
	 * when it sent {@code Sforce-Call-Options: client=<name>}, else empty (as Salesforce documents the header).
	 */
	static String origin(Call call) {
		String options = call.header("Sforce-Call-Options");
		if (options == null) {
			return "";
		}
		for (String option : options.split(",")) {
			String[] pair = option.trim().split("=", 2);
			if (pair.length == 2 && pair[0].trim().equalsIgnoreCase("client")) {
				return dev.switchboard.salesforce.pubsub.RecordChange.restOrigin(call.group(1), pair[1].trim());
			}
		}
		return "";
	}

	private String base(Call call) {
		return "/services/data/v" + call.group(1);
	}

	private Projection projection(Call call) {
		return new Projection(store, base(call));
	}

	private Reply describe(Call call) {
		ObjectSpec object = store.schema().require(call.group(2));
		String since = call.header("If-Modified-Since");
		if (since != null) {
			try {
				if (!ZonedDateTime.parse(since, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant().isBefore(store.schema().lastModified())) {
					return new Reply(304, new LinkedHashMap<>(), null, null, null);
				}
			}
			catch (DateTimeParseException e) {
				// Salesforce ignores a date it cannot read and answers in full
			}
		}
		return Reply.ok(object.describe(base(call))).header("Last-Modified",
				DateTimeFormatter.RFC_1123_DATE_TIME.format(store.schema().lastModified().atZone(java.time.ZoneOffset.UTC)));
	}

	private Reply create(Call call) {
		ObjectSpec object = store.schema().require(call.group(2));
		JsonNode body = call.json();
		String id = store.transaction(user(call), origin(call), w -> w.create(object, body));
		return Reply.json(201, Map.of("id", id, "success", true, "errors", List.of()));
	}

	private Reply read(Call call) {
		ObjectSpec object = store.schema().require(call.group(2));
		Map<String, Object> record = store.find(call.group(3)).filter(r -> object.name().equals(RecordStore.type(r)))
			.orElseThrow(() -> SfError.of(404, "NOT_FOUND", "The requested resource does not exist"));
		String fields = call.query("fields");
		Projection projection = projection(call);
		List<String> paths = fields == null || fields.isBlank()
				? object.fields().stream().map(f -> f.name()).toList()
				: Arrays.stream(fields.split(",")).map(String::strip).map(f -> projection.check(object, f)).toList();
		return Reply.ok(projection.shape(record, paths));
	}

	/**
	 * sObject Rows PATCH. With {@code If-Unmodified-Since} (an HTTP date) the record is written only if its
	 * LastModifiedDate, at the header's one-second grain, is not after that date, else 412 and nothing written;
	 * a header that is not an HTTP date is 400 (Salesforce's conditional request headers).
	 */
	private Reply update(Call call) {
		ObjectSpec object = store.schema().require(call.group(2));
		JsonNode body = call.json();
		java.time.Instant unmodifiedSince = unmodifiedSince(call.header("If-Unmodified-Since"));
		store.transaction(user(call), origin(call), w -> {
			if (unmodifiedSince != null && w.lastModified(object, call.group(3)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
				.isAfter(unmodifiedSince)) {
				throw SfError.of(412, "PRECONDITION_FAILED", "The record was modified after " + call.header("If-Unmodified-Since"));
			}
			w.update(object, call.group(3), body);
			return null;
		});
		return Reply.noContent();
	}

	private static java.time.Instant unmodifiedSince(String header) {
		if (header == null) {
			return null;
		}
		try {
			return ZonedDateTime.parse(header, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
		}
		catch (DateTimeParseException e) {
			throw SfError.of(400, "INVALID_HEADER_TYPE", "If-Unmodified-Since is not an HTTP date: " + header);
		}
	}

	private Reply query(Call call, List<Map<String, Object>> records) {
		if (records.size() <= BATCH) {
			return Reply.ok(page(records.size(), true, null, records));
		}
		String locator = "01g" + UUID.randomUUID().toString().replace("-", "").substring(0, 15);
		cursors.put(locator, records);
		return Reply.ok(page(records.size(), false, base(call) + "/query/" + locator + "-" + BATCH, records.subList(0, BATCH)));
	}

	private Reply nextPage(Call call) {
		List<Map<String, Object>> records = cursors.get(call.group(2));
		int from = Integer.parseInt(call.group(3));
		if (records == null || from >= records.size()) {
			throw SfError.of(400, "INVALID_QUERY_LOCATOR", "invalid query locator");
		}
		int to = Math.min(records.size(), from + BATCH);
		boolean done = to == records.size();
		if (done) {
			cursors.remove(call.group(2));
		}
		return Reply.ok(page(records.size(), done, done ? null : base(call) + "/query/" + call.group(2) + "-" + to, records.subList(from, to)));
	}

	private static Map<String, Object> page(int total, boolean done, String next, List<Map<String, Object>> records) {
		Map<String, Object> page = new LinkedHashMap<>();
		page.put("totalSize", total);
		page.put("done", done);
		if (next != null) {
			page.put("nextRecordsUrl", next);
		}
		page.put("records", records);
		return page;
	}

	private Reply collectionCreate(Call call) {
		JsonNode body = call.json();
		List<JsonNode> records = body.path("records").valueStream().toList();
		return Reply.ok(Collections.run(store, user(call), origin(call), records, body.path("allOrNone").asBoolean(false),
				(w, r) -> w.create(store.schema().require(r.path("attributes").path("type").asString("")), r)));
	}

	private Reply collectionUpdate(Call call) {
		JsonNode body = call.json();
		List<JsonNode> records = body.path("records").valueStream().toList();
		return Reply.ok(Collections.run(store, user(call), origin(call), records, body.path("allOrNone").asBoolean(false), (w, r) -> {
			String id = r.path("id").asString(r.path("Id").asString(""));
			w.update(store.schema().require(r.path("attributes").path("type").asString("")), id, r);
			return store.find(id).map(found -> (String) found.get("Id")).orElse(id);
		}));
	}

	private Reply collectionDelete(Call call) {
		String ids = call.query("ids");
		List<String> list = ids == null || ids.isBlank() ? List.of() : List.of(ids.split(","));
		return Reply.ok(Collections.run(store, user(call), origin(call), list, Boolean.parseBoolean(call.query("allOrNone")), (w, id) -> {
			Map<String, Object> record = store.find(id).orElseThrow(() -> SfError.of(404, "ENTITY_IS_DELETED", "entity is deleted"));
			w.delete(store.schema().require(RecordStore.type(record)), id);
			return (String) record.get("Id");
		}));
	}
}
