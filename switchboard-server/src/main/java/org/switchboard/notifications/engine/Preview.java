package org.switchboard.notifications.engine;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.switchboard.crm.CrmSchema;
import org.switchboard.notifications.template.Templates;
import org.switchboard.platform.errors.FieldProblem;
import org.switchboard.platform.errors.ProblemException;

/** Renders a template against a real record, as a rule would post it (prior values shown as a marker). */
@Service
public class Preview {

	private final CrmSchema schema;
	private final Templates templates;
	private final MessageRenderer renderer;

	Preview(CrmSchema schema, Templates templates, MessageRenderer renderer) {
		this.schema = schema;
		this.templates = templates;
		this.renderer = renderer;
	}

	@Transactional(readOnly = true)
	public String render(String object, String recordId, String template) {
		if (object == null || object.isBlank()) {
			throw ProblemException.badRequest("object is required", new FieldProblem("object", "is required"));
		}
		if (recordId == null || recordId.isBlank()) {
			throw ProblemException.badRequest("recordId is required", new FieldProblem("recordId", "is required"));
		}
		String name = schema.describe(object.trim()).name();
		return renderer.preview(name, recordId.trim(), templates.compile(name, template));
	}
}
