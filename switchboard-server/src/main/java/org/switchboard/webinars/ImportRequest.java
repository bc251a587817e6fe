package org.switchboard.webinars;

import java.util.List;

/** {@code POST /api/webinars/{webinarId}/imports}: the target object, which lists of people, and the campaign. */
public record ImportRequest(String object, List<String> people, String campaignId) {
}
