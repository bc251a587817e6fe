package org.switchboard.workspace.web;

import java.util.List;
import java.util.Map;

/** Which fields each object shows in its list, its highlights panel, and its related lists. */
final class RecordViews {

	private static final Map<String, List<String>> COLUMNS = Map.of(
			"Contact", List.of("Account.Name", "Email", "Phone", "Title"),
			"Lead", List.of("Company", "Email", "Phone", "Status"),
			"Account", List.of("Phone", "Industry", "BillingCity", "Type"),
			"Case", List.of("Subject", "Status", "Priority", "Account.Name"),
			"Opportunity", List.of("Account.Name", "StageName", "CloseDate", "Amount"),
			"Campaign", List.of("Type", "Status", "StartDate", "IsActive"),
			"User", List.of("Username", "Email", "Profile.Name", "IsActive"));

	private static final Map<String, List<String>> HIGHLIGHTS = Map.of(
			"Contact", List.of("Title", "Account.Name", "Phone", "MobilePhone", "Email", "Owner.Name"),
			"Lead", List.of("Title", "Company", "Phone", "MobilePhone", "Email", "Status"),
			"Account", List.of("Type", "Industry", "Phone", "Website", "BillingCity", "Owner.Name"),
			"Case", List.of("Subject", "Status", "Priority", "Contact.Name", "Account.Name", "Origin"),
			"Opportunity", List.of("Account.Name", "StageName", "CloseDate", "Amount", "Probability", "Owner.Name"),
			"Campaign", List.of("Type", "Status", "StartDate", "EndDate", "IsActive", "Owner.Name"));

	private static final List<Related> ACTIVITY = List.of(new Related("Calls and tasks", "Task", "WhoId"),
			new Related("Tasks on this record", "Task", "WhatId"), new Related("Events", "Event", "WhoId"),
			new Related("Events on this record", "Event", "WhatId"));

	private RecordViews() {
	}

	static List<String> columns(String object) {
		return COLUMNS.getOrDefault(object, List.of());
	}

	static List<String> highlights(String object) {
		return HIGHLIGHTS.getOrDefault(object, List.of());
	}

	static List<Related> related(String object) {
		return switch (object) {
			case "Account" -> concat(List.of(new Related("Contacts", "Contact", "AccountId"), new Related("Cases", "Case", "AccountId"),
					new Related("Opportunities", "Opportunity", "AccountId")), ACTIVITY);
			case "Contact" -> concat(List.of(new Related("Cases", "Case", "ContactId"),
					new Related("Campaign memberships", "CampaignMember", "ContactId")), ACTIVITY);
			case "Lead" -> concat(List.of(new Related("Campaign memberships", "CampaignMember", "LeadId")), ACTIVITY);
			case "Campaign" -> List.of(new Related("Campaign members", "CampaignMember", "CampaignId"));
			case "Case", "Opportunity" -> ACTIVITY;
			default -> List.of();
		};
	}

	private static List<Related> concat(List<Related> a, List<Related> b) {
		return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
	}

	/** A related list: records of {@code object} whose {@code field} points at this record. */
	record Related(String title, String object, String field) {
	}
}
