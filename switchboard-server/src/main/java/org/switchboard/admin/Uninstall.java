package org.switchboard.admin;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.switchboard.platform.lifecycle.Uninstallable;
import org.switchboard.platform.lifecycle.Uninstallable.Leftover;
import org.switchboard.platform.lifecycle.Uninstallable.Removal;

/**
 * Uninstall (A5): lists what still ties Switchboard to Webex and the CRM, module by module, and removes it. Running it
 * again removes only what is left (nothing, after a clean run), so it is safe to repeat after a partial failure.
 */
@Service
public class Uninstall {

	static final List<String> KINDS = List.of("webhook", "botMembership", "space", "meeting", "rule", "scheduledJob", "token");

	private final List<Uninstallable> parts;
	private final AuditLog audit;

	Uninstall(List<Uninstallable> parts, AuditLog audit) {
		this.parts = parts;
		this.audit = audit;
	}

	/** Every leftover by kind (each kind present, empty when nothing is left), and whether anything is. */
	public Map<String, Object> inventory() {
		Map<String, List<Leftover>> byKind = new LinkedHashMap<>();
		KINDS.forEach(k -> byKind.put(k, new ArrayList<>()));
		parts.forEach(p -> p.leftovers().forEach(l -> byKind.computeIfAbsent(l.kind(), k -> new ArrayList<>()).add(l)));
		Map<String, Object> inventory = new LinkedHashMap<>(byKind);
		inventory.put("empty", byKind.values().stream().allMatch(List::isEmpty));
		return inventory;
	}

	/** Removes everything (remote calls outside transactions, part by part), then reports what was removed and what not. */
	public Map<String, Object> run(String actor) {
		List<Leftover> removed = new ArrayList<>();
		List<Map<String, String>> notRemoved = new ArrayList<>();
		for (Uninstallable part : parts) {
			for (Removal removal : part.remove()) {
				if (removal.done()) {
					removed.add(removal.item());
				}
				else {
					Map<String, String> failure = new LinkedHashMap<>();
					failure.put("kind", removal.item().kind());
					failure.put("id", removal.item().id());
					failure.put("description", removal.item().description());
					failure.put("reason", removal.reason());
					notRemoved.add(failure);
				}
			}
		}
		audit.record(actor, "uninstall", "webex", null, removed.size() + " removed, " + notRemoved.size() + " not removed");
		Map<String, Object> report = new LinkedHashMap<>();
		report.put("removed", removed);
		report.put("notRemoved", notRemoved);
		report.put("remaining", inventory());
		return report;
	}
}
