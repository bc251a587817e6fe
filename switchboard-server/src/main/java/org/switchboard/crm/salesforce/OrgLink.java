package org.switchboard.crm.salesforce;

/**
 * Everything known about the connected org. The client secret and refresh token are plain here (memory only);
 * they are stored encrypted and never logged or answered ({@link #toString} leaves them out).
 */
record OrgLink(String loginUrl, String clientId, String clientSecret, String refreshToken, String instanceUrl, String orgId,
		String userId, String username) {

	OrgLink withRefreshToken(String token) {
		return new OrgLink(loginUrl, clientId, clientSecret, token, instanceUrl, orgId, userId, username);
	}

	@Override
	public String toString() {
		return "OrgLink[org=" + orgId + ", instance=" + instanceUrl + ", user=" + username + "]";
	}
}
