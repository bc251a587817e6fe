package org.switchboard.webinars;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How a webinar's people become records of one target object (api.md "Webinars"): {@code fields} maps each target
 * field to one standard registration field; {@code primaryKey} is the target field people are matched on.
 */
public record ImportMapping(String object, String primaryKey, Boolean insertNewPerWebinar, String mergePolicy, String campaignLink,
		Map<String, String> fields) {

	/** The standard registration fields of a Webex webinar (custom registration questions are not importable). */
	public static final List<String> REGISTRATION_FIELDS = List.of("firstName", "lastName", "email", "companyName", "jobTitle",
			"phoneNumber", "address1", "address2", "city", "state", "zipCode", "countryRegion");
	public static final List<String> MERGE_POLICIES = List.of("fillBlanks", "overwrite", "skip");
	public static final List<String> CAMPAIGN_LINKS = List.of("campaignMembers", "webinarMembers", "both");

	public ImportMapping {
		fields = fields == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fields));
	}

	public ImportMapping withObject(String canonicalObject) {
		return new ImportMapping(canonicalObject, primaryKey, insertNewPerWebinar, mergePolicy, campaignLink, fields);
	}

	public boolean insertsNew() {
		return Boolean.TRUE.equals(insertNewPerWebinar);
	}

	/** The registration field the primary key is filled from. */
	public String keySource() {
		return fields.get(primaryKey);
	}

	public boolean toCampaignMembers() {
		return "campaignMembers".equals(campaignLink) || "both".equals(campaignLink);
	}

	public boolean toWebinarMembers() {
		return "webinarMembers".equals(campaignLink) || "both".equals(campaignLink);
	}
}
