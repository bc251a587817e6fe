package org.switchboard.demo;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import net.datafaker.Faker;

/** Generates believable Contact and Lead field values from a seeded Faker. */
final class People {

	private static final String[] LEAD_STATUSES = { "Open - Not Contacted", "Working - Contacted", "Closed - Not Converted" };
	private static final String[] SOURCES = { "Web", "Phone Inquiry", "Partner Referral", "Purchased List", "Webinar", "Other" };

	private final Faker faker;
	private final Random random;

	People(long seed) {
		this.random = new Random(seed);
		this.faker = new Faker(Locale.US, new Random(seed));
	}

	Map<String, Object> contact(String accountId, String domain) {
		Map<String, Object> values = person(domain);
		values.put("Title", faker.job().title());
		values.put("Department", faker.commerce().department());
		values.put("MobilePhone", PhoneFormats.any(random));
		if (random.nextInt(3) == 0) {
			values.put("HomePhone", PhoneFormats.any(random));
		}
		values.put("MailingCity", faker.address().city());
		values.put("MailingCountry", "United States");
		if (accountId != null) {
			values.put("AccountId", accountId);
		}
		return values;
	}

	Map<String, Object> lead() {
		String company = faker.company().name();
		Map<String, Object> values = person(domainOf(company));
		values.put("Company", company);
		values.put("Title", faker.job().title());
		values.put("Status", LEAD_STATUSES[random.nextInt(LEAD_STATUSES.length)]);
		values.put("City", faker.address().city());
		if (random.nextBoolean()) {
			values.put("MobilePhone", PhoneFormats.any(random));
		}
		return values;
	}

	String company() {
		return faker.company().name();
	}

	Faker faker() {
		return faker;
	}

	Random random() {
		return random;
	}

	static String domainOf(String company) {
		String slug = company.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "");
		return (slug.isEmpty() ? "example" : slug.substring(0, Math.min(slug.length(), 20))) + ".example.com";
	}

	private Map<String, Object> person(String domain) {
		String first = faker.name().firstName();
		String last = faker.name().lastName();
		Map<String, Object> values = new LinkedHashMap<>();
		values.put("FirstName", first);
		values.put("LastName", last);
		values.put("Email", (first + "." + last).toLowerCase(Locale.ROOT).replaceAll("[^a-z.]", "") + random.nextInt(1000) + "@" + domain);
		values.put("Phone", PhoneFormats.any(random));
		values.put("LeadSource", SOURCES[random.nextInt(SOURCES.length)]);
		return values;
	}
}
