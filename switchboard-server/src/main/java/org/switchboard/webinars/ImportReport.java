package org.switchboard.webinars;

import java.util.List;

import org.springframework.stereotype.Component;

import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvSchema;

/** The import's report as CSV: one line per person (key, outcome, record id, reason), written by Jackson's CSV module. */
@Component
class ImportReport {

	private static final CsvMapper CSV = CsvMapper.builder().build();
	private static final CsvSchema SCHEMA = CsvSchema.builder().addColumn("key").addColumn("outcome").addColumn("recordId")
		.addColumn("reason").build().withHeader();

	private final ImportJobs jobs;

	ImportReport(ImportJobs jobs) {
		this.jobs = jobs;
	}

	String csv(String importId) {
		List<Row> rows = jobs.outcomes(importId).stream().map(o -> new Row(o.key(), o.outcome(), o.recordId(), o.reason())).toList();
		return CSV.writer(SCHEMA).writeValueAsString(rows);
	}

	record Row(String key, String outcome, String recordId, String reason) {
	}
}
