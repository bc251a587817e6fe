package dev.switchboard.salesforce.sandbox.schema;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.switchboard.salesforce.sandbox.http.SfError;

/** The org's objects, read from {@code objects.txt}; describe results are built from it. */
public final class Schema {

	private final Map<String, ObjectSpec> objects = new LinkedHashMap<>();
	private final Instant lastModified = Instant.now().truncatedTo(ChronoUnit.SECONDS);

	public Schema() {
		try (BufferedReader in = new BufferedReader(new InputStreamReader(
				Schema.class.getResourceAsStream("/dev/switchboard/salesforce/sandbox/objects.txt"), StandardCharsets.UTF_8))) {
			load(in.lines().toList());
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	public List<ObjectSpec> objects() {
		return List.copyOf(objects.values());
	}

	public Instant lastModified() {
		return lastModified;
	}

	public Optional<ObjectSpec> find(String name) {
		return objects.values().stream().filter(o -> o.name().equalsIgnoreCase(name)).findFirst();
	}

	/** The object, or Salesforce's 404 NOT_FOUND for an sObject type it does not have. */
	public ObjectSpec require(String name) {
		return find(name).orElseThrow(() -> SfError.of(404, "NOT_FOUND", "The requested resource does not exist"));
	}

	public Optional<ObjectSpec> byKeyPrefix(String id) {
		return id == null || id.length() < 3 ? Optional.empty()
				: objects.values().stream().filter(o -> id.startsWith(o.keyPrefix())).findFirst();
	}

	private void load(List<String> lines) {
		String[] header = null;
		List<FieldSpec> fields = new ArrayList<>();
		for (String raw : lines) {
			String line = raw.strip();
			if (line.isEmpty() || line.startsWith("#")) {
				continue;
			}
			if (line.startsWith("object ")) {
				add(header, fields);
				header = line.split("\\s+");
				fields = new ArrayList<>();
			}
			else {
				fields.add(field(line, header));
			}
		}
		add(header, fields);
	}

	private void add(String[] header, List<FieldSpec> fields) {
		if (header == null) {
			return;
		}
		String nameField = Arrays.stream(header).filter(t -> t.startsWith("name=")).map(t -> t.substring(5)).findFirst().orElse("Name");
		List<FieldSpec> all = new ArrayList<>();
		all.add(new FieldSpec("Id", "id", false, true, List.of(), List.of(), null, "Id".equals(nameField)));
		fields.forEach(f -> all.add(f.name().equals(nameField) ? new FieldSpec(f.name(), f.type(), f.required(), f.computed(),
				f.referenceTo(), f.picklistValues(), f.defaultValue(), true) : f));
		if (Arrays.asList(header).contains("owner")) {
			all.add(new FieldSpec("OwnerId", "reference", false, false, List.of("User"), List.of(), null, false));
		}
		all.add(new FieldSpec("IsDeleted", "boolean", false, true, List.of(), List.of(), null, false));
		for (String audit : List.of("CreatedDate", "CreatedById", "LastModifiedDate", "LastModifiedById", "SystemModstamp")) {
			boolean reference = audit.endsWith("ById");
			all.add(new FieldSpec(audit, reference ? "reference" : "datetime", false, true, reference ? List.of("User") : List.of(),
					List.of(), null, false));
		}
		objects.put(header[1], new ObjectSpec(header[1], header[2].replace('_', ' '), header[3].replace('_', ' '), header[4], all));
	}

	private static FieldSpec field(String line, String[] header) {
		String[] parts = line.split("\\s+", 3);
		String type = parts[1].replaceAll("[!@]$", "");
		List<String> values = parts.length < 3 ? List.of() : List.of(parts[2].split("reference".equals(type) ? "," : ";"));
		String defaultValue = values.stream().filter(v -> v.startsWith("*")).map(v -> v.substring(1)).findFirst().orElse(null);
		List<String> clean = values.stream().map(v -> v.startsWith("*") ? v.substring(1) : v).toList();
		boolean reference = "reference".equals(type);
		return new FieldSpec(parts[0], type, parts[1].endsWith("!") && defaultValue == null, parts[1].endsWith("@"),
				reference ? clean : List.of(), reference ? List.of() : clean, defaultValue, false);
	}
}
