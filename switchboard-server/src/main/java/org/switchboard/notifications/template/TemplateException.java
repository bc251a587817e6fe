package org.switchboard.notifications.template;

import java.util.List;

import org.switchboard.platform.errors.FieldProblem;
import org.switchboard.platform.errors.ProblemException;
import org.switchboard.platform.errors.Refusal;

/** A template that cannot be used: invalid input on the {@code template} field, saying why. */
public class TemplateException extends ProblemException {

	public TemplateException(String message) {
		super(Refusal.INVALID, "Invalid template", "The template is invalid: " + message, List.of(new FieldProblem("template", message)));
	}
}
