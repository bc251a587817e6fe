package org.switchboard.platform.ui;

/**
 * An action offered on a record page ("Make a call", "Create a space"). Feature modules contribute
 * {@link RecordActions} beans; the page shows the first three that apply, by {@code order}.
 *
 * @param href where the action goes (a page, or an htmx endpoint when {@code htmx} is true)
 */
public record RecordAction(String label, int order, String href, boolean htmx) {
}
