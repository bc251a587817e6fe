package dev.switchboard.salesforce.sandbox.api;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import dev.switchboard.salesforce.sandbox.http.Call;
import dev.switchboard.salesforce.sandbox.http.Routes;
import dev.switchboard.salesforce.sandbox.http.SfError;
import dev.switchboard.salesforce.sandbox.oauth.OAuthServer;

/**
 * Runs before every REST call: the session (401 INVALID_SESSION_ID), the org's API access, injected faults,
 * and the 24-hour API request allocation (403 REQUEST_LIMIT_EXCEEDED once used up).
 */
public final class OrgGuard implements Routes.Filter {

	private final OAuthServer oauth;
	private final AtomicInteger used = new AtomicInteger();
	private final Deque<SfError> faults = new ArrayDeque<>();
	private volatile int max = 15_000;
	private volatile boolean apiEnabled = true;
	private final Map<String, Runnable> beforeNext = new java.util.concurrent.ConcurrentHashMap<>();

	public OrgGuard(OAuthServer oauth) {
		this.oauth = oauth;
	}

	@Override
	public void check(Call call) {
		if (oauth.session(call.bearer()).isEmpty()) {
			throw SfError.of(401, "INVALID_SESSION_ID", "Session expired or invalid");
		}
		if (!apiEnabled) {
			throw SfError.of(403, "API_DISABLED_FOR_ORG", "The REST API is not enabled for this Organization.");
		}
		SfError fault;
		synchronized (faults) {
			fault = faults.poll();
		}
		if (fault != null) {
			throw fault;
		}
		if (used.incrementAndGet() > max) {
			throw SfError.of(403, "REQUEST_LIMIT_EXCEEDED", "TotalRequests Limit exceeded.");
		}
		Runnable interleaved = beforeNext.remove(call.method());
		if (interleaved != null) {
			interleaved.run();
		}
	}

	/** Runs {@code action} once, just before the next REST call with this HTTP method is handled. */
	public void beforeNext(String method, Runnable action) {
		beforeNext.put(method, action);
	}

	/** The next {@code times} REST calls fail with this status and error code (503 SERVER_UNAVAILABLE, UNABLE_TO_LOCK_ROW…). */
	public void inject(int status, String errorCode, int times) {
		String message = switch (errorCode) {
			case "UNABLE_TO_LOCK_ROW" -> "unable to obtain exclusive access to this record or 1 records";
			case "REQUEST_LIMIT_EXCEEDED" -> "TotalRequests Limit exceeded.";
			default -> "Server unavailable";
		};
		synchronized (faults) {
			for (int i = 0; i < times; i++) {
				faults.add(SfError.of(status, errorCode, message));
			}
		}
	}

	public void clearFaults() {
		synchronized (faults) {
			faults.clear();
		}
	}

	public void apiEnabled(boolean enabled) {
		this.apiEnabled = enabled;
	}

	public void limit(int max) {
		this.max = max;
	}

	public int used() {
		return used.get();
	}

	public int max() {
		return max;
	}

	/** The {@code Sforce-Limit-Info} header value. */
	public String usage() {
		return "api-usage=" + Math.min(used.get(), max) + "/" + max;
	}
}
