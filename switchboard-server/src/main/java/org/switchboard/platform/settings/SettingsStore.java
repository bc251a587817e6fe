package org.switchboard.platform.settings;

import java.time.Clock;
import java.util.Objects;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.json.JsonMapper;

/** Stores each settings section as one JSON document; reads fall back to the section's defaults. */
@Component
public class SettingsStore {

	private final JdbcClient jdbc;
	private final JsonMapper json;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	SettingsStore(JdbcClient jdbc, JsonMapper json, ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.json = json;
		this.events = events;
		this.clock = clock;
	}

	public <T> T read(SettingsSection<T> section) {
		return rawDocument(section.name())
			.map(doc -> json.readValue(doc, section.type()))
			.orElseGet(section::defaults);
	}

	/** Validates and stores the section; returns the previous value. */
	@Transactional
	public <T> T replace(SettingsSection<T> section, T newValue, String actor) {
		T value = newValue;
		Objects.requireNonNull(value, "value");
		section.validate(value);
		T previous = read(section);
		value = section.beforeStore(value, previous);
		String document = json.writeValueAsString(value);
		int updated = jdbc.sql("UPDATE platform_setting SET document = ?, updated_by = ?, updated_date = ? WHERE section = ?")
			.params(document, actor, clock.instant().atOffset(java.time.ZoneOffset.UTC), section.name())
			.update();
		if (updated == 0) {
			jdbc.sql("INSERT INTO platform_setting (section, document, updated_by, updated_date) VALUES (?, ?, ?, ?)")
				.params(section.name(), document, actor, clock.instant().atOffset(java.time.ZoneOffset.UTC))
				.update();
		}
		events.publishEvent(new SettingsChanged(section.name(), actor));
		return previous;
	}

	private java.util.Optional<String> rawDocument(String section) {
		return jdbc.sql("SELECT document FROM platform_setting WHERE section = ?")
			.param(section)
			.query(String.class)
			.optional();
	}
}
