package org.switchboard.crm;

/**
 * Published (in the writing transaction) when the fields tracked on {@code object} may have grown, such as when a
 * notification rule is created or edited: a CRM adapter that keeps last-known values ({@link TrackedFields}) reads the
 * values it lacks, so the first change after the rule already has its prior value.
 */
public record TrackedFieldsChanged(String object) {
}
