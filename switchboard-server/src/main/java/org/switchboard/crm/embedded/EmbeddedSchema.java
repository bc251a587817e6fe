package org.switchboard.crm.embedded;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.transaction.annotation.Transactional;
import org.switchboard.crm.CrmException;
import org.switchboard.crm.CrmSchema;
import org.switchboard.crm.CustomFieldDefinition;
import org.switchboard.crm.CustomObjectDefinition;
import org.switchboard.crm.FieldDescription;
import org.switchboard.crm.FieldType;
import org.switchboard.crm.ObjectDescription;
import org.switchboard.platform.names.ApiNames;

/**
 * Standard objects from the catalog plus custom objects and fields stored in the database.
 * Custom definitions are cached briefly, so that a definition made on another replica shows up within seconds.
 */
class EmbeddedSchema implements CrmSchema {

	private static final Duration CACHE_TTL = Duration.ofSeconds(5);

	private final CustomDefinitions definitions;
	private final CustomDefinitionRules rules;
	private final Clock clock;
	private volatile Snapshot snapshot;

	EmbeddedSchema(CustomDefinitions definitions, Clock clock) {
		this.definitions = definitions;
		this.rules = new CustomDefinitionRules(this);
		this.clock = clock;
	}

	@Override
	public List<ObjectDescription> objects() {
		return List.copyOf(current().objects().values());
	}

	@Override
	public ObjectDescription describe(String object) {
		return find(object).orElseThrow(() -> CrmException.unknownObject(object));
	}

	@Override
	public Optional<ObjectDescription> find(String object) {
		if (!ApiNames.isValid(object)) {
			return Optional.empty();
		}
		Optional<ObjectDescription> found = lookup(current(), object);
		return found.isPresent() ? found : lookup(reload(), object);
	}

	@Override
	public String canonicalPath(String object, String path) {
		return new FieldPaths(this::find).canonical(describe(object), path);
	}

	@Override
	@Transactional
	public ObjectDescription defineObject(CustomObjectDefinition definition) {
		rules.checkObject(definition);
		if (find(definition.name()).isPresent()) {
			throw CrmException.duplicate("An object named '" + definition.name() + "'");
		}
		definitions.insertObject(definition, nextKeyPrefix(), clock.instant());
		reload();
		return describe(definition.name());
	}

	@Override
	@Transactional
	public FieldDescription defineField(String object, CustomFieldDefinition definition) {
		ObjectDescription target = describe(object);
		rules.checkField(target, definition);
		FieldDescription field = CustomDefinitions.toField(definition);
		definitions.insertField(target.name(), field, clock.instant());
		reload();
		return field;
	}

	private String nextKeyPrefix() {
		return "a" + RecordIds.base62(definitions.countObjects() + 62, 2);
	}

	private Optional<ObjectDescription> lookup(Snapshot s, String object) {
		return ApiNames.key(object).map(key -> s.byKey().get(key));
	}

	private Snapshot current() {
		Snapshot s = snapshot;
		if (s == null || s.loadedAt().plus(CACHE_TTL).isBefore(clock.instant())) {
			s = reload();
		}
		return s;
	}

	private synchronized Snapshot reload() {
		List<ObjectDescription> custom = definitions.loadObjects();
		Map<String, List<FieldDescription>> customFields = definitions.loadFields();
		Map<String, ObjectDescription> all = new LinkedHashMap<>();
		List<String> customNames = custom.stream().map(ObjectDescription::name).toList();
		for (ObjectDescription o : StandardObjects.ALL) {
			all.put(o.name(), withCustomFields(withCustomWhatTargets(o, customNames), customFields));
		}
		custom.forEach(o -> all.put(o.name(), withCustomFields(o, customFields)));
		Map<String, ObjectDescription> byKey = new java.util.HashMap<>();
		all.values().forEach(o -> byKey.put(ApiNames.key(o.name()).orElseThrow(), o));
		snapshot = new Snapshot(all, byKey, clock.instant());
		return snapshot;
	}

	private static ObjectDescription withCustomFields(ObjectDescription o, Map<String, List<FieldDescription>> fields) {
		ObjectDescription result = o;
		for (FieldDescription f : fields.getOrDefault(o.name(), List.of())) {
			result = result.withField(f);
		}
		return result;
	}

	/** Activities may relate to records of any custom object, as in Salesforce. */
	private static ObjectDescription withCustomWhatTargets(ObjectDescription o, List<String> customNames) {
		if (customNames.isEmpty() || o.field("WhatId").isEmpty()) {
			return o;
		}
		List<FieldDescription> fields = new ArrayList<>();
		for (FieldDescription f : o.fields()) {
			if (f.name().equals("WhatId")) {
				List<String> targets = new ArrayList<>(f.referenceTo());
				targets.addAll(customNames);
				f = new FieldDescription(f.name(), f.label(), FieldType.REFERENCE, false, targets, List.of(), false, true);
			}
			fields.add(f);
		}
		return new ObjectDescription(o.name(), o.label(), o.labelPlural(), o.custom(), o.keyPrefix(), fields);
	}

	/** The objects in catalog order, and keyed by their one lookup key ({@link ApiNames#key}). */
	private record Snapshot(Map<String, ObjectDescription> objects, Map<String, ObjectDescription> byKey, Instant loadedAt) {
	}
}
