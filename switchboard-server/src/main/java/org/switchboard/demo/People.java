package org.switchboard.demo;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import net.datafaker.Faker;

/**
 * Generates believable Contact and Lead field values from a seeded Faker. Datafaker resolves each value
 * through its expression engine (tens of microseconds), so values are drawn from pools built once.
 */
final class People {

	private static final int POOL = 4_000;

	private static final String[] LEAD_STATUSES = { "Open - Not Contacted", "Working - Contacted", "Closed - Not Converted" };
	private static final String[] SOURCES = { "Web", "Phone Inquiry", "Partner Referral", "Purchased List", "Webinar", "Other" };

	private final Faker faker;
	private final Random random;
	private final String[] firstNames;
	private final String[] lastNames;
	private final String[] companies;
	private final String[] titles;
	private final String[] departments;
	private final String[] cities;

	People(long seed) {
		this.random = new Random(seed);
		this.faker = new Faker(Locale.US, new Random(seed));
		this.firstNames = pool(() -> faker.name().firstName());
		this.lastNames = pool(() -> faker.name().lastName());
		this.companies = pool(() -> faker.company().name());
		this.titles = pool(() -> faker.job().title());
		this.departments = pool(() -> faker.commerce().department());
		this.cities = pool(() -> faker.address().city());
	}

	private static String[] pool(java.util.function.Supplier<String> next) {
		String[] values = new String[POOL];
		for (int i = 0; i < POOL; i++) {
			values[i] = next.get();
		}
		return values;
	}

	private String any(String[] pool) {
		return pool[random.nextInt(pool.length)];
	}

	Map<String, Object> contact(String accountId, String domain) {
		Map<String, Object> values = person(domain);
		values.put("Title", any(titles));
		values.put("Department", any(departments));
		values.put("MobilePhone", PhoneFormats.any(random));
		if (random.nextInt(3) == 0) {
			values.put("HomePhone", PhoneFormats.any(random));
		}
		values.put("MailingCity", any(cities));
		values.put("MailingCountry", "United States");
		if (accountId != null) {
			values.put("AccountId", accountId);
		}
		return values;
	}

	Map<String, Object> lead() {
		String company = any(companies);
		Map<String, Object> values = person(domainOf(company));
		values.put("Company", company);
		values.put("Title", any(titles));
		values.put("Status", LEAD_STATUSES[random.nextInt(LEAD_STATUSES.length)]);
		values.put("City", any(cities));
		if (random.nextBoolean()) {
			values.put("MobilePhone", PhoneFormats.any(random));
		}
		return values;
	}

	String company() {
		return any(companies);
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
		String first = any(firstNames);
		String last = any(lastNames);
		Map<String, Object> values = new LinkedHashMap<>();
		values.put("FirstName", first);
		values.put("LastName", last);
		values.put("Email", (first + "." + last).toLowerCase(Locale.ROOT).replaceAll("[^a-z.]", "") + random.nextInt(1000) + "@" + domain);
		values.put("Phone", PhoneFormats.any(random));
		values.put("LeadSource", SOURCES[random.nextInt(SOURCES.length)]);
		return values;
	}
}
