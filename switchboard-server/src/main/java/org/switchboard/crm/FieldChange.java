package org.switchboard.crm;

/** A field's value before and after a change; either may be null. */
public record FieldChange(Object oldValue, Object newValue) {
}
