package org.switchboard.crm.embedded;

/** Derives a label from an API name: {@code MobilePhone} → "Mobile Phone", {@code AccountId} → "Account". */
final class Labels {

	private Labels() {
	}

	static String fromApiName(String apiName) {
		String base = apiName.endsWith("__c") ? apiName.substring(0, apiName.length() - 3) : apiName;
		if (base.endsWith("Id") && base.length() > 2 && !base.equals("Id")) {
			base = base.substring(0, base.length() - 2);
		}
		return base.replace('_', ' ').replaceAll("(?<=[a-z0-9])(?=[A-Z])", " ").trim();
	}
}
