package dev.switchboard.salesforce.sandbox;

import dev.switchboard.salesforce.pubsub.PubSubDouble;
import dev.switchboard.salesforce.sandbox.api.OrgGuard;
import dev.switchboard.salesforce.sandbox.http.Routes;
import dev.switchboard.salesforce.sandbox.oauth.OAuthServer;
import dev.switchboard.salesforce.sandbox.records.RecordStore;

/** A started Salesforce double: where it listens, its app's credentials, its records and its fault switches. */
public final class RunningSalesforce implements AutoCloseable {

	private final String baseUrl;
	private final String orgId;
	private final String integrationUserId;
	private final SalesforceSandbox.Options options;
	private final RecordStore store;
	private final OAuthServer oauth;
	private final OrgGuard guard;
	private final Routes routes;
	private final PubSubDouble changeEvents;
	private final Runnable stopper;

	RunningSalesforce(String baseUrl, String orgId, String integrationUserId, SalesforceSandbox.Options options, RecordStore store,
			OAuthServer oauth, OrgGuard guard, Routes routes, PubSubDouble changeEvents, Runnable stopper) {
		this.baseUrl = baseUrl;
		this.orgId = orgId;
		this.integrationUserId = integrationUserId;
		this.options = options;
		this.store = store;
		this.oauth = oauth;
		this.guard = guard;
		this.routes = routes;
		this.changeEvents = changeEvents;
		this.stopper = stopper;
	}

	/** The login host and instance URL alike, e.g. {@code http://localhost:18295}. */
	public String baseUrl() {
		return baseUrl;
	}

	public String orgId() {
		return orgId;
	}

	public String integrationUserId() {
		return integrationUserId;
	}

	public String clientId() {
		return options.clientId();
	}

	public String clientSecret() {
		return options.clientSecret();
	}

	/** The records; {@code store().onChange(…)} observes every committed write. */
	public RecordStore store() {
		return store;
	}

	/** The org's Pub/Sub API: every committed write becomes a change event on it (plaintext gRPC on {@code port()}). */
	public PubSubDouble changeEvents() {
		return changeEvents;
	}

	/**
	 * Every access token stops working: the next REST call answers 401 INVALID_SESSION_ID, and open change event
	 * streams end UNAUTHENTICATED.
	 */
	public void expireSessions() {
		oauth.expireSessions().forEach(changeEvents::expireToken);
	}

	/** Fault: every open change event stream ends UNAVAILABLE, as a network drop does. */
	public void dropChangeStreams() {
		changeEvents.dropStreams();
	}

	/** Revokes every refresh token (and its sessions), as revoking the app in Setup does. */
	public void revokeRefreshTokens() {
		oauth.revokeRefreshTokens();
	}

	/** The next {@code times} REST calls fail, e.g. {@code (503, "SERVER_UNAVAILABLE", 2)} or {@code (403, "REQUEST_LIMIT_EXCEEDED", 1)}. */
	public void injectFaults(int status, String errorCode, int times) {
		guard.inject(status, errorCode, times);
	}

	/** Fault: ID tokens name this audience instead of the app's client id (null: back to normal). */
	public void issueIdTokensFor(String audience) {
		oauth.issueIdTokensFor(audience);
	}

	/**
	 * Runs {@code action} once, just before the next REST call with this HTTP method is handled (after its session
	 * check): another user's save landing between a client's read and its write, for tests of conditional writes.
	 */
	public void beforeNextCall(String method, Runnable action) {
		guard.beforeNext(method, action);
	}

	public void clearFaults() {
		guard.clearFaults();
	}

	public void apiEnabled(boolean enabled) {
		guard.apiEnabled(enabled);
	}

	public int apiRequestsUsed() {
		return guard.used();
	}

	/** Total time the double spent handling requests, and how many, for benchmarks. */
	public long handlingNanos() {
		return routes.handlingNanos();
	}

	public long requestsHandled() {
		return routes.handled();
	}

	@Override
	public void close() {
		stopper.run();
	}
}
