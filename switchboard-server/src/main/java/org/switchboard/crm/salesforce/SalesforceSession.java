package org.switchboard.crm.salesforce;

/** The connected org's credentials, shared by the REST adapter and the change-event subscriber. */
public interface SalesforceSession {

	String instanceUrl();

	String accessToken();

	String organizationId();

	void refreshAfterUnauthenticated(String rejectedToken);

	boolean connected();
}
