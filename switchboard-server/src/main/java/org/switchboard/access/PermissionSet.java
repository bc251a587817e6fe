package org.switchboard.access;

/** The Webex permission sets; a user's permission sets become their authorities when they sign in. */
public enum PermissionSet {
	WEBEX_USER("Webex_User", "Webex User"),
	WEBEX_ADMIN("Webex_Admin", "Webex Admin"),
	WEBEX_IMPORT_ADMIN("Webex_Import_Admin", "Webex Import Admin");

	private final String apiName;
	private final String label;

	PermissionSet(String apiName, String label) {
		this.apiName = apiName;
		this.label = label;
	}

	/** The PermissionSet record's Name, and the authority granted at sign-in. */
	public String apiName() {
		return apiName;
	}

	public String label() {
		return label;
	}
}
