package org.switchboard.workspace.web;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.switchboard.access.Access;
import org.switchboard.access.ObjectOperation;
import org.switchboard.access.SignedInOnly;
import org.switchboard.crm.CrmException;
import org.switchboard.crm.CrmRecord;
import org.switchboard.crm.CrmRecords;
import org.switchboard.crm.CrmSchema;
import org.switchboard.crm.FieldDescription;
import org.switchboard.crm.FieldType;
import org.switchboard.crm.ObjectDescription;
import org.switchboard.crm.RecordVersion;
import org.switchboard.crm.StaleRecordException;
import org.switchboard.platform.ui.RecordAction;
import org.switchboard.platform.ui.RecordActions;
import org.switchboard.platform.ui.RecordComponent;
import org.switchboard.platform.ui.RecordComponents;
import org.switchboard.workspace.RecordAccess;
import org.switchboard.workspace.RecordRights;
import org.switchboard.workspace.web.FieldValues.Shown;

/** List views, record pages and record forms for every object. */
@Controller
@SignedInOnly
class RecordPages {

	static final int RELATED_SHOWN = 50;

	/** The form field carrying the version the edit form was filled from (ADR 0021). */
	static final String VERSION = "_version";

	private final CrmRecords records;
	private final CrmSchema schema;
	private final List<RecordActions> actionProviders;
	private final List<RecordComponents> componentProviders;
	private final UserFormats formats;
	private final RecordRights rights;
	private final RecentViews recentViews;

	RecordPages(CrmRecords records, CrmSchema schema, List<RecordActions> actionProviders,
			List<RecordComponents> componentProviders, UserFormats formats, RecordRights rights, RecentViews recentViews) {
		this.formats = formats;
		this.recentViews = recentViews;
		this.rights = rights;
		this.records = records;
		this.schema = schema;
		this.actionProviders = actionProviders;
		this.componentProviders = componentProviders;
	}

	@GetMapping("/records/{object}/{id}")
	String view(@PathVariable String object, @PathVariable String id, Model model) {
		ObjectDescription description = allowed(object, ObjectOperation.READ);
		CrmRecord record = records.get(description.name(), id, List.of());
		model.addAttribute("object", description);
		model.addAttribute("record", record);
		FieldValues values = formats.values();
		model.addAttribute("highlights", highlights(description, record, values));
		model.addAttribute("details", details(description, record, values));
		model.addAttribute("actions", actions(description, record));
		model.addAttribute("components", componentProviders.stream()
			.flatMap(p -> p.componentsFor(description.name(), record.id()).stream())
			.sorted(Comparator.comparingInt(RecordComponent::order)).toList());
		model.addAttribute("related", related(description, record));
		model.addAttribute("values", values);
		model.addAttribute("stagePath", StagePath.of(description, record));
		recentViews.viewed(Access.currentUserId(), description.name(), record.id());
		model.addAttribute("mayEdit", rights.may(description, ObjectOperation.EDIT));
		model.addAttribute("mayDelete", rights.may(description, ObjectOperation.DELETE));
		return "records/view";
	}

	@GetMapping("/records/{object}/new")
	String newForm(@PathVariable String object, @RequestParam MultiValueMap<String, String> prefill, Model model) {
		ObjectDescription description = allowed(object, ObjectOperation.CREATE);
		Map<String, Object> values = new java.util.LinkedHashMap<>();
		// Fields named in the query string start filled in ("New lead" for an unknown caller passes Phone).
		description.fields().stream().filter(f -> f.updateable() && prefill.getFirst(f.name()) != null)
			.forEach(f -> values.put(f.name(), prefill.getFirst(f.name())));
		return form(model, description, null, values, Map.of());
	}

	@PostMapping("/records/{object}")
	String create(@PathVariable String object, @RequestParam MultiValueMap<String, String> form, Model model,
			RedirectAttributes redirect) {
		ObjectDescription description = allowed(object, ObjectOperation.CREATE);
		Map<String, Object> values = RecordForms.values(description, form, formats.zone());
		try {
			CrmRecord created = records.create(description.name(), values, Access.currentUserId());
			redirect.addFlashAttribute("flash", description.label() + " \"" + created.name() + "\" was created.");
			return "redirect:/records/" + description.name() + "/" + created.id();
		}
		catch (CrmException e) {
			model.addAttribute("formError", e.getMessage());
			return form(model, description, null, values, errors(e));
		}
	}

