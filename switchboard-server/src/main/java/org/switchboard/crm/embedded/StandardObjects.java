package org.switchboard.crm.embedded;

import static org.switchboard.crm.FieldType.BOOLEAN;
import static org.switchboard.crm.FieldType.DATE;
import static org.switchboard.crm.FieldType.DATETIME;
import static org.switchboard.crm.FieldType.EMAIL;
import static org.switchboard.crm.FieldType.NUMBER;
import static org.switchboard.crm.FieldType.PHONE;
import static org.switchboard.crm.FieldType.STRING;
import static org.switchboard.crm.FieldType.TEXT;
import static org.switchboard.crm.embedded.ObjectSpec.object;

import java.util.List;

import org.switchboard.crm.ObjectDescription;

/** The standard objects, with Salesforce's API names, key prefixes and picklist values. */
final class StandardObjects {

	static final String[] LEAD_SOURCES = { "Web", "Phone Inquiry", "Partner Referral", "Purchased List", "Webinar", "Other" };
	static final String[] SALUTATIONS = { "Mr.", "Ms.", "Mrs.", "Dr.", "Prof." };
	static final String[] WHAT_TARGETS = { "Account", "Opportunity", "Campaign", "Case" };

	static final List<ObjectDescription> ALL = List.of(user(), profile(), permissionSet(), permissionSetAssignment(),
			account(), contact(), lead(), caseObject(), opportunity(), campaign(), campaignMember(), task(), event());

	private StandardObjects() {
	}

	private static ObjectDescription user() {
		return object("User", "User", "Users", "005").required("Username", EMAIL)
			.field("FirstName", STRING).required("LastName", STRING).computed("Name", STRING)
			.required("Email", EMAIL).fields(PHONE, "Phone", "MobilePhone").fields(STRING, "Extension", "Title", "Department")
			.field("IsActive", BOOLEAN).requiredReference("ProfileId", "Profile")
			.fields(STRING, "TimeZoneSidKey", "LocaleSidKey", "LanguageLocaleKey")
			.withAudit();
	}

	private static ObjectDescription profile() {
		return object("Profile", "Profile", "Profiles", "00e").required("Name", STRING).field("Description", TEXT).withAudit();
	}

	private static ObjectDescription permissionSet() {
		return object("PermissionSet", "Permission Set", "Permission Sets", "0PS").required("Name", STRING)
			.required("Label", STRING).field("Description", TEXT).withAudit();
	}

	private static ObjectDescription permissionSetAssignment() {
		return object("PermissionSetAssignment", "Permission Set Assignment", "Permission Set Assignments", "0Pa")
			.requiredReference("AssigneeId", "User").requiredReference("PermissionSetId", "PermissionSet").withAudit();
	}

	private static ObjectDescription account() {
		return object("Account", "Account", "Accounts", "001").required("Name", STRING).field("AccountNumber", STRING)
			.fields(PHONE, "Phone", "Fax").field("Website", STRING)
			.picklist("Type", "Prospect", "Customer - Direct", "Customer - Channel", "Partner", "Other")
			.picklist("Industry", "Agriculture", "Banking", "Communications", "Consulting", "Education", "Energy",
					"Engineering", "Finance", "Healthcare", "Insurance", "Manufacturing", "Media", "Retail",
					"Technology", "Transportation", "Other")
			.fields(NUMBER, "NumberOfEmployees", "AnnualRevenue")
			.fields(STRING, "BillingStreet", "BillingCity", "BillingState", "BillingPostalCode", "BillingCountry")
			.reference("ParentId", "Account").field("Description", TEXT).withOwnerAndAudit();
	}

	private static ObjectDescription contact() {
		return object("Contact", "Contact", "Contacts", "003").picklist("Salutation", SALUTATIONS)
			.field("FirstName", STRING).required("LastName", STRING).computed("Name", STRING)
			.field("Email", EMAIL).fields(STRING, "Title", "Department").reference("AccountId", "Account")
			.fields(PHONE, "Phone", "MobilePhone", "HomePhone", "OtherPhone", "AssistantPhone", "Fax")
			.field("AssistantName", STRING).reference("ReportsToId", "Contact").picklist("LeadSource", LEAD_SOURCES)
			.fields(STRING, "MailingStreet", "MailingCity", "MailingState", "MailingPostalCode", "MailingCountry")
			.fields(BOOLEAN, "DoNotCall", "HasOptedOutOfEmail").field("Birthdate", DATE).field("Description", TEXT)
			.withOwnerAndAudit();
	}

