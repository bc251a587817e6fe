package org.switchboard.platform.ui;

/**
 * A feature's section of the Webex Admin console, rendered from a Thymeleaf fragment.
 *
 * @param id the section's anchor on the console (calling, messaging, ...)
 * @param model values the fragment reads as {@code section.model}
 */
public record AdminSection(String id, String title, String fragment, Object model) {
}
