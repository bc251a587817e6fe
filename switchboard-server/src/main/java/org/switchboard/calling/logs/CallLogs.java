package org.switchboard.calling.logs;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.switchboard.calling.calls.CallControl;
import org.switchboard.calling.calls.CallRow;
import org.switchboard.calling.calls.CallStore;
import org.switchboard.calling.calls.CallView;
import org.switchboard.calling.live.LiveCalls;
import org.switchboard.calling.settings.CallLogSettings;
import org.switchboard.calling.settings.CallingSettings;
import org.switchboard.crm.CrmRecords;
import org.switchboard.platform.errors.FieldProblem;
import org.switchboard.platform.errors.ProblemException;
import org.switchboard.platform.errors.Refusal;

/** Call logs: an ended call becomes a Task (type Call, direction, duration, who and what) once its user saves it. */
@Service
public class CallLogs {

	static final int MAX_SUBJECT = 255;
	static final int MAX_NOTES = 32_000;

	private final CallControl calls;
	private final CallStore store;
	private final CrmRecords records;
	private final CallingSettings settings;
	private final LiveCalls live;
	private final LogClaims claims;
	private final TransactionTemplate transactions;
	private final Clock clock;

	CallLogs(CallControl calls, CallStore store, CrmRecords records, CallingSettings settings, LiveCalls live, LogClaims claims,
			TransactionTemplate transactions, Clock clock) {
		this.calls = calls;
		this.store = store;
		this.records = records;
		this.settings = settings;
		this.live = live;
		this.claims = claims;
		this.transactions = transactions;
		this.clock = clock;
	}

	/**
	 * Writes the Task for the user's ended call; every check runs before anything is written. A CRM kept in our database
	 * writes it in the transaction that holds the call's lock, so the Task and "logged" commit together; a remote CRM
	 * is written with no transaction open, under a claim on the call's log ({@link LogClaims}, ADR 0040).
	 */
	public String save(String userId, String callId, LogRequest request) {
		calls.owned(userId, callId);
		if (records.writesJoinOurTransaction()) {
			return transactions.execute(tx -> {
				CallRow call = store.lock(callId).orElseThrow();
				CallRow logged = call.withLog("logged", records.create("Task", checkedTask(call, request), userId).id());
				store.update(logged);
				live.publish(userId, CallView.of(logged));
				return logged.taskId();
			});
		}
		CallRow call = store.byId(callId).orElseThrow();
		String taskId = claims.write(call, checkedTask(call, request), userId,
				locked -> checkCanLog(locked, settings.callLogs().of(locked.direction().inbound())));
		store.byId(callId).ifPresent(logged -> live.publish(userId, CallView.of(logged)));
		return taskId;
	}

	/** The Task's fields once every check passed; reads the CRM (whose ids the request names). */
	private Map<String, Object> checkedTask(CallRow call, LogRequest request) {
		CallLogSettings.Direction direction = settings.callLogs().of(call.direction().inbound());
		checkCanLog(call, direction);
		LogRequest effective = withDefaultWho(call, request);
		checkRequest(effective, direction);
		return task(call, effective);
	}

	/** The user's ended calls still waiting for a log. */
	public List<CallView> drafts(String userId) {
		return store.draftsFor(userId, 50).stream().map(CallView::of).toList();
	}

	@Transactional
	public void dismiss(String userId, String callId) {
		calls.owned(userId, callId);
		CallRow call = store.lock(callId).orElseThrow();
		if (!"draft".equals(call.logStatus())) {
			throw ProblemException.conflict("Only a draft log can be dismissed; this call's log is " + call.logStatus());
		}
		if (store.logClaimed(callId, clock.instant())) {
			throw ProblemException.conflict("This call's log is being saved");
		}
		CallRow dismissed = call.withLog("dismissed", null);
		store.update(dismissed);
		live.publish(userId, CallView.of(dismissed));
	}