	private static ObjectDescription lead() {
		return object("Lead", "Lead", "Leads", "00Q").picklist("Salutation", SALUTATIONS)
			.field("FirstName", STRING).required("LastName", STRING).computed("Name", STRING)
			.required("Company", STRING).field("Title", STRING).field("Email", EMAIL)
			.fields(PHONE, "Phone", "MobilePhone", "Fax")
			.requiredPicklist("Status", "Open - Not Contacted", "Working - Contacted", "Closed - Converted",
					"Closed - Not Converted")
			.picklist("LeadSource", LEAD_SOURCES).picklist("Rating", "Hot", "Warm", "Cold").field("Industry", STRING)
			.fields(STRING, "Street", "City", "State", "PostalCode", "Country", "Website")
			.field("NumberOfEmployees", NUMBER).computed("IsConverted", BOOLEAN).field("Description", TEXT)
			.withOwnerAndAudit();
	}

	private static ObjectDescription caseObject() {
		return object("Case", "Case", "Cases", "500").computed("CaseNumber", STRING).field("Subject", STRING)
			.field("Description", TEXT).requiredPicklist("Status", "New", "Working", "Escalated", "Closed")
			.picklist("Priority", "High", "Medium", "Low").picklist("Origin", "Phone", "Email", "Web")
			.picklist("Type", "Question", "Problem", "Feature Request").field("Reason", STRING)
			.reference("ContactId", "Contact").reference("AccountId", "Account")
			.fields(STRING, "SuppliedName", "SuppliedCompany").field("SuppliedEmail", EMAIL).field("SuppliedPhone", PHONE)
			.computed("IsClosed", BOOLEAN).withOwnerAndAudit();
	}

	private static ObjectDescription opportunity() {
		return object("Opportunity", "Opportunity", "Opportunities", "006").required("Name", STRING)
			.reference("AccountId", "Account")
			.requiredPicklist("StageName", "Prospecting", "Qualification", "Needs Analysis", "Value Proposition",
					"Id. Decision Makers", "Perception Analysis", "Proposal/Price Quote", "Negotiation/Review",
					"Closed Won", "Closed Lost")
			.required("CloseDate", DATE).fields(NUMBER, "Amount", "Probability")
			.picklist("Type", "New Customer", "Existing Customer - Upgrade", "Existing Customer - Replacement")
			.picklist("LeadSource", LEAD_SOURCES).field("NextStep", STRING).field("Description", TEXT)
			.reference("CampaignId", "Campaign").computed("IsClosed", BOOLEAN).computed("IsWon", BOOLEAN)
			.withOwnerAndAudit();
	}

	private static ObjectDescription campaign() {
		return object("Campaign", "Campaign", "Campaigns", "701").required("Name", STRING)
			.picklist("Type", "Conference", "Webinar", "Trade Show", "Public Relations", "Partners",
					"Referral Program", "Advertisement", "Direct Mail", "Email", "Telemarketing", "Other")
			.picklist("Status", "Planned", "In Progress", "Completed", "Aborted").fields(DATE, "StartDate", "EndDate")
			.field("IsActive", BOOLEAN).reference("ParentId", "Campaign").field("Description", TEXT)
			.withOwnerAndAudit();
	}

	private static ObjectDescription campaignMember() {
		return object("CampaignMember", "Campaign Member", "Campaign Members", "00v")
			.requiredReference("CampaignId", "Campaign").reference("ContactId", "Contact").reference("LeadId", "Lead")
			.picklist("Status", "Planned", "Invited", "Sent", "Registered", "Attended", "Responded")
			.field("HasResponded", BOOLEAN).field("FirstRespondedDate", DATE).withAudit();
	}

	private static ObjectDescription task() {
		return object("Task", "Task", "Tasks", "00T").field("Subject", STRING).field("ActivityDate", DATE)
			.requiredPicklist("Status", "Not Started", "In Progress", "Completed", "Waiting on someone else", "Deferred")
			.picklist("Priority", "High", "Normal", "Low").reference("WhoId", "Contact", "Lead")
			.reference("WhatId", WHAT_TARGETS).field("Description", TEXT).picklist("Type", "Call", "Email", "Meeting", "Other")
			.picklist("TaskSubtype", "Task", "Email", "ListEmail", "Cadence", "Call", "LinkedIn")
			.picklist("CallType", "Inbound", "Outbound", "Internal").field("CallDurationInSeconds", NUMBER)
			.fields(STRING, "CallObject", "CallDisposition").computed("IsClosed", BOOLEAN).withOwnerAndAudit();
	}

	private static ObjectDescription event() {
		return object("Event", "Event", "Events", "00U").field("Subject", STRING)
			.fields(DATETIME, "StartDateTime", "EndDateTime").field("DurationInMinutes", NUMBER)
			.field("IsAllDayEvent", BOOLEAN).field("Location", STRING).field("Description", TEXT)
			.reference("WhoId", "Contact", "Lead").reference("WhatId", WHAT_TARGETS)
			.picklist("ShowAs", "Busy", "Free", "OutOfOffice").field("EventSubtype", STRING).withOwnerAndAudit();
	}
}
