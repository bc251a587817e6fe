package org.switchboard.crm;

import java.util.List;

import org.switchboard.platform.errors.FieldProblem;
import org.switchboard.platform.errors.ProblemException;
import org.switchboard.platform.names.ApiNames;

/** The CRM's refusals, each with the status and problem details the API answers with. */
public class CrmException extends ProblemException {

	CrmException(int status, String title, String detail, List<FieldProblem> errors) {
		super(status, title, detail, errors);
	}

	public static CrmException unknownObject(String object) {
		String name = ApiNames.abbreviate(object);
		return new CrmException(400, "Unknown object", "There is no object named '" + name + "'",
				List.of(new FieldProblem("object", "unknown object '" + name + "'")));
	}

	/** An object named in a URL path that does not exist (or is not an ASCII API name at all). */
	public static CrmException noSuchObject(String object) {
		return new CrmException(404, "Unknown object", "There is no object named '" + ApiNames.abbreviate(object) + "'",
				List.of());
	}

	public static CrmException invalidFields(String object, List<FieldProblem> problems) {
		String fields = String.join(", ", problems.stream().map(FieldProblem::field).toList());
		return new CrmException(400, "Invalid field values", "Invalid values for " + object + ": " + fields, problems);
	}

	public static CrmException notFound(String object, String id) {
		return new CrmException(404, "Record not found", "There is no " + object + " with id '" + id + "'", List.of());
	}

	/** The record is no longer at the version the writer read (ADR 0021): 412, nothing saved. */
	public static StaleRecordException stale(String object, String id, RecordVersion current) {
		return new StaleRecordException(object, id, current);
	}

	public static CrmException duplicate(String what) {
		return new CrmException(409, "Already exists", what + " already exists", List.of());
	}

	public static CrmException invalidDefinition(List<FieldProblem> problems) {
		return new CrmException(400, "Invalid definition", "The definition is invalid: "
				+ String.join("; ", problems.stream().map(p -> p.field() + " " + p.message()).toList()), problems);
	}

	/**
	 * The remote CRM could not answer (busy, over its API allocation, disconnected): a 503 with a message that says
	 * what happened and what to do, never a 500.
	 */
	public static CrmException unavailable(String title, String detail) {
		return new CrmException(503, title, detail, List.of());
	}

	/** A request the remote CRM refused for a reason that is not a field's (permissions, a rule of the org). */
	public static CrmException refused(int status, String title, String detail) {
		return new CrmException(status, title, detail, List.of());
	}
}
