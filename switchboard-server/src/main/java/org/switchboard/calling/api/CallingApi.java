package org.switchboard.calling.api;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.switchboard.access.Access;
import org.switchboard.access.WebexUserOnly;
import org.switchboard.calling.calls.CallControl;
import org.switchboard.calling.calls.CallView;
import org.switchboard.calling.calls.DialRequest;
import org.switchboard.calling.calls.Dialled;
import org.switchboard.calling.dialer.CallHistory;
import org.switchboard.calling.dialer.DialerSearch;
import org.switchboard.calling.live.LiveCalls;
import org.switchboard.calling.logs.CallLogDetails;
import org.switchboard.calling.logs.CallLogs;
import org.switchboard.calling.logs.LogRequest;
import org.switchboard.calling.settings.CallingSettings;
import org.switchboard.webex.WebexAccounts;

/** The calling API (api.md "Calling"): what the Webex panel does, for scripts and integrations too. */
@RestController
@RequestMapping("/api/calling")
@WebexUserOnly
class CallingApi {

	private final DialerSearch search;
	private final CallControl calls;
	private final CallLogs logs;
	private final CallLogDetails details;
	private final CallHistory history;
	private final LiveCalls live;
	private final CallingSettings settings;
	private final WebexAccounts accounts;

	CallingApi(DialerSearch search, CallControl calls, CallLogs logs, CallLogDetails details, CallHistory history, LiveCalls live,
			CallingSettings settings, WebexAccounts accounts) {
		this.settings = settings;
		this.accounts = accounts;
		this.search = search;
		this.calls = calls;
		this.logs = logs;
		this.details = details;
		this.history = history;
		this.live = live;
	}

	/** What the panel needs to know about the user and the calling settings. */
	@GetMapping("/profile")
	Map<String, Object> profile() {
		return Map.of("linked", accounts.forUser(Access.currentUserId()).isPresent(),
				"historyEnabled", settings.history().enabled(), "callLogs", settings.callLogs());
	}

	@GetMapping("/search")
	Map<String, Object> search(@RequestParam(defaultValue = "") String q) {
		return Map.of("results", search.search(q));
	}

	@PostMapping("/calls")
	@ResponseStatus(HttpStatus.CREATED)
	Dialled dial(@RequestBody DialRequest request) {
		return calls.dial(Access.currentUserId(), request);
	}

	@GetMapping("/calls")
	Map<String, List<CallView>> active() {
		return Map.of("calls", calls.active(Access.currentUserId()));
	}

	@GetMapping("/calls/{callId}")
	CallView call(@PathVariable String callId) {
		return calls.get(Access.currentUserId(), callId);
	}

	@PostMapping("/calls/{callId}/answer")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void answer(@PathVariable String callId) {
		calls.answer(Access.currentUserId(), callId);
	}

	@PostMapping("/calls/{callId}/hangup")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void hangup(@PathVariable String callId) {
		calls.hangup(Access.currentUserId(), callId);
	}

	@PostMapping("/calls/{callId}/hold")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void hold(@PathVariable String callId) {
		calls.hold(Access.currentUserId(), callId);
	}

	@PostMapping("/calls/{callId}/resume")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void resume(@PathVariable String callId) {
		calls.resume(Access.currentUserId(), callId);
	}

	@PostMapping("/calls/{callId}/log")
	@ResponseStatus(HttpStatus.CREATED)
	Map<String, String> log(@PathVariable String callId, @RequestBody LogRequest request) {
		return Map.of("taskId", logs.save(Access.currentUserId(), callId, request));
	}

	@GetMapping("/calls/{callId}/suggestions")
	CallLogDetails.Suggestions suggestions(@PathVariable String callId) {
		return details.suggestions(Access.currentUserId(), callId);
	}

	@GetMapping("/details/{object}/{id}")
	CallLogDetails.Details details(@PathVariable String object, @PathVariable String id) {
		return details.details(object, id);
	}

	@GetMapping("/drafts")
	Map<String, List<CallView>> drafts() {
		return Map.of("drafts", logs.drafts(Access.currentUserId()));
	}

	@DeleteMapping("/drafts/{callId}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void dismiss(@PathVariable String callId) {
		logs.dismiss(Access.currentUserId(), callId);
	}

	@GetMapping("/history")
	Map<String, Object> history() {
		return Map.of("calls", history.recent(Access.currentUserId()));
	}

	@GetMapping(path = "/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	SseEmitter events() {
		String userId = Access.currentUserId();
		return live.open(userId, calls.active(userId));
	}
}
