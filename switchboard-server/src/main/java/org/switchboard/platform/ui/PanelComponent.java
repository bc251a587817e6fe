package org.switchboard.platform.ui;

/**
 * A part of the utility bar's Webex panel (the dialer, chat), rendered from a Thymeleaf fragment on every page.
 *
 * @param fragment a fragment expression the layout inserts, e.g. {@code calling/panel :: panel}
 */
public record PanelComponent(String title, int order, String fragment) {
}
