package org.switchboard.notifications.rules;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.switchboard.crm.CrmSchema;
import org.switchboard.crm.FieldDescription;
import org.switchboard.crm.ObjectDescription;
import org.switchboard.crm.TrackedFieldsChanged;
import org.switchboard.notifications.template.Templates;
import org.switchboard.platform.audit.AdminChange;
import org.switchboard.platform.errors.FieldProblem;
import org.switchboard.platform.errors.ProblemException;
import org.switchboard.platform.errors.Refusal;

/** Creates, replaces and deletes rules; each is validated against the CRM's describe first, and audited. */
@Service
public class Rules {

	private final RuleStore store;
	private final CrmSchema schema;
	private final Templates templates;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	Rules(RuleStore store, CrmSchema schema, Templates templates, ApplicationEventPublisher events, Clock clock) {
		this.store = store;
		this.schema = schema;
		this.templates = templates;
		this.events = events;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public List<Rule> all() {
		return store.all();
	}

	@Transactional
	public Rule create(RuleRequest request, String actor) {
		Rule rule = validated(UUID.randomUUID().toString(), request, actor);
		store.insert(rule);
		events.publishEvent(new AdminChange(actor, "notifications.rule.create", rule.id(), null, describe(rule)));
		events.publishEvent(new TrackedFieldsChanged(rule.object()));
		return rule;
	}

	@Transactional
	public Rule replace(String id, RuleRequest request, String actor) {
		Rule before = store.find(id).orElseThrow(() -> ProblemException.notFound("There is no notification rule with id '" + id + "'"));
		Rule rule = validated(id, request, actor);
		store.update(rule);
		events.publishEvent(new AdminChange(actor, "notifications.rule.update", id, describe(before), describe(rule)));
		events.publishEvent(new TrackedFieldsChanged(rule.object()));
		return rule;
	}

	@Transactional
	public void delete(String id, String actor) {
		Rule before = store.find(id).orElseThrow(() -> ProblemException.notFound("There is no notification rule with id '" + id + "'"));
		store.delete(id);
		events.publishEvent(new AdminChange(actor, "notifications.rule.delete", id, describe(before), null));
	}

	private Rule validated(String id, RuleRequest request, String actor) {
		List<FieldProblem> problems = new ArrayList<>();
		if (request.name() == null || request.name().isBlank()) {
			problems.add(new FieldProblem("name", "is required"));
		}
		else if (request.name().length() > 255) {
			problems.add(new FieldProblem("name", "is longer than 255 characters"));
		}
		if (request.object() == null || request.object().isBlank()) {
			problems.add(new FieldProblem("object", "is required"));
			throw invalid(problems);
		}
		ObjectDescription object = schema.describe(request.object().trim());
		List<String> tracked = trackedFields(object, request.trackedFields(), problems);
		String template = request.template() == null ? "" : request.template();
		if (template.length() > 7000) {
			problems.add(new FieldProblem("template", "is longer than 7,000 characters"));
		}
		try {
			templates.compile(object.name(), template);
		}
		catch (ProblemException e) {
			problems.addAll(e.errors());
		}
		if (!problems.isEmpty()) {
			throw invalid(problems);
		}
		return new Rule(id, request.name().trim(), object.name(), tracked, template, request.active() == null || request.active(),
				actor, clock.instant());
	}

	private static List<String> trackedFields(ObjectDescription object, List<String> requested, List<FieldProblem> problems) {
		if (requested == null || requested.isEmpty()) {
			problems.add(new FieldProblem("trackedFields", "name at least one field of " + object.name() + " to track"));
			return List.of();
		}
		Set<String> tracked = new LinkedHashSet<>();
		for (String name : requested) {
			String field = name == null ? "" : name.trim();
			object.field(field).map(FieldDescription::name).ifPresentOrElse(tracked::add,
					() -> problems.add(new FieldProblem("trackedFields", "unknown field '" + field + "' on " + object.name())));
		}
		return List.copyOf(tracked);
	}

	private static ProblemException invalid(List<FieldProblem> problems) {
		return new ProblemException(Refusal.INVALID, "Invalid rule", "The rule is invalid: "
				+ String.join("; ", problems.stream().map(p -> p.field() + " " + p.message()).toList()), problems);
	}

	private static String describe(Rule rule) {
		return rule.name() + " (" + rule.object() + " " + rule.trackedFields() + ", " + (rule.active() ? "active" : "inactive") + "): "
				+ rule.template();
	}
}
