package org.switchboard.crm.salesforce;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.crm.CrmException;

/**
 * The one connection to the org. Salesforce gives no {@code expires_in}, so the access token is refreshed only
 * when a call answers {@code 401 INVALID_SESSION_ID}: once, under a lock, and every request that failed with the
 * same token waits for that refresh and then uses its result. A refused refresh ({@code invalid_grant}: revoked,
 * expired by policy) marks the connection disconnected until an admin reconnects.
 */
class SalesforceConnection implements SalesforceSession {

	private static final Logger log = LoggerFactory.getLogger(SalesforceConnection.class);

	private final OAuthClient oauth;
	private final LinkStore store;
	private final ReentrantLock refreshing = new ReentrantLock();
	private final AtomicInteger refreshes = new AtomicInteger();
	private volatile OrgLink link;
	private volatile String accessToken;
	private volatile String problem;

	SalesforceConnection(OAuthClient oauth, LinkStore store) {
		this.oauth = oauth;
		this.store = store;
		this.link = store.load().orElse(null);
		this.problem = store.problem().orElse(null);
	}

	/** A fresh connection from a completed authorization (stored before it is used). */
	void connect(OrgLink connected, String token) {
		refreshing.lock();
		try {
			store.save(connected);
			this.link = connected;
			this.accessToken = token;
			this.problem = null;
		}
		finally {
			refreshing.unlock();
		}
		log.info("Connected to Salesforce org {} at {} as {}", connected.orgId(), connected.instanceUrl(), connected.username());
	}

	/** Forgets the org: revokes the refresh token at Salesforce (best effort) and deletes what was stored. */
	void disconnect() {
		OrgLink current = link;
		refreshing.lock();
		try {
			link = null;
			accessToken = null;
			problem = null;
			store.delete();
		}
		finally {
			refreshing.unlock();
		}
		if (current != null && current.refreshToken() != null) {
			try {
				oauth.revoke(current.loginUrl(), current.refreshToken());
			}
			catch (OAuthClient.OAuthRefused e) {
				log.info("Salesforce did not revoke the refresh token on disconnect ({})", e.error());
			}
		}
	}

	Optional<OrgLink> link() {
		return Optional.ofNullable(link);
	}

	Optional<String> problem() {
		return Optional.ofNullable(problem);
	}

	int refreshes() {
		return refreshes.get();
	}

	@Override
	public boolean connected() {
		return link != null && problem == null;
	}

	@Override
	public String instanceUrl() {
		return requireLink().instanceUrl();
	}

	@Override
	public String organizationId() {
		return requireLink().orgId();
	}

	@Override
	public String accessToken() {
		String token = accessToken;
		if (token == null) {
			refreshAfterUnauthenticated(null);
			token = accessToken;
		}
		return token;
	}

	@Override
	public void refreshAfterUnauthenticated(String rejectedToken) {
		refreshing.lock();
		try {
			OrgLink current = requireLink();
			if (accessToken != null && !accessToken.equals(rejectedToken)) {
				return;
			}
			TokenResponse refreshed = oauth.refresh(current);
			if (refreshed.refreshToken() != null && !refreshed.refreshToken().equals(current.refreshToken())) {
				link = current.withRefreshToken(refreshed.refreshToken());
				store.save(link);
			}
			accessToken = refreshed.accessToken();
			refreshes.incrementAndGet();
		}
		catch (OAuthClient.OAuthRefused e) {
			if ("invalid_grant".equals(e.error())) {
				problem = "Salesforce refused Switchboard's refresh token (" + e.error() + "): access was revoked or expired. Reconnect the org.";
				accessToken = null;
				store.markDisconnected(problem);
				log.warn("Salesforce connection lost: the refresh token was refused ({}); an admin must reconnect", e.error());
				throw CrmException.unavailable("Salesforce disconnected", problem);
			}
			throw CrmException.unavailable("Salesforce unavailable", "Could not refresh the Salesforce session (" + e.error() + ")");
		}
		finally {
			refreshing.unlock();
		}
	}

	private OrgLink requireLink() {
		OrgLink current = link;
		if (current == null || problem != null) {
			throw CrmException.unavailable("Salesforce not connected", problem != null ? problem
					: "No Salesforce org is connected: a Webex Admin connects one under Admin → CRM connection.");
		}
		return current;
	}
}
