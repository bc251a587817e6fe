package org.switchboard.platform.errors;

/**
 * Why the product refuses a request, in the domain's words. Services and modules raise a {@link ProblemException}
 * with one of these; only the web edge turns it into an HTTP status, from one table (ADR 0025).
 */
public enum Refusal {
	/** The input is wrong: a field, a definition, a template, a request that cannot be read. */
	INVALID,
	/** The caller did not prove who they are (a webhook delivery without a valid signature). */
	NOT_AUTHENTICATED,
	/** The caller is known but may not do this. */
	NOT_PERMITTED,
	/** The thing named does not exist (or is not visible to the caller). */
	NOT_FOUND,
	/** The request clashes with the current state (already exists, wrong state, another mode). */
	CONFLICT,
	/** The caller wrote from a version of the record older than the stored one (ADR 0021). */
	STALE,
	/** The content is larger than the product accepts. */
	TOO_LARGE,
	/** A service the product calls failed to do its part. */
	UPSTREAM_FAILED,
	/** A service the product relies on cannot answer right now; trying later may work. */
	UNAVAILABLE
}
