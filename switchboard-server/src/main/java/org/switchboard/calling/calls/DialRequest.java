package org.switchboard.calling.calls;

/** Either a number ({@code to}) or a record and one of its admin-chosen phone fields. */
public record DialRequest(String to, String object, String id, String phoneField) {
}
