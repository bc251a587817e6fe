package org.switchboard.crm.salesforce;

/** The fields of the token endpoint's answer Switchboard uses; {@code toString} leaves the tokens out. */
record TokenResponse(String accessToken, String refreshToken, String instanceUrl, String identityUrl, String idToken) {

	/** The org id from the identity URL {@code …/id/<orgId>/<userId>}. */
	String orgId() {
		String[] parts = identityUrl.split("/");
		return parts[parts.length - 2];
	}

	String userId() {
		String[] parts = identityUrl.split("/");
		return parts[parts.length - 1];
	}

	@Override
	public String toString() {
		return "TokenResponse[instance=" + instanceUrl + ", id=" + identityUrl + "]";
	}
}
