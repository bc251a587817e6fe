package org.switchboard.crm.salesforce;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The Bulk jobs this server started and has not finished reading ({@code crm_salesforce_bulk_job}), each row written
 * and deleted in a transaction of its own, so a caller's rolled-back transaction cannot forget a job Salesforce runs.
 * Jobs held by a running call of this server are {@code live}; a row that is not is an orphan of a stopped server (one
 * replica runs at a time, ADR 0024), claimed by one caller at a time.
 */
class BulkJobs {

	private final JdbcClient jdbc;
	private final TransactionTemplate own;
	private final Clock clock;
	private final Set<String> live = ConcurrentHashMap.newKeySet();

	BulkJobs(JdbcClient jdbc, PlatformTransactionManager transactions, Clock clock) {
		this.jdbc = jdbc;
		this.own = new TransactionTemplate(transactions);
		this.own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.clock = clock;
	}

	void started(String jobId, String object) {
		live.add(jobId);
		own.executeWithoutResult(tx -> jdbc.sql("INSERT INTO crm_salesforce_bulk_job (job_id, object_name, created_date) VALUES (?, ?, ?)")
			.params(jobId, object, OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC)).update());
	}

	/** The results were read: the job is no one's business any more. */
	void finished(String jobId) {
		own.executeWithoutResult(tx -> jdbc.sql("DELETE FROM crm_salesforce_bulk_job WHERE job_id = ?").param(jobId).update());
		live.remove(jobId);
	}

	/** The job stays on record for a later caller to pick up (it did not finish in time). */
	void release(String jobId) {
		live.remove(jobId);
	}

	/** Orphaned jobs of {@code object}, each now claimed by the caller (who must finish or release it). */
	List<String> claimOrphans(String object) {
		return jdbc.sql("SELECT job_id FROM crm_salesforce_bulk_job WHERE object_name = ? ORDER BY created_date").param(object)
			.query(String.class).list().stream().filter(live::add).toList();
	}
}
