package org.switchboard.crm;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Which version of a record a reader saw, for optimistic concurrency (ADR 0021): an opaque {@code tag} the
 * adapter compares (the embedded store's version counter, Salesforce's LastModifiedDate), and who last changed the
 * record and when, so a refused write can say so.
 *
 * @param modifiedByName the last modifier's display name, or null when unknown
 */
public record RecordVersion(String tag, String modifiedById, String modifiedByName, Instant modifiedAt) {

	private static final DateTimeFormatter SALESFORCE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSxx");

	/** Whether an {@code If-Match}-style expectation names this version ({@code *} names any). */
	public boolean matches(String expected) {
		return expected == null || expected.equals("*") || expected.equals(tag);
	}

	/** Reads a LastModifiedDate as either CRM writes it: ISO-8601 or Salesforce's {@code 2026-11-30T09:15:00.000+0000}. */
	public static Instant parseInstant(String value) {
		if (value == null) {
			return null;
		}
		try {
			return OffsetDateTime.parse(value).toInstant();
		}
		catch (DateTimeParseException e) {
			try {
				return OffsetDateTime.parse(value, SALESFORCE).toInstant();
			}
			catch (DateTimeParseException again) {
				return null;
			}
		}
	}
}