	@GetMapping("/records/{object}/{id}/edit")
	String editForm(@PathVariable String object, @PathVariable String id, Model model) {
		ObjectDescription description = allowed(object, ObjectOperation.EDIT);
		CrmRecord record = records.get(description.name(), id, List.of());
		model.addAttribute("version", records.version(description.name(), record.id()).tag());
		return form(model, description, record, record.fields(), Map.of());
	}

	@PostMapping("/records/{object}/{id}")
	String update(@PathVariable String object, @PathVariable String id, @RequestParam MultiValueMap<String, String> form,
			Model model, RedirectAttributes redirect) {
		ObjectDescription description = allowed(object, ObjectOperation.EDIT);
		CrmRecord record = records.get(description.name(), id, List.of());
		Map<String, Object> values = RecordForms.values(description, form, formats.zone());
		try {
			records.update(description.name(), record.id(), values, Access.currentUserId(), form.getFirst(VERSION));
			redirect.addFlashAttribute("flash", "Saved.");
			return "redirect:/records/" + description.name() + "/" + record.id();
		}
		catch (StaleRecordException e) {
			RecordVersion current = e.current();
			CrmRecord saved = records.get(description.name(), record.id(), List.of());
			StaleEdit.Merge merge = StaleEdit.merge(description, saved, values, form, formats.zone());
			String who = current.modifiedByName() == null ? "someone else" : current.modifiedByName();
			model.addAttribute("formError", "Changed by " + who + " at " + formats.dateTime(current.modifiedAt(), formats.zone())
					+ " — review and save again.");
			model.addAttribute("version", current.tag());
			model.addAttribute("savedNow", merge.conflicts());
			model.addAttribute("takenFromSaved", merge.takenFromSaved());
			model.addAttribute("changedBy", who);
			model.addAttribute("originals", StaleEdit.originals(description, saved.fields(), formats.zone()));
			return form(model, description, saved, merge.values(), Map.of());
		}
		catch (CrmException e) {
			model.addAttribute("version", form.getFirst(VERSION));
			Map<String, String> originals = new LinkedHashMap<>();
			description.fields().forEach(f -> originals.put(f.name(), form.getFirst(StaleEdit.WAS + f.name())));
			model.addAttribute("originals", originals);
			model.addAttribute("formError", e.getMessage());
			return form(model, description, record, values, errors(e));
		}
	}

	@GetMapping("/records/{object}/{id}/delete")
	String confirmDelete(@PathVariable String object, @PathVariable String id, Model model) {
		ObjectDescription description = allowed(object, ObjectOperation.DELETE);
		model.addAttribute("object", description);
		CrmRecord record = records.get(description.name(), id, List.of("Id"));
		model.addAttribute("record", record);
		model.addAttribute("version", records.version(description.name(), record.id()).tag());
		return "records/delete";
	}

	/** Deletes the record as it was when the page was shown: changed meanwhile, it stays and the user is told by whom. */
	@PostMapping("/records/{object}/{id}/delete")
	String delete(@PathVariable String object, @PathVariable String id, @RequestParam(name = VERSION, required = false) String version,
			RedirectAttributes redirect) {
		ObjectDescription description = allowed(object, ObjectOperation.DELETE);
		CrmRecord record = records.get(description.name(), id, List.of("Id"));
		String name = record.name() == null ? record.id() : record.name();
		try {
			records.delete(description.name(), record.id(), Access.currentUserId(), version);
		}
		catch (StaleRecordException e) {
			String who = e.current().modifiedByName() == null ? "someone else" : e.current().modifiedByName();
			redirect.addFlashAttribute("flash", description.label() + " \"" + name + "\" was not deleted: changed by " + who + " at "
					+ formats.dateTime(e.current().modifiedAt(), formats.zone()) + " — review it and delete again.");
			return "redirect:/records/" + description.name() + "/" + record.id();
		}
		redirect.addFlashAttribute("flash", description.label() + " \"" + name + "\" was deleted.");
		return "redirect:/records/" + description.name();
	}

	private String form(Model model, ObjectDescription description, CrmRecord record, Map<String, Object> values,
			Map<String, String> errors) {
		ZoneId zone = formats.zone();
		List<FormField> fields = description.fields().stream().filter(FieldDescription::updateable)
			.map(f -> new FormField(f, RecordForms.display(f, values.get(f.name()), zone), errors.get(f.name()), inputType(f),
					f.type() == FieldType.REFERENCE && !f.referenceTo().isEmpty() ? Lookup.of(records, description.name(), f, values.get(f.name())) : null))
			.toList();
		model.addAttribute("object", description);
		model.addAttribute("record", record);
		model.addAttribute("fields", fields);
		model.addAttribute("checkboxMarker", RecordForms.CHECKBOX_MARKER);
		model.addAttribute("userZone", zone.getId());
		if (record != null && !model.containsAttribute("originals")) {
			model.addAttribute("originals", StaleEdit.originals(description, values, zone));
		}
		return "records/form";
	}

