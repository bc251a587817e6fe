package org.switchboard.platform.ui;

/**
 * A component on a record page (the record's Webex spaces), rendered from a Thymeleaf fragment beside the
 * related lists.
 *
 * @param fragment a fragment expression the record page inserts, e.g. {@code messaging/spaces :: component}
 * @param model values the fragment reads as {@code component.model}
 */
public record RecordComponent(String title, int order, String fragment, Object model) {
}
