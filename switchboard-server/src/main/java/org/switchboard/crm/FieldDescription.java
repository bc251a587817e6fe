package org.switchboard.crm;

import java.util.List;

/**
 * One field of an object as the describe API shows it.
 *
 * @param referenceTo the objects a reference field may point to (several for WhoId/WhatId)
 * @param updateable false for ids, system fields and values the store computes (Name of a person, CaseNumber)
 */
public record FieldDescription(String name, String label, FieldType type, boolean custom, List<String> referenceTo,
		List<String> picklistValues, boolean required, boolean updateable) {

	public FieldDescription {
		referenceTo = List.copyOf(referenceTo);
		picklistValues = List.copyOf(picklistValues);
	}

	/** The name used in relationship paths: {@code AccountId} → {@code Account}, {@code Foo__c} → {@code Foo__r}. */
	public String relationshipName() {
		if (type != FieldType.REFERENCE) {
			return null;
		}
		if (name.endsWith("__c")) {
			return name.substring(0, name.length() - 1) + "r";
		}
		return name.endsWith("Id") ? name.substring(0, name.length() - 2) : name;
	}

	public boolean isPhone() {
		return type == FieldType.PHONE;
	}
}
