package org.switchboard.crm;

import java.util.Locale;

/** The field types of the CRM, named as in the API's describe output. */
public enum FieldType {
	ID, STRING, TEXT, EMAIL, PHONE, NUMBER, BOOLEAN, DATE, DATETIME, PICKLIST, REFERENCE;

	public String apiName() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static FieldType fromApiName(String name) {
		for (FieldType type : values()) {
			if (type.apiName().equals(name)) {
				return type;
			}
		}
		throw new IllegalArgumentException("Unknown field type '" + name + "'");
	}
}
