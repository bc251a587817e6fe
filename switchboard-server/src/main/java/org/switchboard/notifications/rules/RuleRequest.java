package org.switchboard.notifications.rules;

import java.util.List;

/** What an admin sends to create or replace a rule; {@code active} defaults to true. */
public record RuleRequest(String name, String object, List<String> trackedFields, String template, Boolean active) {
}
