package org.switchboard.crm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.switchboard.platform.errors.FieldProblem;
import org.switchboard.platform.errors.Refusal;
import org.switchboard.support.Spellings;

/**
 * The behaviour every CRM adapter owes the features (ADR 0018): run against each database the embedded store
 * supports and against the Salesforce adapter on its double. An adapter subclasses it with its own context setup.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = "switchboard.demo.enabled=false")
@RecordApplicationEvents
@Import(StrictlyIncreasingClock.class)
public abstract class CrmRecordsContract {

	private static final Map<String, Set<String>> CONTACT_AND_LEAD_PHONES = Map.of(
			"Contact", Set.of("Phone", "MobilePhone", "HomePhone", "OtherPhone", "AssistantPhone"),
			"Lead", Set.of("Phone", "MobilePhone"));

	@Autowired
	protected CrmRecords records;

	@Autowired
	protected CrmSchema schema;

	@Autowired
	protected ApplicationEvents events;

	@Autowired
	private org.springframework.transaction.support.TransactionTemplate transactions;

	@Autowired
	private java.time.Clock clock;

	@Test
	void readsRelationshipPathsAcrossRecords() {
		String profile = records.create("Profile", Map.of("Name", "Sales " + unique()), null).id();
		String user = records.create("User", Map.of("Username", unique() + "@x.test", "Email", "u@x.test",
				"LastName", "Owner", "ProfileId", profile), null).id();
		String account = records.create("Account", Map.of("Name", "Acme " + unique()), user).id();
		String contact = records.create("Contact", Map.of("FirstName", "Ann", "LastName", "Lee", "AccountId", account), user).id();

		CrmRecord read = records.get("contact", contact, List.of("Name", "account.name", "Owner.Profile.Name"));

		assertThat(read.fields()).containsEntry("Name", "Ann Lee")
			.containsEntry("Owner.Profile.Name", read.fields().get("Owner.Profile.Name"))
			.containsKeys("Account.Name");
		assertThat(read.getString("Account.Name")).startsWith("Acme ");
		assertThat(read.getString("Owner.Profile.Name")).startsWith("Sales ");
	}

	@Test
	void recentlyModifiedByListsTheUsersLatestChangesNewestFirstOverTheObjectsAsked() {
		assumeTrue(recordsWritesAsTheActor(), "the CRM records writes as its integration user, not as the actor");
		assertThat(clock.instant()).as("no two writes share a LastModifiedDate (StrictlyIncreasingClock)").isBefore(clock.instant());
		String profile = records.create("Profile", Map.of("Name", "Recent " + unique()), null).id();
		String user = records.create("User", Map.of("Username", unique() + "@x.test", "Email", "r@x.test",
				"LastName", "Recent", "ProfileId", profile), null).id();
		String first = records.create("Contact", Map.of("LastName", "First " + unique()), user).id();
		String lead = records.create("Lead", Map.of("LastName", "Lead " + unique(), "Company", "Initech"), user).id();
		String second = records.create("Contact", Map.of("LastName", "Second " + unique()), user).id();
		records.create("Contact", Map.of("LastName", "Someone else's " + unique()), null);
		records.update("Contact", first, Map.of("Title", "Changed last"), user);

		assertThat(records.recentlyModifiedBy(user, List.of("Contact", "Lead"), 10)).extracting(CrmRecord::id)
			.containsExactly(first, second, lead);
		assertThat(records.recentlyModifiedBy(user, List.of("contact"), 1)).extracting(CrmRecord::id).containsExactly(first);
		assertThat(records.recentlyModifiedBy(user, List.of(), 10)).isEmpty();
	}

	@Test
	void resolvesPolymorphicWhoPathToContactOrLead() {
		String lead = records.create("Lead", Map.of("LastName", "Kim", "Company", "Initech"), null).id();
		String task = records.create("Task", Map.of("Subject", "Call", "WhoId", lead), null).id();

		assertThat(records.get("Task", task, List.of("Who.Name", "Who.Company")).fields())
			.containsEntry("Who.Name", "Kim").containsEntry("Who.Company", "Initech");
	}

	@Test
	void rejectsAnUnknownObjectNamingIt() {
		assertThatThrownBy(() -> records.search("Spaceship", null, 0, 10)).isInstanceOf(CrmException.class)
			.hasMessageContaining("Spaceship").extracting(e -> ((CrmException) e).refusal()).isEqualTo(Refusal.INVALID);
	}

	@Test
	void rejectsAnUnknownPathNamingIt() {
		String contact = records.create("Contact", Map.of("LastName", "Path"), null).id();
		assertThatThrownBy(() -> records.get("Contact", contact, List.of("Account.Nope")))
			.isInstanceOf(CrmException.class).hasMessageContaining("Account.Nope");
	}

	@Test
	void rejectsUnknownFieldsAndWrongTypesNamingEachField() {
		long before = records.search("Contact", null, 0, 1).total();

		assertThatThrownBy(() -> records.create("Contact", Map.of("LastName", "X", "Shoe__c", "42",
				"DoNotCall", "sometimes", "Birthdate", "yesterday", "Email", "not-an-email"), null))
			.isInstanceOfSatisfying(CrmException.class, e -> assertThat(e.errors())
				.extracting(p -> p.field()).containsExactlyInAnyOrder("Shoe__c", "DoNotCall", "Birthdate", "Email"));
		assertThat(records.search("Contact", null, 0, 1).total()).isEqualTo(before);
	}

	@Test
	void requiresLastNameAndPicklistValuesFromTheList() {
		assertThatThrownBy(() -> records.create("Lead", Map.of("Company", "C", "Status", "Maybe"), null))
			.isInstanceOfSatisfying(CrmException.class, e -> assertThat(e.errors())
				.extracting(p -> p.field()).containsExactlyInAnyOrder("LastName", "Status"));
	}

	@Test
	void writesNothingWhenOneRecordOfABatchIsInvalid() {
		String name = unique();
		assertThatThrownBy(() -> records.createAll("Contact", List.of(Map.of("LastName", name),
				Map.of("LastName", name, "Email", "broken")), null))
			.isInstanceOfSatisfying(CrmException.class, e -> assertThat(e.errors()).extracting(p -> p.field())
				.containsExactly("[1].Email"));
		assertThat(records.search("Contact", name, 0, 10).records()).isEmpty();
	}

	/** 150 rows: the embedded store writes a batch of 100 rows or more with COPY on PostgreSQL (ADR 0029). */
	@Test
	void aBigBatchKeepsAwkwardValuesAndIndexesEveryRecord() {
		String word = "bk" + unique().substring(0, 8);
		String account = records.create("Account", Map.of("Name", "Bulk " + word), null).id();
		String awkward = "O\"Brien, \\ \"quoted\"\ttab";
		List<Map<String, Object>> rows = new java.util.ArrayList<>();
		for (int i = 0; i < 150; i++) {
			rows.add(Map.of("FirstName", "", "LastName", word + " " + awkward + " " + i, "Email", word + i + "@bulk.example",
					"MobilePhone", String.format("+1 415 666 %04d", i), "AccountId", account, "Description", "line one\r\nline, \"two\"\n"));
		}
		events.clear();

		List<String> created = records.createAll("Contact", rows, null);

		assertThat(created).hasSize(150);
		CrmRecord last = records.get("Contact", created.get(149), List.of("LastName", "Description", "Email", "AccountId"));
		assertThat(last.getString("LastName")).isEqualTo(word + " " + awkward + " 149");
		assertThat(last.getString("Description")).isEqualTo("line one\r\nline, \"two\"\n");
		assertThat(last.getString("AccountId")).isEqualTo(account);
		assertThat(records.search("Contact", word, 0, 200).total()).isEqualTo(150);
		assertThat(records.search("Contact", "brien " + word, 0, 200).records()).hasSize(150);
		assertThat(records.findByPhone("+1 415 666 0149", Map.of("Contact", Set.of("MobilePhone"))))
			.extracting(m -> m.record().id()).contains(created.get(149));
		assertThat(records.searchPhoneDigits("4156660077", Map.of("Contact", Set.of("MobilePhone")), 50))
			.extracting(m -> m.record().id()).contains(created.get(77));
		assertThat(records.related("Contact", "AccountId", account, 500)).hasSize(150);
		assertThat(events.stream(RecordChanged.class).filter(e -> e.kind() == RecordChanged.Kind.CREATED)).hasSize(150);
	}

	/** A bulk load (ADR 0041: the embedded store on H2 builds its indexes at the end) finds what batches do. */
	@Test
	void aBulkLoadLeavesEveryRecordFindableByNamePhoneAndDigits() {
		String word = "bl" + unique().substring(0, 8);
		List<String> created = new java.util.ArrayList<>();
		records.bulkLoad(() -> {
			for (int batch = 0; batch < 2; batch++) {
				List<Map<String, Object>> rows = new java.util.ArrayList<>();
				for (int i = batch * 60; i < batch * 60 + 60; i++) {
					rows.add(Map.of("LastName", word + " " + i, "MobilePhone", String.format("+1 415 668 %04d", i)));
				}
				created.addAll(transactions.execute(tx -> records.createAll("Contact", rows, null)));
			}
		});

		assertThat(created).hasSize(120);
		assertThat(records.search("Contact", word, 0, 200).total()).isEqualTo(120);
		assertThat(records.findByPhone("(415) 668-0119", Map.of("Contact", Set.of("MobilePhone"))))
			.extracting(m -> m.record().id()).containsExactly(created.get(119));
		assertThat(records.searchPhoneDigits("6680077", Map.of("Contact", Set.of("MobilePhone")), 50))
			.extracting(m -> m.record().id()).containsExactly(created.get(77));
	}

	@Test
	void aBigBatchWithOneInvalidRowWritesNothing() {
		String word = "bn" + unique().substring(0, 8);
		List<Map<String, Object>> rows = new java.util.ArrayList<>();
		for (int i = 0; i < 150; i++) {
			rows.add(Map.of("LastName", word + " " + i, "MobilePhone", String.format("+1 415 667 %04d", i)));
		}
		rows.add(Map.of("LastName", word, "Email", "not an address"));

		assertThatThrownBy(() -> records.createAll("Contact", rows, null))
			.isInstanceOfSatisfying(CrmException.class, e -> assertThat(e.errors()).extracting(p -> p.field()).containsExactly("[150].Email"));
		assertThat(records.search("Contact", word, 0, 10).total()).isZero();
	}

	@Test
	void rejectsAReferenceToTheWrongKindOfRecord() {
		String lead = records.create("Lead", Map.of("LastName", "L", "Company", "C"), null).id();
		assertThatThrownBy(() -> records.create("Contact", Map.of("LastName", "C", "AccountId", lead), null))
			.isInstanceOfSatisfying(CrmException.class, e -> assertThat(e.errors()).extracting(p -> p.field())
				.containsExactly("AccountId"));
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			415.555.0142          | +1 (415) 555-0142
			(415) 555-0142 x12    | +14155550142
			415-555-0142 ext. 7   | 1-415-555-0142
			0049 30 1234567       | +49 30 1234567
			+44 20 7946 0958      | 0044 20 7946 0958
			+45 32 12 34 56       | 004532123456
			""")
	void matchesPhoneNumbersWhateverTheirFormatting(String stored, String dialled) {
		String id = records.create("Contact", Map.of("LastName", "Phone " + unique(), "MobilePhone", stored), null).id();

		List<PhoneMatch> matches = records.findByPhone(dialled, CONTACT_AND_LEAD_PHONES);

		assertThat(matches).extracting(m -> m.record().id()).contains(id);
		assertThat(matches).filteredOn(m -> m.record().id().equals(id)).extracting(PhoneMatch::phoneField)
			.containsExactly("MobilePhone");
	}

	@Test
	void matchesOnlyTheObjectsAndFieldsAskedFor() {
		String number = "+1 212 555 " + (1000 + (int) (Math.random() * 8999));
		records.create("Lead", Map.of("LastName", "L", "Company", "C", "Phone", number), null);
		records.create("Contact", Map.of("LastName", "C", "HomePhone", number), null);

		assertThat(records.findByPhone(number, Map.of("Contact", Set.of("Phone")))).isEmpty();
		assertThat(records.findByPhone(number, Map.of("Lead", Set.of("Phone")))).extracting(m -> m.record().object())
			.containsExactly("Lead");
	}

	@Test
	void keepsAnUnparseablePhoneAsTypedAndMatchesNothingWithIt() {
		String id = records.create("Contact", Map.of("LastName", "Odd", "Phone", "call reception"), null).id();

		assertThat(records.get("Contact", id, List.of("Phone")).fields()).containsEntry("Phone", "call reception");
		assertThat(records.findByPhone("call reception", CONTACT_AND_LEAD_PHONES)).isEmpty();
		assertThat(records.findByPhone("", CONTACT_AND_LEAD_PHONES)).isEmpty();
	}

	@Test
	void findsNumbersByDigitsTypedFromTheStartOfAnyGroup() {
		String line = String.valueOf(1000 + (int) (Math.random() * 8999));
		String id = records.create("Contact", Map.of("LastName", "Digits " + unique(), "MobilePhone", "(628) 555-" + line), null).id();

		for (String part : List.of("1628555" + line, "628555", "555" + line, line)) {
			assertThat(records.searchPhoneDigits(part, CONTACT_AND_LEAD_PHONES, 50)).as(part)
				.filteredOn(m -> m.record().id().equals(id)).extracting(PhoneMatch::phoneField).containsExactly("MobilePhone");
		}
		if (indexesPhoneTails()) {
			for (String inside : List.of("55" + line, "5" + line, "28555" + line)) {
				assertThat(records.searchPhoneDigits(inside, CONTACT_AND_LEAD_PHONES, 50)).as("starts inside a group: " + inside)
					.filteredOn(m -> m.record().id().equals(id)).isEmpty();
			}
		}
		assertThat(records.searchPhoneDigits("628555" + line, Map.of("Contact", Set.of("Phone")), 50)).isEmpty();
		assertThat(records.searchPhoneDigits("628", CONTACT_AND_LEAD_PHONES, 50)).as("fewer than four digits").isEmpty();
		assertThat(records.searchPhoneDigits("62a8", CONTACT_AND_LEAD_PHONES, 50)).as("not digits").isEmpty();
	}

	@Test
	void findsAtMostTheLimitOfNumbersByDigitsInAllObjectsTogether() {
		String number = "(630) 555-" + (1000 + (int) (Math.random() * 8999));
		List<String> ids = new java.util.ArrayList<>();
		for (int i = 0; i < 2; i++) {
			ids.add(records.create("Contact", Map.of("LastName", "Limit " + unique(), "Phone", number), null).id());
			ids.add(records.create("Lead", Map.of("LastName", "Limit " + unique(), "Company", "C", "Phone", number), null).id());
		}
		Map<String, Set<String>> contactsThenLeads = new java.util.LinkedHashMap<>();
		contactsThenLeads.put("Contact", Set.of("Phone"));
		contactsThenLeads.put("Lead", Set.of("Phone"));
		String digits = number.replaceAll("[^0-9]", "");

		assertThat(records.searchPhoneDigits(digits, contactsThenLeads, 4)).extracting(m -> m.record().id())
			.containsExactlyInAnyOrderElementsOf(ids);
		assertThat(records.searchPhoneDigits(digits, contactsThenLeads, 3)).hasSize(3);
		assertThat(records.searchPhoneDigits(digits, contactsThenLeads, 1)).hasSize(1);
	}

	@Test
	void findsANumberHeldInTwoFieldsOnceForEachAndLeavesNoTailRowsBehindADelete() {
		String line = String.valueOf(1000 + (int) (Math.random() * 8999));
		String id = records.create("Contact", Map.of("LastName", "Twice " + unique(), "Phone", "(629) 555-" + line,
				"MobilePhone", "629.555." + line + " x12", "HomePhone", "+44 20 7946 " + line), null).id();

		assertThat(records.searchPhoneDigits("629555" + line, CONTACT_AND_LEAD_PHONES, 50)).as("one match per record")
			.filteredOn(m -> m.record().id().equals(id)).extracting(PhoneMatch::phoneField).hasSize(1)
			.isSubsetOf("Phone", "MobilePhone");
		assertThat(records.searchPhoneDigits("629555" + line, Map.of("Contact", Set.of("MobilePhone", "HomePhone")), 50))
			.filteredOn(m -> m.record().id().equals(id)).extracting(PhoneMatch::phoneField).containsExactly("MobilePhone");
		assertThat(records.searchPhoneDigits("7946" + line, Map.of("Lead", Set.of("Phone", "MobilePhone")), 50))
			.as("the tail index is scoped to the object by the id's key prefix")
			.filteredOn(m -> m.record().id().equals(id)).isEmpty();
		assertThat(tailRows(id) > 0 || !indexesPhoneTails()).as("tail rows").isTrue();

		records.delete("Contact", id, null);

		assertThat(tailRows(id)).isZero();
	}

	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	private long tailRows(String id) {
		return jdbc.sql("SELECT COUNT(*) FROM crm_phone_tail WHERE record_id = ?").param(id).query(Long.class).single();
	}

	@Test
	void forgetsTheOldNumberPartsWhenANumberChanges() {
		String id = records.create("Lead", Map.of("LastName", "Moved", "Company", "C", "Phone", "+1 720 555 0161"), null).id();

		records.update("Lead", id, Map.of("Phone", "+1 720 555 0199"), null);

		assertThat(records.searchPhoneDigits("7205550161", CONTACT_AND_LEAD_PHONES, 50)).extracting(m -> m.record().id()).doesNotContain(id);
		assertThat(records.searchPhoneDigits("7205550199", CONTACT_AND_LEAD_PHONES, 50)).extracting(m -> m.record().id()).contains(id);
		records.delete("Lead", id, null);
		assertThat(records.searchPhoneDigits("7205550199", CONTACT_AND_LEAD_PHONES, 50)).extracting(m -> m.record().id()).doesNotContain(id);
	}

	@Test
	void findsTheFirstMatchesWithoutCounting() {
		String word = "fq" + uniqueLetters(8);
		String first = records.create("Contact", Map.of("FirstName", "Ann", "LastName", word + "a"), null).id();
		String second = records.create("Contact", Map.of("FirstName", "Bob", "LastName", word + "b"), null).id();

		assertThat(records.find("Contact", word, 10)).extracting(CrmRecord::id).containsExactlyInAnyOrder(first, second);
		assertThat(records.find("Contact", word, 1)).hasSize(1);
	}

	@Test
	void findsRecordsByNameEmailAndCompanyPrefixes() {
		String word = "zq" + unique().substring(0, 6);
		String id = records.create("Lead", Map.of("FirstName", "José", "LastName", word + "son",
				"Company", "Globex " + word, "Email", "jose." + word + "@globex.example"), null).id();

		assertThat(records.search("Lead", word, 0, 10).records()).extracting(CrmRecord::id).containsExactly(id);
		assertThat(records.search("Lead", "jose " + word.toUpperCase(), 0, 10).records()).extracting(CrmRecord::id).containsExactly(id);
		assertThat(records.search("Lead", "jose." + word + "@glob", 0, 10).records()).extracting(CrmRecord::id).containsExactly(id);
		assertThat(records.search("Lead", "maria " + word, 0, 10).records()).isEmpty();
		assertThat(records.search("Lead", word, 0, 10).total()).isEqualTo(1);
	}

	@Test
	void pagesThroughSearchResultsWithoutOverlapOrGaps() {
		String word = "pg" + unique().substring(0, 6);
		for (int i = 0; i < 5; i++) {
			records.create("Account", Map.of("Name", word + " " + (char) ('e' - i)), null);
		}
		List<String> pages = new java.util.ArrayList<>();
		for (int offset = 0; offset < 6; offset += 2) {
			records.search("Account", word, offset, 2).records().forEach(r -> pages.add(r.name()));
		}

		assertThat(pages).containsExactlyInAnyOrder(word + " a", word + " b", word + " c", word + " d", word + " e");
		assertThat(records.search("Account", word, 0, 2).total()).isEqualTo(5);
	}

	@Test
	void listsAllRecordsOfAnObjectInNameOrder() {
		records.create("Campaign", Map.of("Name", "Beta"), null);
		records.create("Campaign", Map.of("Name", "alpha"), null);

		List<String> names = records.search("Campaign", "", 0, 200).records().stream().map(CrmRecord::name).toList();

		assertThat(names).isSortedAccordingTo(String.CASE_INSENSITIVE_ORDER).contains("alpha", "Beta");
	}

	@Test
	void findsAUserByUsernameIgnoringCase() {
		String profile = records.create("Profile", Map.of("Name", "P"), null).id();
		String username = "Mixed." + unique() + "@Example.test";
		String id = records.create("User", Map.of("Username", username, "Email", "m@x.test", "LastName", "M", "ProfileId", profile), null).id();

		assertThat(records.findByField("User", "Username", username.toLowerCase())).extracting(CrmRecord::id).containsExactly(id);
	}

	@Test
	void publishesRecordChangedWithOldAndNewValues() {
		String id = records.create("Opportunity", Map.of("Name", "Deal", "StageName", "Prospecting", "CloseDate", "2027-01-31"), null).id();
		events.clear();

		records.update("Opportunity", id, Map.of("StageName", "Closed Won", "Name", "Deal"), "005000000000001AAA");

		RecordChanged changed = events.stream(RecordChanged.class).filter(e -> e.recordId().equals(id)).findFirst().orElseThrow();
		assertThat(changed.kind()).isEqualTo(RecordChanged.Kind.UPDATED);
		assertThat(changed.changes()).containsEntry("StageName", new FieldChange("Prospecting", "Closed Won"))
			.containsEntry("IsWon", new FieldChange(false, true)).doesNotContainKey("Name");
		assertThat(changed.changedBy()).isEqualTo("005000000000001AAA");
	}

	@Test
	void anUpdateThatChangesNothingPublishesNothing() {
		String id = records.create("Account", Map.of("Name", "Same"), null).id();
		events.clear();
		records.update("Account", id, Map.of("Name", "Same"), null);
		assertThat(events.stream(RecordChanged.class)).isEmpty();
	}

	@Test
	void deletingAnAccountClearsOptionalReferencesToIt() {
		String account = records.create("Account", Map.of("Name", "Gone"), null).id();
		String contact = records.create("Contact", Map.of("LastName", "Stays", "AccountId", account), null).id();
		assertThat(records.related("Contact", "AccountId", account, 10)).extracting(CrmRecord::id).containsExactly(contact);

		records.delete("Account", account, null);

		assertThat(records.get("Contact", contact, List.of("AccountId")).fields().get("AccountId")).isNull();
		assertThatThrownBy(() -> records.get("Account", account, List.of())).isInstanceOfSatisfying(CrmException.class,
				e -> assertThat(e.refusal()).isEqualTo(Refusal.NOT_FOUND));
	}

	@Test
	void aPersonJoinsACampaignOnce() {
		String campaign = records.create("Campaign", Map.of("Name", "Launch"), null).id();
		String contact = records.create("Contact", Map.of("LastName", "Member"), null).id();
		records.create("CampaignMember", Map.of("CampaignId", campaign, "ContactId", contact), null);

		assertThatThrownBy(() -> records.create("CampaignMember", Map.of("CampaignId", campaign, "ContactId", contact), null))
			.isInstanceOfSatisfying(CrmException.class, e -> assertThat(e.refusal()).isEqualTo(Refusal.CONFLICT));
	}

	@Test
	void aBatchOfCampaignMembersChecksEveryReferenceAndEveryMembership() {
		assumeTrue(checksBatchesSetWise(), "the Salesforce double checks batches row by row with messages of its own");
		String campaign = records.create("Campaign", Map.of("Name", "Batch " + unique()), null).id();
		String member = records.create("Lead", Map.of("LastName", "Member", "Company", "C"), null).id();
		String fresh = records.create("Lead", Map.of("LastName", "Fresh", "Company", "C"), null).id();
		String contact = records.create("Contact", Map.of("LastName", "Not a lead"), null).id();
		records.create("CampaignMember", Map.of("CampaignId", campaign, "LeadId", member), null);

		assertThatThrownBy(() -> records.createAll("CampaignMember", List.of(Map.of("CampaignId", campaign, "LeadId", fresh),
				Map.of("CampaignId", campaign, "LeadId", contact), Map.of("CampaignId", "00v000000000000", "LeadId", fresh)), null))
			.isInstanceOfSatisfying(CrmException.class, e -> assertThat(e.errors()).extracting(p -> p.field())
				.containsExactly("[1].LeadId", "[2].CampaignId"));
		assertThatThrownBy(() -> records.createAll("CampaignMember", List.of(Map.of("CampaignId", campaign, "LeadId", fresh),
				Map.of("CampaignId", campaign, "LeadId", member)), null))
			.isInstanceOfSatisfying(CrmException.class, e -> assertThat(e.refusal()).isEqualTo(Refusal.CONFLICT));
		assertThatThrownBy(() -> records.createAll("CampaignMember", List.of(Map.of("CampaignId", campaign, "LeadId", fresh),
				Map.of("CampaignId", campaign.substring(0, 15), "LeadId", fresh)), null))
			.isInstanceOfSatisfying(CrmException.class, e -> assertThat(e.refusal()).isEqualTo(Refusal.CONFLICT));
		assertThat(records.findAllByField("CampaignMember", "LeadId", List.of(fresh))).isEmpty();

		List<String> created = records.createAll("CampaignMember", List.of(Map.of("CampaignId", campaign.substring(0, 15), "LeadId", fresh)), null);
		assertThat(records.get("CampaignMember", created.get(0), List.of("CampaignId")).getString("CampaignId")).isEqualTo(campaign);
	}

	@Test
	void numbersCasesAndAcceptsFifteenCharacterIds() {
		CrmRecord created = records.create("Case", Map.of("Subject", "Broken"), null);

		assertThat(created.getString("CaseNumber")).matches("\\d{8}");
		assertThat(created.getString("Status")).isEqualTo("New");
		assertThat(records.get("Case", created.id().substring(0, 15), List.of("Subject")).id()).isEqualTo(created.id());
	}

	@Test
	void definesCustomObjectsAndFieldsAtRunTime() {
		assumeTrue(definesCustomObjects(), "custom objects are defined in the CRM's own setup");
		String object = "Project" + unique().substring(0, 5) + "__c";
		schema.defineObject(new CustomObjectDefinition(object, "Project", "Projects"));
		schema.defineField(object, new CustomFieldDefinition("Budget__c", null, "number", null, null, false));
		schema.defineField("Contact", new CustomFieldDefinition("Pager" + object.substring(7), "Pager", "phone", null, null, false));
		String pager = "Pager" + object.substring(7);

		String id = records.create(object, Map.of("Name", "Apollo", "Budget__c", 1200.5), null).id();
		String contact = records.create("Contact", Map.of("LastName", "Paged", pager, "(303) 555-0177"), null).id();

		assertThat(records.get(object, id, List.of("Budget__c")).fields().get("Budget__c")).hasToString("1200.5");
		assertThat(records.findByPhone("+13035550177", Map.of("Contact", Set.of(pager)))).extracting(m -> m.record().id()).containsExactly(contact);
		assertThatThrownBy(() -> records.create(object, Map.of("Name", "X", "Budget__c", "lots"), null))
			.isInstanceOfSatisfying(CrmException.class, e -> assertThat(e.errors()).extracting(p -> p.field()).containsExactly("Budget__c"));
	}

	@Test
	void refusesASecondCustomObjectOfTheSameName() {
		assumeTrue(definesCustomObjects(), "custom objects are defined in the CRM's own setup");
		String object = "Ticket" + unique().substring(0, 5) + "__c";
		schema.defineObject(new CustomObjectDefinition(object, null, null));
		assertThatThrownBy(() -> schema.defineObject(new CustomObjectDefinition(object.toLowerCase(), null, null)))
			.isInstanceOfSatisfying(CrmException.class, e -> assertThat(e.refusal()).isEqualTo(Refusal.CONFLICT));
	}

	@Test
	void refusesCustomFieldsThatClashOrAreMalformed() {
		assumeTrue(definesCustomObjects(), "custom objects are defined in the CRM's own setup");
		assertThatThrownBy(() -> schema.defineField("Contact", new CustomFieldDefinition("Phone", null, "phone", null, null, false)))
			.isInstanceOfSatisfying(CrmException.class, e -> assertThat(e.refusal()).isEqualTo(Refusal.INVALID))
			.hasMessageContaining("clashes with the standard field");
		assertThatThrownBy(() -> schema.defineField("Contact", new CustomFieldDefinition("Bad Name__c", null, "phone", null, null, false)))
			.isInstanceOfSatisfying(CrmException.class, e -> assertThat(e.errors()).extracting(p -> p.field()).containsExactly("name"));
		assertThatThrownBy(() -> schema.defineField("Contact", new CustomFieldDefinition("Kind__c", null, "colour", null, null, false)))
			.isInstanceOfSatisfying(CrmException.class, e -> assertThat(e.errors()).extracting(p -> p.field()).containsExactly("type"));
		assertThatThrownBy(() -> schema.defineField("Contact", new CustomFieldDefinition("Ref__c", null, "reference", List.of("Nope"), null, false)))
			.isInstanceOfSatisfying(CrmException.class, e -> assertThat(e.errors()).extracting(p -> p.field()).containsExactly("referenceTo"));
		assertThat(schema.describe("Contact").field("Kind__c")).isEmpty();
	}

	@Test
	void everyObjectFieldAndRelationshipNameResolvesInEveryAsciiCasingToItself() {
		for (ObjectDescription object : schema.objects()) {
			for (String casing : Spellings.asciiCasings(object.name())) {
				assertThat(schema.find(casing)).as(casing).map(ObjectDescription::name).contains(object.name());
			}
			for (FieldDescription field : object.fields()) {
				for (String casing : Spellings.asciiCasings(field.name())) {
					assertThat(object.field(casing)).as(object.name() + "." + casing).map(FieldDescription::name).contains(field.name());
				}
				if (field.relationshipName() != null) {
					for (String casing : Spellings.asciiCasings(field.relationshipName())) {
						assertThat(object.relationship(casing)).as(object.name() + "." + casing).contains(field);
					}
				}
			}
		}
	}

	@Test
	void noSpellingWithACharacterThatFoldsOntoAsciiNamesAnObjectFieldOrRelationship() {
		for (ObjectDescription object : schema.objects()) {
			for (String spelling : Spellings.unicodeSpellings(object.name())) {
				assertThat(schema.find(spelling)).as(spelling).isEmpty();
				assertThatThrownBy(() -> schema.describe(spelling)).as(spelling).isInstanceOf(CrmException.class);
			}
			for (FieldDescription field : object.fields()) {
				for (String spelling : Spellings.unicodeSpellings(field.name())) {
					assertThat(object.field(spelling)).as(object.name() + "." + spelling).isEmpty();
					assertThatThrownBy(() -> schema.canonicalPath(object.name(), spelling)).as(spelling).isInstanceOf(CrmException.class);
				}
				if (field.relationshipName() != null) {
					for (String spelling : Spellings.unicodeSpellings(field.relationshipName())) {
						assertThat(object.relationship(spelling)).as(object.name() + "." + spelling).isEmpty();
					}
				}
			}
		}
		assertThatThrownBy(() -> schema.canonicalPath("Contact", "Owner.Profile.Nam\u0131e")).isInstanceOf(CrmException.class);
		assertThat(schema.canonicalPath("contact", "OWNER.profile.NAME")).isEqualTo("Owner.Profile.Name");
	}

	@Test
	void aPathFollowsAtMostFiveRelationshipsAndAHugeNameIsRefusedNotOverflowed() {
		assertThat(schema.canonicalPath("Contact", "Owner.Profile.CreatedBy.Profile.CreatedBy.Name")).isNotNull();
		assertThatThrownBy(() -> schema.canonicalPath("Contact", "Owner.Profile.CreatedBy.Profile.CreatedBy.Profile.Name"))
			.isInstanceOf(CrmException.class);
		String huge = "V" + "a_".repeat(1_500) + "_c";
		assertThatThrownBy(() -> schema.defineObject(new CustomObjectDefinition(huge, "Huge", null)))
			.isInstanceOfSatisfying(CrmException.class, e -> assertThat(e.refusal()).isEqualTo(Refusal.INVALID));
		assertThatThrownBy(() -> schema.defineField("Contact", new CustomFieldDefinition(huge, null, "string", null, null, null)))
			.isInstanceOfSatisfying(CrmException.class, e -> assertThat(e.refusal()).isEqualTo(Refusal.INVALID));
		assertThat(schema.find("A".repeat(3_000))).isEmpty();
	}

	@Test
	void aFieldGivenTwiceInTwoCasingsIsRefusedAndPicklistsAndBooleansMatchInAsciiOnly() {
		Map<String, Object> twice = new java.util.LinkedHashMap<>();
		twice.put("LastName", "One");
		twice.put("LASTNAME", "Two");
		assertThatThrownBy(() -> records.create("Contact", twice, null)).isInstanceOfSatisfying(CrmException.class,
				e -> assertThat(e.errors()).extracting(FieldProblem::field).contains("LastName"));
		assertThatThrownBy(() -> records.create("Lead", Map.of("LastName", "L", "Company", "C", "LeadSource", "Phone \u0131nquiry"), null))
			.isInstanceOfSatisfying(CrmException.class, e -> assertThat(e.errors()).extracting(FieldProblem::field).containsExactly("LeadSource"));
		assertThatThrownBy(() -> records.create("User", Map.of("Username", unique() + "@x.test", "Email", "u@x.test", "LastName", "U",
				"ProfileId", records.create("Profile", Map.of("Name", "P"), null).id(), "IsActive", "fal\u017Fe"), null))
			.isInstanceOfSatisfying(CrmException.class, e -> assertThat(e.errors()).extracting(FieldProblem::field).containsExactly("IsActive"));
	}

	@Test
	void aUsernameIsAnAsciiAddressUniqueIgnoringAsciiCase() {
		String profile = records.create("Profile", Map.of("Name", "P"), null).id();
		String username = "kate." + unique() + "@x.test";
		String kate = records.create("User", Map.of("Username", username, "Email", "k@x.test", "LastName", "K", "ProfileId", profile), null).id();

		for (String taken : List.of(username.toUpperCase(java.util.Locale.ROOT), " " + username)) {
			assertThatThrownBy(() -> records.create("User", Map.of("Username", taken, "Email", "k@x.test", "LastName", "K", "ProfileId", profile), null))
				.as(taken).isInstanceOfSatisfying(CrmException.class, e -> assertThat(e.errors()).extracting(FieldProblem::field).contains("Username"));
		}
		for (String nonAscii : List.of("\u212A" + username.substring(1), "\u212Aate@x.test", "jos\u00E9." + unique() + "@x.test")) {
			assertThatThrownBy(() -> records.create("User", Map.of("Username", nonAscii, "Email", "k@x.test", "LastName", "K", "ProfileId", profile), null))
				.as(nonAscii).isInstanceOfSatisfying(CrmException.class, e -> assertThat(e.errors()).extracting(FieldProblem::field).containsExactly("Username"));
		}
		assertThat(records.update("User", kate, Map.of("Username", username.toUpperCase(java.util.Locale.ROOT)), null).getString("Username"))
			.as("the user's own name in another casing").isEqualTo(username.toUpperCase(java.util.Locale.ROOT));
	}

	@Test
	void permissionSetNamesAreApiNamesUniqueIgnoringAsciiCase() {
		String name = "Set_" + unique();
		records.create("PermissionSet", Map.of("Name", name, "Label", "Set"), null);

		assertThatThrownBy(() -> records.create("PermissionSet", Map.of("Name", name.toLowerCase(java.util.Locale.ROOT), "Label", "Copy"), null))
			.isInstanceOf(CrmException.class);
		assertThatThrownBy(() -> records.create("PermissionSet", Map.of("Name", name.replace("S", "\u017F"), "Label", "Copy"), null))
			.isInstanceOf(CrmException.class);
		assertThatThrownBy(() -> records.createAll("PermissionSet", List.of(Map.of("Name", "Twin_" + name, "Label", "A"),
				Map.of("Name", "TWIN_" + name, "Label", "B")), null)).isInstanceOf(CrmException.class);
	}

	@Test
	void aWriteNamingAnOlderVersionIsRefusedSayingWhoChangedItAndSavesNothing() {
		String profile = records.create("Profile", Map.of("Name", "Editors " + unique()), null).id();
		String editor = records.create("User", Map.of("Username", unique() + "@x.test", "Email", "e@x.test",
				"FirstName", "Erin", "LastName", "Editor", "ProfileId", profile), null).id();
		String id = records.create("Account", Map.of("Name", "Versioned " + unique(), "Phone", "1"), null).id();
		RecordVersion read = records.version("Account", id);

		records.update("Account", id, Map.of("Phone", "2"), editor, read.tag());
		RecordVersion after = records.version("Account", id);

		assertThat(after.tag()).isNotEqualTo(read.tag());
		String modifier = recordsWritesAsTheActor() ? "Erin Editor" : after.modifiedByName();
		if (recordsWritesAsTheActor()) {
			assertThat(after.modifiedById()).isEqualTo(editor);
			assertThat(after.modifiedByName()).isEqualTo("Erin Editor");
		}
		assertThatThrownBy(() -> records.update("Account", id, Map.of("Phone", "3"), null, read.tag()))
			.isInstanceOfSatisfying(StaleRecordException.class, e -> {
				assertThat(e.refusal()).isEqualTo(Refusal.STALE);
				assertThat(e.getMessage()).contains(modifier).contains("review and save again");
				assertThat(e.current().tag()).isEqualTo(after.tag());
			});
		assertThatThrownBy(() -> records.delete("Account", id, null, read.tag())).isInstanceOf(StaleRecordException.class);
		assertThat(records.get("Account", id, List.of("Phone")).getString("Phone")).isEqualTo("2");

		records.update("Account", id, Map.of("Phone", "4"), null, after.tag());
		records.update("Account", id, Map.of("Phone", "5"), null, null);
		assertThat(records.get("Account", id, List.of("Phone")).getString("Phone")).isEqualTo("5");
		records.delete("Account", id, null, records.version("Account", id).tag());
		assertThatThrownBy(() -> records.get("Account", id, List.of())).isInstanceOfSatisfying(CrmException.class,
				e -> assertThat(e.refusal()).isEqualTo(Refusal.NOT_FOUND));
	}

	@Test
	void namesOverTheirSizeAre400NamingEachFieldAsTooLong() {
		assumeTrue(wordsLengthErrorsLikeTheEmbeddedStore(), "the CRM words its own length errors");
		assertThatThrownBy(() -> records.create("Contact", Map.of("FirstName", "F".repeat(141), "LastName", "L".repeat(255),
				"Email", "e".repeat(90) + "@x.test"), null))
			.isInstanceOfSatisfying(CrmException.class, e -> {
				assertThat(e.refusal()).isEqualTo(Refusal.INVALID);
				assertThat(e.errors()).extracting(FieldProblem::field).containsExactlyInAnyOrder("FirstName", "LastName", "Email");
				assertThat(e.errors()).allSatisfy(p -> assertThat(p.message()).startsWith("is too long"));
			});
		assertThatThrownBy(() -> records.create("Account", Map.of("Name", "A".repeat(256)), null))
			.isInstanceOfSatisfying(CrmException.class, e -> assertThat(e.errors()).extracting(FieldProblem::message)
				.containsExactly("is too long (256 characters, at most 255)"));
	}

	/** False where the CRM records every write as one integration user (Salesforce): tests of last modifiers are skipped. */
	protected boolean recordsWritesAsTheActor() {
		return true;
	}

	/** False where the store keeps no phone-tail index rows of its own (Salesforce searches phones with SOSL). */
	protected boolean indexesPhoneTails() {
		return true;
	}

	/** False where length errors come from the CRM in its own words (Salesforce's STRING_TOO_LONG). */
	protected boolean wordsLengthErrorsLikeTheEmbeddedStore() {
		return true;
	}

	/** False where custom objects and fields are defined outside Switchboard (Salesforce Setup); those tests are skipped. */
	protected boolean definesCustomObjects() {
		return true;
	}

	/** The embedded store checks a batch's references and memberships set-wise, naming each bad row (issue 14). */
	protected boolean checksBatchesSetWise() {
		return true;
	}

	static String unique() {
		return UUID.randomUUID().toString().replace("-", "");
	}

	/**
	 * A random word of letters only: no other test's value shares a token with it, and it has no digits that a phone
	 * field could match (a search word with digits may match phone numbers holding them).
	 */
	protected static String uniqueLetters(int length) {
		StringBuilder word = new StringBuilder();
		unique().chars().limit(length).forEach(c -> word.append((char) ('g' + Character.digit(c, 16))));
		return word.toString();
	}

}
