package org.switchboard.crm;

/** What a Webex Admin supplies to define a custom object; the name must end in {@code __c}. */
public record CustomObjectDefinition(String name, String label, String labelPlural) {
}
