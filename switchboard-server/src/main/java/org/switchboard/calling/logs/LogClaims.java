package org.switchboard.calling.logs;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.switchboard.calling.calls.CallRow;
import org.switchboard.calling.calls.CallStore;
import org.switchboard.crm.CrmRecord;
import org.switchboard.crm.CrmRecords;
import org.switchboard.platform.errors.ProblemException;

/**
 * Writes a call's log to a remote CRM with no transaction open (ADR 0040): a short transaction claims the call's log for
 * a lease, the Task is written, and one guarded statement records it while the claim holds. A save that stopped after
 * the CRM stored its Task (a crash) leaves the claim to run out; the next save finds that Task by the Webex call id it
 * carries in {@code CallObject} and records it instead of writing a second.
 */
@Component
class LogClaims {

	/** Longer than one CRM write may take: four attempts of 30 s with their backoff, and a session refresh. */
	static final Duration LEASE = Duration.ofMinutes(5);
	private static final Logger log = LoggerFactory.getLogger(LogClaims.class);

	private final CallStore store;
	private final CrmRecords records;
	private final TransactionTemplate transactions;
	private final Clock clock;

	LogClaims(CallStore store, CrmRecords records, TransactionTemplate transactions, Clock clock) {
		this.store = store;
		this.records = records;
		this.transactions = transactions;
		this.clock = clock;
	}

	/** The id of the call's Task; {@code check} runs on the locked call before it is claimed. */
	String write(CallRow call, Map<String, Object> task, String userId, Consumer<CallRow> check) {
		String token = UUID.randomUUID().toString();
		transactions.executeWithoutResult(tx -> claim(call.id(), token, check));
		String taskId;
		try {
			taskId = written(call).orElseGet(() -> records.create("Task", task, userId).id());
		}
		catch (RuntimeException e) {
			store.releaseLog(call.id(), token);
			throw e;
		}
		if (!store.loggedWithClaim(call.id(), token, taskId)) {
			log.warn("The claim on the log of call {} ran out while its Task {} was written; the log is left to the later claim",
					call.id(), taskId);
			throw ProblemException.conflict("This call's log was saved by another request meanwhile");
		}
		return taskId;
	}

	private void claim(String callId, String token, Consumer<CallRow> check) {
		check.accept(store.lock(callId).orElseThrow());
		Instant now = clock.instant();
		if (!store.claimLog(callId, token, now, now.plus(LEASE))) {
			throw ProblemException.conflict("This call's log is being saved; try again in a moment");
		}
	}

	/** The Task an earlier save of this call wrote before it could record it (it stopped in between). */
	private Optional<String> written(CallRow call) {
		return records.findByField("Task", "CallObject", call.webexCallId()).stream().map(CrmRecord::id).findFirst();
	}
}
