package org.switchboard.notifications.template;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;
import org.switchboard.crm.CrmSchema;
import org.switchboard.platform.errors.FieldProblem;
import org.switchboard.platform.errors.ProblemException;
import org.switchboard.platform.errors.Refusal;

/** Parses a template and checks each placeholder against the CRM's describe, spelling paths canonically. */
@Component
public class Templates {

	private final CrmSchema schema;

	Templates(CrmSchema schema) {
		this.schema = schema;
	}

	/** @throws ProblemException 400 naming every unknown field or path (on {@code template}) */
	public Template compile(String object, String source) {
		Template parsed = TemplateParser.parse(source);
		List<FieldProblem> problems = new ArrayList<>();
		List<Object> parts = new ArrayList<>();
		for (Object part : parsed.parts()) {
			if (part instanceof Placeholder p) {
				try {
					parts.add(new Placeholder(schema.canonicalPath(object, p.path()), p.prior()));
				}
				catch (ProblemException unknown) {
					problems.add(new FieldProblem("template", p + ": unknown field or relationship path '" + p.path() + "' on " + object));
				}
			}
			else {
				parts.add(part);
			}
		}
		if (!problems.isEmpty()) {
			throw new ProblemException(Refusal.INVALID, "Invalid template", "The template names fields that " + object + " does not have: "
					+ String.join("; ", problems.stream().map(FieldProblem::message).toList()), problems);
		}
		return new Template(parts);
	}
}