	/** Without a whoId the log goes to the record the call was placed from, or to the caller's only match. */
	private static LogRequest withDefaultWho(CallRow call, LogRequest request) {
		if (request.whoId() != null) {
			return request;
		}
		String who = call.whoId() != null ? call.whoId()
				: call.matches().size() == 1 && List.of("Contact", "Lead").contains(call.matches().get(0).object())
						? call.matches().get(0).id() : null;
		return new LogRequest(request.subject(), request.notes(), who, request.whatId(), request.disposition());
	}

	private static void checkCanLog(CallRow call, CallLogSettings.Direction direction) {
		if (!direction.enabled()) {
			throw new ProblemException(Refusal.NOT_PERMITTED, "Call logs are off",
					"Your admin has switched off " + call.direction().json() + " call logs");
		}
		if ("logged".equals(call.logStatus())) {
			throw ProblemException.conflict("This call is logged already (Task " + call.taskId() + ")");
		}
		if (!call.ended()) {
			throw ProblemException.conflict("The call is still going on; save its log when it has ended");
		}
	}

	private void checkRequest(LogRequest request, CallLogSettings.Direction direction) {
		List<FieldProblem> problems = new ArrayList<>();
		tooLong(problems, "subject", request.subject(), MAX_SUBJECT);
		tooLong(problems, "disposition", request.disposition(), MAX_SUBJECT);
		tooLong(problems, "notes", request.notes(), MAX_NOTES);
		String whoObject = objectOf(problems, "whoId", request.whoId());
		if (whoObject != null && !List.of("Contact", "Lead").contains(whoObject)) {
			problems.add(new FieldProblem("whoId", "must be a Contact or a Lead, not a " + whoObject));
		}
		String whatObject = objectOf(problems, "whatId", request.whatId());
		if (whatObject != null && !direction.relatedObjects().contains(whatObject)) {
			problems.add(new FieldProblem("whatId", whatObject + " is not one of the objects this call's log may be related to: "
					+ direction.relatedObjects()));
		}
		if ("Lead".equals(whoObject) && request.whatId() != null) {
			problems.add(new FieldProblem("whatId", "must be empty when the call is logged against a Lead"));
		}
		if (!problems.isEmpty()) {
			throw new ProblemException(Refusal.INVALID, "Invalid call log", problems.get(0).field() + " " + problems.get(0).message(), problems);
		}
	}

	private String objectOf(List<FieldProblem> problems, String field, String id) {
		if (id == null || id.isBlank()) {
			return null;
		}
		String object = records.objectOf(id).orElse(null);
		if (object == null) {
			problems.add(new FieldProblem(field, "'" + id + "' is not a record"));
		}
		return object;
	}

	private static void tooLong(List<FieldProblem> problems, String field, String value, int max) {
		if (value != null && value.length() > max) {
			problems.add(new FieldProblem(field, "is longer than " + max + " characters"));
		}
	}

	private static Map<String, Object> task(CallRow call, LogRequest request) {
		Map<String, Object> task = new LinkedHashMap<>();
		task.put("Subject", request.subject() == null || request.subject().isBlank() ? defaultSubject(call) : request.subject().trim());
		task.put("Description", request.notes());
		task.put("Status", "Completed");
		task.put("ActivityDate", call.createdAt().atOffset(ZoneOffset.UTC).toLocalDate().toString());
		task.put("Type", "Call");
		task.put("TaskSubtype", "Call");
		task.put("CallType", call.direction().callType());
		task.put("CallDurationInSeconds", call.durationSeconds());
		task.put("CallObject", call.webexCallId());
		task.put("CallDisposition", request.disposition());
		task.put("WhoId", request.whoId() == null || request.whoId().isBlank() ? null : request.whoId());
		task.put("WhatId", request.whatId() == null || request.whatId().isBlank() ? null : request.whatId());
		task.values().removeIf(java.util.Objects::isNull);
		return task;
	}

	static String defaultSubject(CallRow call) {
		String party = call.privacyEnabled() ? "a withheld number"
				: call.remoteName() != null ? call.remoteName() : call.remoteNumber() != null ? call.remoteNumber() : "unknown";
		return (call.direction().inbound() ? "Call from " : "Call to ") + party;
	}
}
