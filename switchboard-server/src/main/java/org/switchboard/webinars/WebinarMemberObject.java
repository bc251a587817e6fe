package org.switchboard.webinars;

import java.util.List;

import org.springframework.stereotype.Component;
import org.switchboard.crm.CrmSchema;
import org.switchboard.crm.CustomFieldDefinition;
import org.switchboard.crm.CustomObjectDefinition;

/**
 * Our custom object "Webex Webinar Campaign Members": one record per (webinar, person record) with the person's
 * roles and attendance. Defined in the CRM the first time a mapping links to it.
 */
@Component
class WebinarMemberObject {

	static final String NAME = "Webex_Webinar_Member__c";

	private final CrmSchema schema;

	WebinarMemberObject(CrmSchema schema) {
		this.schema = schema;
	}

	synchronized void ensure() {
		if (schema.find(NAME).isPresent()) {
			return;
		}
		schema.defineObject(new CustomObjectDefinition(NAME, "Webex Webinar Campaign Member", "Webex Webinar Campaign Members"));
		field("Campaign__c", "Campaign", "reference", List.of("Campaign"), List.of());
		field("Lead__c", "Lead", "reference", List.of("Lead"), List.of());
		field("Contact__c", "Contact", "reference", List.of("Contact"), List.of());
		field("Record_Id__c", "Record Id", "string", List.of(), List.of());
		field("Webinar_Id__c", "Webinar Id", "string", List.of(), List.of());
		field("Webinar_Title__c", "Webinar", "string", List.of(), List.of());
		field("Role__c", "Role", "picklist", List.of(), List.of("invitee", "registrant", "attendee"));
		field("Invited__c", "Invited", "boolean", List.of(), List.of());
		field("Registered__c", "Registered", "boolean", List.of(), List.of());
		field("Attended__c", "Attended", "boolean", List.of(), List.of());
		field("Join_Time__c", "Joined", "datetime", List.of(), List.of());
		field("Leave_Time__c", "Left", "datetime", List.of(), List.of());
		field("Minutes__c", "Minutes attended", "number", List.of(), List.of());
	}

	private void field(String name, String label, String type, List<String> referenceTo, List<String> picklist) {
		schema.defineField(NAME, new CustomFieldDefinition(name, label, type, referenceTo, picklist, false));
	}
}
