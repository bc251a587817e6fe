package org.switchboard.platform.settings;

/** Published after a settings section was replaced, inside the same transaction. */
public record SettingsChanged(String section, String changedBy) {
}
