package org.switchboard.notifications.rules;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.switchboard.notifications.template.Templates;
import org.switchboard.platform.errors.ProblemException;

/**
 * The active rules by object, compiled once. Every lookup compares the cached version with the stored one (a
 * primary-key read) so that a rule changed on any replica is seen by the next record change here.
 */
@Component
public class RuleCache {

	private static final Logger log = LoggerFactory.getLogger(RuleCache.class);

	private final RuleStore store;
	private final Templates templates;
	private volatile Snapshot snapshot = new Snapshot(-1, Map.of());

	RuleCache(RuleStore store, Templates templates) {
		this.store = store;
		this.templates = templates;
	}

	/** The active rules of {@code object}; called inside the writing transaction. */
	public List<CompiledRule> activeRules(String object) {
		long version = store.version();
		Snapshot current = snapshot;
		if (current.version != version) {
			current = load(version);
			snapshot = current;
		}
		return current.byObject.getOrDefault(object, List.of());
	}

	private Snapshot load(long version) {
		Map<String, List<CompiledRule>> byObject = store.active().stream()
			.flatMap(r -> compile(r).stream())
			.collect(Collectors.groupingBy(c -> c.rule().object(), Collectors.toUnmodifiableList()));
		return new Snapshot(version, byObject);
	}

	/** A rule whose template no longer fits the schema is skipped (and logged), never allowed to fail a CRM write. */
	private Optional<CompiledRule> compile(Rule rule) {
		try {
			return Optional.of(new CompiledRule(rule, Set.copyOf(rule.trackedFields()), templates.compile(rule.object(), rule.template())));
		}
		catch (ProblemException e) {
			log.warn("Notification rule {} ({}) is skipped: {}", rule.id(), rule.name(), e.getMessage());
			return Optional.empty();
		}
	}

	private record Snapshot(long version, Map<String, List<CompiledRule>> byObject) {
	}
}
