package org.switchboard.webinars;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;

/** One import as {@code GET /api/imports/{importId}} shows it (state queued, running, done or failed). */
public record ImportJob(String importId, String webinarId, String webinarTitle, String object, List<String> people, String campaignId,
		String state, int total, int processed, int created, int updated, int skipped, int failed, String error,
		@JsonIgnore String userId, @JsonIgnore ImportMapping mapping) {

	public boolean finished() {
		return "done".equals(state) || "failed".equals(state);
	}

	/** Percent of people processed, 0–100 (100 once finished). */
	public int percent() {
		return finished() ? 100 : total == 0 ? 0 : (int) Math.min(100, processed * 100L / total);
	}
}
