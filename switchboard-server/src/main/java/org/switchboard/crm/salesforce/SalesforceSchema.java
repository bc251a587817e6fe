package org.switchboard.crm.salesforce;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.switchboard.crm.CrmException;
import org.switchboard.crm.CrmSchema;
import org.switchboard.crm.CustomFieldDefinition;
import org.switchboard.crm.CustomObjectDefinition;
import org.switchboard.crm.FieldDescription;
import org.switchboard.crm.ObjectDescription;
import org.switchboard.crm.embedded.FieldPaths;
import org.switchboard.platform.errors.Refusal;
import org.switchboard.platform.names.ApiNames;

import tools.jackson.databind.JsonNode;

/**
 * The org's objects as describe reports them, cached: after {@code ttl} an object's describe is asked again
 * with {@code If-Modified-Since} (a 304 keeps the cached one). Only the standard objects Switchboard works with
 * and custom objects are listed. Custom objects and fields are defined in Salesforce Setup, not here.
 */
class SalesforceSchema implements CrmSchema {

	static final Set<String> STANDARD = Set.of("User", "Profile", "PermissionSet", "PermissionSetAssignment", "Account", "Contact",
			"Lead", "Case", "Opportunity", "Campaign", "CampaignMember", "Task", "Event");

	private final SalesforceApi api;
	private final Clock clock;
	private final Duration ttl;
	private final Map<String, Cached> cache = new ConcurrentHashMap<>();
	private volatile Map<String, String> global;

	private record Cached(Describes.Described described, String lastModified, Instant checked) {
	}

	SalesforceSchema(SalesforceApi api, Clock clock, Duration ttl) {
		this.api = api;
		this.clock = clock;
		this.ttl = ttl;
	}

	@Override
	public List<ObjectDescription> objects() {
		return global().keySet().stream().sorted().map(this::describe).toList();
	}

	@Override
	public ObjectDescription describe(String object) {
		return find(object).orElseThrow(() -> CrmException.unknownObject(object));
	}

	@Override
	public Optional<ObjectDescription> find(String object) {
		return canonicalName(object).map(name -> described(name).object());
	}

	/** The field records of this object are named by (Name, Subject, CaseNumber…). */
	String nameField(String object) {
		return described(describe(object).name()).nameField();
	}

	/** The object whose key prefix starts this id. */
	Optional<String> objectOfId(String id) {
		return id == null || id.length() < 3 ? Optional.empty()
				: global().entrySet().stream().filter(e -> id.startsWith(e.getValue())).map(Map.Entry::getKey).findFirst();
	}

	@Override
	public String canonicalPath(String object, String path) {
		return new FieldPaths(this::find).canonical(describe(object), path);
	}

	@Override
	public ObjectDescription defineObject(CustomObjectDefinition definition) {
		throw definedInSetup();
	}

	@Override
	public FieldDescription defineField(String object, CustomFieldDefinition definition) {
		throw definedInSetup();
	}

	private static CrmException definedInSetup() {
		return CrmException.refused(Refusal.INVALID, "Defined in Salesforce Setup", "On Salesforce, custom objects and fields are defined in Setup "
				+ "(Object Manager); Switchboard reads them through describe within minutes. Grant the integration user field access there too.");
	}

	private Optional<String> canonicalName(String object) {
		if (object == null || !ApiNames.isValid(object)) {
			return Optional.empty();
		}
		return global().keySet().stream().filter(name -> ApiNames.same(name, object)).findFirst();
	}

	private Map<String, String> global() {
		Map<String, String> names = global;
		if (names == null) {
			Map<String, String> found = new java.util.LinkedHashMap<>();
			for (JsonNode o : call("describeGlobal", () -> api.get("/sobjects/")).path("sobjects")) {
				String name = o.path("name").asString();
				if (STANDARD.contains(name) || name.endsWith("__c")) {
					found.put(name, o.path("keyPrefix").asString(""));
				}
			}
			names = Map.copyOf(found);
			global = names;
		}
		return names;
	}

	private static <T> T call(String object, java.util.function.Supplier<T> call) {
		try {
			return call.get();
		}
		catch (SalesforceApiException e) {
			throw SalesforceErrors.toCrm(object, null, e);
		}
	}

	private Describes.Described described(String name) {
		Instant now = clock.instant();
		Cached cached = cache.get(name);
		if (cached != null && cached.checked().plus(ttl).isAfter(now)) {
			return cached.described();
		}
		SalesforceApi.Conditional fresh = call(name, () -> api.getIfModifiedSince("/sobjects/" + name + "/describe",
				cached == null ? null : cached.lastModified()));
		Cached next = fresh == null ? new Cached(cached.described(), cached.lastModified(), now)
				: new Cached(Describes.read(fresh.body()), fresh.lastModified(), now);
		cache.put(name, next);
		return next.described();
	}
}
