package org.switchboard.calling.calls;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import org.springframework.stereotype.Service;
import org.switchboard.calling.settings.CallingSettings;
import org.switchboard.crm.CrmException;
import org.switchboard.crm.CrmRecord;
import org.switchboard.crm.CrmRecords;
import org.switchboard.crm.PhoneNormalizer;
import org.switchboard.platform.errors.FieldProblem;
import org.switchboard.platform.errors.ProblemException;
import org.switchboard.platform.errors.Refusal;
import org.switchboard.webex.WebexAccounts;
import org.switchboard.webex.WebexCall;
import org.switchboard.webex.WebexClient;

/** Places and controls the user's calls through Webex call control. */
@Service
public class CallControl {

	/** A call that has not ended after this long is one whose end we never heard of. */
	static final Duration STALE = Duration.ofHours(12);
	/** More calls at once than any phone holds: a stream replays at most these. */
	static final int MAX_ACTIVE = 20;

	private final WebexClient webex;
	private final WebexAccounts accounts;
	private final CallTracker tracker;
	private final CallStore store;
	private final CrmRecords records;
	private final CallingSettings settings;
	private final Clock clock;

	CallControl(WebexClient webex, WebexAccounts accounts, CallTracker tracker, CallStore store, CrmRecords records,
			CallingSettings settings, Clock clock) {
		this.webex = webex;
		this.accounts = accounts;
		this.tracker = tracker;
		this.store = store;
		this.records = records;
		this.settings = settings;
		this.clock = clock;
	}

	/**
	 * Places the call with no transaction open (the record's number is read from the CRM, then Webex dials), and
	 * records it in one short transaction after (ADR 0040). Should the server stop between the two, the call rings all
	 * the same and its webhooks store it, matched by number; only the record it was placed from is not noted.
	 */
	public Dialled dial(String userId, DialRequest request) {
		Target target = target(request);
		WebexCall placed = WebexCalls.asUser(accounts, userId, token -> webex.dial(token, target.number()));
		CallRow call = tracker.placed(userId, placed.id(), target.number(), target.who());
		return new Dialled(CallView.of(call), target.extension());
	}

	public void answer(String userId, String callId) {
		CallRow call = owned(userId, callId);
		WebexCalls.asUser(accounts, userId, token -> {
			webex.answer(token, call.webexCallId());
			return null;
		});
	}

	/** Ends the call; an inbound call still ringing is declined, and remembered as declined. */
	public void hangup(String userId, String callId) {
		control(userId, callId, (token, webexId) -> webex.hangup(token, webexId));
		CallRow call = owned(userId, callId);
		if (call.direction().inbound() && call.answeredAt() == null) {
			store.markDeclined(call.id());
		}
	}

	public void hold(String userId, String callId) {
		control(userId, callId, (token, webexId) -> webex.hold(token, webexId));
	}

	public void resume(String userId, String callId) {
		control(userId, callId, (token, webexId) -> webex.resume(token, webexId));
	}

	public List<CallView> active(String userId) {
		return store.activeFor(userId, clock.instant().minus(STALE), MAX_ACTIVE).stream().map(CallView::of).toList();
	}

	public CallView get(String userId, String callId) {
		return CallView.of(owned(userId, callId));
	}

	/** The user's own call: 404 when there is no such call, 403 when it is someone else's. */
	public CallRow owned(String userId, String callId) {
		CallRow call = store.byId(callId).orElseThrow(() -> ProblemException.notFound("There is no call '" + callId + "'"));
		if (!call.userId().equals(userId)) {
			throw new ProblemException(Refusal.NOT_PERMITTED, "Forbidden", "This call belongs to another user");
		}
		return call;
	}

	private void control(String userId, String callId, java.util.function.BiConsumer<String, String> command) {
		CallRow call = owned(userId, callId);
		if (call.ended()) {
			throw ProblemException.conflict("The call has already ended");
		}
		WebexCalls.asUser(accounts, userId, token -> {
			command.accept(token, call.webexCallId());
			return null;
		});
	}

	private Target target(DialRequest request) {
		if (request.object() == null && request.id() == null) {
			return new Target(dialable(request.to(), "to"), Optional.empty(), extension(request.to()));
		}
		if (request.to() != null) {
			throw ProblemException.badRequest("Give either a number (to) or a record (object, id, phoneField), not both",
					new FieldProblem("to", "must be empty when a record is given"));
		}
		return recordTarget(request);
	}

	private Target recordTarget(DialRequest request) {
		if (request.object() == null || request.id() == null || request.phoneField() == null) {
			throw ProblemException.badRequest("A call to a record needs object, id and phoneField",
					new FieldProblem(request.object() == null ? "object" : request.id() == null ? "id" : "phoneField", "is required"));
		}
		List<String> allowed = settings.phoneFields().fieldsOf(request.object());
		if (!allowed.contains(request.phoneField())) {
			throw ProblemException.badRequest("'" + request.phoneField() + "' is not a Webex phone field of " + request.object(),
					new FieldProblem("phoneField", "must be one of " + allowed));
		}
		CrmRecord record;
		try {
			record = records.get(request.object(), request.id(), List.of(request.phoneField()));
		}
		catch (CrmException e) {
			throw e.refusal() == Refusal.INVALID ? ProblemException.badRequest(e.getMessage(), new FieldProblem("object", e.getMessage())) : e;
		}
		String number = record.getString(request.phoneField());
		if (number == null || number.isBlank()) {
			throw ProblemException.badRequest(record.name() + " has no " + request.phoneField(),
					new FieldProblem("phoneField", "has no number on this record"));
		}
		return new Target(dialable(number, "phoneField"), Optional.of(new Match(record.object(), record.id(), record.name())),
				extension(number));
	}

	/** E.164 for a phone number; an internal extension (up to six digits) is dialled as typed. */
	private String dialable(String number, String field) {
		if (number == null || number.isBlank()) {
			throw ProblemException.badRequest("Say whom to call: a number (to) or a record", new FieldProblem(field, "is required"));
		}
		String trimmed = number.trim();
		if (trimmed.matches("[0-9]{2,6}")) {
			return trimmed;
		}
		return PhoneNormalizer.toE164(trimmed, settings.phoneRegion()).orElseThrow(() -> ProblemException.badRequest(
				"'" + trimmed + "' is not a phone number", new FieldProblem(field, "is not a phone number")));
	}

	/** The extension of a number as libphonenumber reads it ("x123", "ext. 123", ";ext=123"), or null. */
	private String extension(String number) {
		try {
			String extension = PhoneNumberUtil.getInstance().parse(number.trim(), settings.phoneRegion()).getExtension();
			return extension == null || extension.isEmpty() ? null : extension;
		}
		catch (NumberParseException e) {
			return null;
		}
	}

	private record Target(String number, Optional<Match> who, String extension) {
	}
}
