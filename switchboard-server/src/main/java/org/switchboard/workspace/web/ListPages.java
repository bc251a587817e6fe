package org.switchboard.workspace.web;

import java.util.List;
import java.util.stream.IntStream;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.switchboard.access.ObjectOperation;
import org.switchboard.access.SignedInOnly;
import org.switchboard.crm.CrmRecord;
import org.switchboard.crm.CrmRecords;
import org.switchboard.crm.CrmSchema;
import org.switchboard.crm.FieldDescription;
import org.switchboard.crm.ObjectDescription;
import org.switchboard.workspace.RecordAccess;
import org.switchboard.workspace.RecordRights;
import org.switchboard.workspace.web.FieldValues.Shown;

/** The list view of an object: a chosen view, search (names or phone digits), sortable columns, paging that keeps both. */
@Controller
@SignedInOnly
class ListPages {

	static final int PAGE_SIZE = 25;

	private final CrmRecords records;
	private final CrmSchema schema;
	private final RecordRights rights;
	private final ListViews views;
	private final UserFormats formats;

	ListPages(CrmRecords records, CrmSchema schema, RecordRights rights, ListViews views, UserFormats formats) {
		this.records = records;
		this.schema = schema;
		this.rights = rights;
		this.views = views;
		this.formats = formats;
	}

	@GetMapping("/records/{object}")
	String list(@PathVariable String object, @RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "all") String view, @RequestParam(required = false) String sort,
			@RequestParam(defaultValue = "asc") String dir, @RequestHeader(name = "HX-Request", required = false) String htmx,
			Model model) {
		ObjectDescription description = RecordAccess.resolve(schema, object);
		rights.require(description, ObjectOperation.READ);
		List<ListViews.View> choices = views.views(description);
		String chosen = choices.stream().map(ListViews.View::key).filter(view::equals).findFirst().orElse("all");
		String sorted = sort == null ? null : description.field(sort).map(FieldDescription::name).orElse(null);
		boolean descending = "desc".equals(dir);
		int from = Math.max(0, page);
		ListViews.Result results = views.list(description, chosen, q, sorted, descending, from * PAGE_SIZE, PAGE_SIZE);
		List<String> columns = RecordViews.columns(description.name()).isEmpty() ? firstFields(description)
				: RecordViews.columns(description.name());
		model.addAttribute("object", description);
		model.addAttribute("mayCreate", rights.may(description, ObjectOperation.CREATE));
		model.addAttribute("q", q == null ? "" : q);
		model.addAttribute("views", choices);
		model.addAttribute("view", chosen);
		model.addAttribute("sort", sorted == null ? "Name" : sorted);
		model.addAttribute("dir", descending ? "desc" : "asc");
		model.addAttribute("page", from);
		model.addAttribute("pageSize", PAGE_SIZE);
		model.addAttribute("results", results);
		model.addAttribute("columns", columns.stream()
			.map(c -> new Column(c, RecordPages.label(description, c), !c.contains("."))).toList());
		FieldValues values = formats.values();
		List<FieldDescription> types = columns.stream().map(c -> FieldValues.fieldAt(schema, description, c).orElse(null)).toList();
		model.addAttribute("rows", results.records().stream().map(r -> withPaths(r, columns))
			.map(r -> new Row(r, IntStream.range(0, columns.size())
				.mapToObj(i -> values.show(columns.get(i), types.get(i), r.get(columns.get(i)), null)).toList()))
			.toList());
		return htmx != null ? "records/list :: results" : "records/list";
	}

	private CrmRecord withPaths(CrmRecord record, List<String> columns) {
		return columns.stream().anyMatch(c -> c.contains(".")) ? records.get(record.object(), record.id(), columns) : record;
	}

	private static List<String> firstFields(ObjectDescription object) {
		return object.fields().stream().filter(f -> f.updateable() && !f.name().equals("Name")).limit(4).map(FieldDescription::name).toList();
	}

	record Column(String path, String label, boolean sortable) {
	}

	record Row(CrmRecord record, List<Shown> cells) {
	}
}