	/** The object named in the path, once the user is known to may do {@code operation} on it (else 404 or 403). */
	private ObjectDescription allowed(String object, ObjectOperation operation) {
		ObjectDescription description = RecordAccess.resolve(schema, object);
		rights.require(description, operation);
		return description;
	}

	private List<RecordAction> actions(ObjectDescription object, CrmRecord record) {
		List<RecordAction> actions = new ArrayList<>();
		actionProviders.forEach(p -> actions.addAll(p.actionsFor(object.name(), record.id())));
		return actions.stream().sorted(Comparator.comparingInt(RecordAction::order)).limit(3).toList();
	}

	private List<Shown> highlights(ObjectDescription object, CrmRecord record, FieldValues values) {
		List<String> paths = RecordViews.highlights(object.name());
		CrmRecord resolved = paths.isEmpty() ? record : records.get(object.name(), record.id(), paths);
		return paths.stream()
			.map(p -> values.show(label(object, p), FieldValues.fieldAt(schema, object, p).orElse(null), resolved.get(p), null))
			.toList();
	}

	private List<Shown> details(ObjectDescription object, CrmRecord record, FieldValues values) {
		List<Shown> shown = new ArrayList<>();
		for (FieldDescription field : object.fields()) {
			Object value = record.get(field.name());
			if (value == null || field.type() == FieldType.ID) {
				continue;
			}
			if (field.type() == FieldType.REFERENCE) {
				String target = records.objectOf(value.toString()).orElse(null);
				String name = target == null ? null : records.get(target, value.toString(), List.of("Id")).name();
				// A dangling or nameless reference says so; the id itself is never shown.
				shown.add(new Shown(field.label(), name == null ? "(no name)" : name, "text",
						target == null ? null : "/records/" + target + "/" + value));
				continue;
			}
			shown.add(values.show(field.label(), field, value, null));
		}
		return shown;
	}

	/** Each related list's first {@value #RELATED_SHOWN} records; one more is read to tell the page there are more. */
	private List<RelatedList> related(ObjectDescription object, CrmRecord record) {
		return RecordViews.related(object.name()).stream()
			.map(r -> {
				List<CrmRecord> read = records.related(r.object(), r.field(), record.id(), RELATED_SHOWN + 1);
				List<CrmRecord> shown = read.subList(0, Math.min(read.size(), RELATED_SHOWN));
				return new RelatedList(r.title(), r.object(), shown, read.size() > RELATED_SHOWN,
						RelatedLabels.of(records, object.name(), r.object(), shown));
			})
			.filter(r -> !r.records().isEmpty() || !r.object().equals("Event"))
			.toList();
	}

	private Map<String, String> errors(CrmException e) {
		Map<String, String> errors = new LinkedHashMap<>();
		e.errors().forEach(p -> errors.merge(p.field(), p.message(), (a, b) -> a + "; " + b));
		return errors;
	}

	static String label(ObjectDescription object, String path) {
		return path.contains(".") ? path.substring(0, path.indexOf('.')) + " " + path.substring(path.lastIndexOf('.') + 1).replace("Name", "").trim()
				: object.field(path).map(FieldDescription::label).orElse(path);
	}

	private static boolean isPhone(ObjectDescription object, String path) {
		return object.field(path).map(FieldDescription::isPhone).orElse(false);
	}

	private static String inputType(FieldDescription field) {
		return switch (field.type()) {
			case EMAIL -> "email";
			case PHONE -> "tel";
			case NUMBER -> "number";
			case DATE -> "date";
			case DATETIME -> "datetime-local";
			case BOOLEAN -> "checkbox";
			case PICKLIST -> "select";
			case TEXT -> "textarea";
			default -> "text";
		};
	}

	record FormField(FieldDescription field, String value, String error, String inputType, Lookup lookup) {
	}

	/** A related list: the records shown, whether there are more, and labels for records without a name of their own. */
	record RelatedList(String title, String object, List<CrmRecord> records, boolean more, Map<String, String> labels) {
	}
}
