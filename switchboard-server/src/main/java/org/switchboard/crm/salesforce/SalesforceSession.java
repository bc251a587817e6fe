package org.switchboard.crm.salesforce;

/**
 * The connected Salesforce org as the integration sees it: where it is, the current access token, and the one place
 * that refreshes the token when Salesforce rejects it (Salesforce gives no expiry, so a rejection is the signal).
 */
public interface SalesforceSession {

	String instanceUrl();

	String accessToken();

	String organizationId();

	/** Called with the token Salesforce just rejected; refreshes once even when several callers report the same token. */
	void refreshAfterUnauthenticated(String rejectedToken);

	boolean connected();
}
