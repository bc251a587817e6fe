package org.switchboard.demo;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.switchboard.crm.CrmRecords;

/** The demo accounts, contacts, leads, cases, opportunities, campaigns and activities. */
final class DemoRecords {

	private static final String[] INDUSTRIES = { "Banking", "Communications", "Consulting", "Education", "Energy",
			"Healthcare", "Manufacturing", "Retail", "Technology", "Transportation" };
	private static final String[] STAGES = { "Prospecting", "Qualification", "Needs Analysis", "Proposal/Price Quote",
			"Negotiation/Review", "Closed Won", "Closed Lost" };
	private static final String[] CASE_STATUSES = { "New", "Working", "Escalated", "Closed" };

	private final CrmRecords records;
	private final People people;
	private final Random random;
	private final String ownerId;

	DemoRecords(CrmRecords records, long seed, String ownerId) {
		this.records = records;
		this.people = new People(seed);
		this.random = people.random();
		this.ownerId = ownerId;
	}

	void create() {
		List<String> accounts = accounts(50);
		List<String> contacts = contacts(accounts, 500);
		List<String> leads = records.createAll("Lead", repeat(300, people::lead), ownerId);
		cases(accounts, contacts, 120);
		opportunities(accounts, 100);
		campaigns(10, contacts, leads);
		calls(contacts, 40);
	}

	private List<String> accounts(int count) {
		List<Map<String, Object>> values = repeat(count, () -> {
			String name = people.company();
			return Map.<String, Object>of("Name", name, "Phone", PhoneFormats.any(random),
					"Industry", INDUSTRIES[random.nextInt(INDUSTRIES.length)], "Type", "Customer - Direct",
					"Website", "https://www." + People.domainOf(name), "BillingCity", people.faker().address().city(),
					"BillingCountry", "United States", "NumberOfEmployees", 10 + random.nextInt(5000));
		});
		return records.createAll("Account", values, ownerId);
	}

	private List<String> contacts(List<String> accounts, int count) {
		return records.createAll("Contact", repeat(count, () -> {
			String account = accounts.get(random.nextInt(accounts.size()));
			return people.contact(account, "customer" + accounts.indexOf(account) + ".example.com");
		}), ownerId);
	}

	private void cases(List<String> accounts, List<String> contacts, int count) {
		records.createAll("Case", repeat(count, () -> Map.<String, Object>of(
				"Subject", people.faker().company().catchPhrase(), "Status", CASE_STATUSES[random.nextInt(4)],
				"Priority", List.of("High", "Medium", "Low").get(random.nextInt(3)), "Origin", "Phone",
				"AccountId", accounts.get(random.nextInt(accounts.size())),
				"ContactId", contacts.get(random.nextInt(contacts.size())))), ownerId);
	}

	private void opportunities(List<String> accounts, int count) {
		records.createAll("Opportunity", repeat(count, () -> Map.<String, Object>of(
				"Name", people.faker().commerce().productName() + " deal",
				"AccountId", accounts.get(random.nextInt(accounts.size())),
				"StageName", STAGES[random.nextInt(STAGES.length)],
				"CloseDate", LocalDate.of(2026, 12, 1).plusDays(random.nextInt(180)).toString(),
				"Amount", 1_000 * (5 + random.nextInt(500)))), ownerId);
	}

	private void campaigns(int count, List<String> contacts, List<String> leads) {
		List<String> campaigns = records.createAll("Campaign", repeat(count, () -> Map.<String, Object>of(
				"Name", people.faker().marketing().buzzwords() + " webinar " + (2026 + random.nextInt(2)),
				"Type", "Webinar", "Status", "Planned", "StartDate", LocalDate.of(2027, 1, 15).plusDays(random.nextInt(90)).toString())),
				ownerId);
		List<Map<String, Object>> members = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			members.add(Map.of("CampaignId", campaigns.get(0), "ContactId", contacts.get(i), "Status", "Registered"));
			members.add(Map.of("CampaignId", campaigns.get(0), "LeadId", leads.get(i), "Status", "Invited"));
		}
		records.createAll("CampaignMember", members, ownerId);
	}

	private void calls(List<String> contacts, int count) {
		records.createAll("Task", repeat(count, () -> Map.<String, Object>of(
				"Subject", "Call", "TaskSubtype", "Call", "Type", "Call", "Status", "Completed",
				"CallType", random.nextBoolean() ? "Inbound" : "Outbound", "CallDurationInSeconds", 30 + random.nextInt(900),
				"WhoId", contacts.get(random.nextInt(contacts.size())),
				"ActivityDate", LocalDate.now(ZoneOffset.UTC).minusDays(random.nextInt(60)).toString())), ownerId);
	}

	private static List<Map<String, Object>> repeat(int count, java.util.function.Supplier<Map<String, Object>> next) {
		List<Map<String, Object>> list = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			list.add(next.get());
		}
		return list;
	}
}
