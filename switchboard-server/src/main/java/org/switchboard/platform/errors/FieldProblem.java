package org.switchboard.platform.errors;

/** One invalid input: the field (or path) it concerns and why it was rejected. */
public record FieldProblem(String field, String message) {
}
