package org.switchboard.workspace.web;

import java.util.ArrayList;
import java.util.List;

import org.switchboard.crm.CrmRecord;
import org.switchboard.crm.ObjectDescription;

/** The Opportunity stage path on the record header: stages passed, the current one, the rest (Closed Lost in red). */
final class StagePath {

	private StagePath() {
	}

	record Stage(String value, String state) {
	}

	static List<Stage> of(ObjectDescription object, CrmRecord record) {
		if (!object.name().equals("Opportunity")) {
			return List.of();
		}
		List<String> stages = object.field("StageName").map(f -> f.picklistValues()).orElse(List.of());
		String current = record.getString("StageName");
		int at = stages.indexOf(current);
		boolean lost = "Closed Lost".equals(current);
		List<Stage> path = new ArrayList<>();
		for (int i = 0; i < stages.size(); i++) {
			String value = stages.get(i);
			if (value.equals("Closed Lost") && !lost || value.equals("Closed Won") && lost) {
				continue; // one closing step: the one reached, else Closed Won as the goal
			}
			String state = i == at ? (lost ? "lost" : "current") : (i < at && !lost ? "done" : lost && i < at ? "done" : "todo");
			path.add(new Stage(value, state));
		}
		return path;
	}
}
