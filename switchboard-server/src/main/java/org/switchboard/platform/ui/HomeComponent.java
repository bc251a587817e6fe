package org.switchboard.platform.ui;

/**
 * A component in a home-page slot, rendered from a Thymeleaf fragment (e.g. {@code meetings/home :: calendar}).
 *
 * @param fragment a fragment expression the home page inserts
 * @param model extra values the fragment reads as {@code component.model}
 */
public record HomeComponent(String title, int order, String fragment, Object model) {
}
