package org.switchboard.webinars;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.switchboard.salesforce.sandbox.RunningSalesforce;
import org.aopalliance.intercept.MethodInterceptor;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.switchboard.crm.CrmRecords;
import org.switchboard.support.ApiClient;
import org.switchboard.support.EmbeddedDefault;
import org.switchboard.support.EmbeddedServerTest;

import tools.jackson.databind.JsonNode;

/**
 * Webinar imports into Salesforce (the double, Bulk API 2.0 from 100 records here) with the CRM port watched by a spy:
 * no database transaction is open while the import calls the org (ADR 0033), and a server stopped after the org
 * wrote a chunk but before the chunk's bookkeeping committed resumes with the totals adding up and nobody twice.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "switchboard.embedded.notifications=false")
class WebinarImportOnSalesforceTests {

	private static final int SANDBOX_PORT = EmbeddedDefault.freePort();
	private static final String ADMIN = ApiClient.ADMIN;

	@DynamicPropertySource
	static void salesforce(DynamicPropertyRegistry registry) {
		EmbeddedDefault.registerOnSalesforceDouble(registry, SANDBOX_PORT);
		registry.add("switchboard.salesforce.retry-backoff", () -> "10ms");
		registry.add("switchboard.salesforce.bulk.threshold", () -> "100");
		registry.add("switchboard.salesforce.bulk.first-poll", () -> "20ms");
		registry.add("switchboard.webinars.import.lease", () -> "PT1S");
		registry.add("switchboard.webinars.import.poll", () -> "PT0.3S");
	}

	@TestConfiguration
	static class Spying {

		@Bean
		static CrmSpy crmSpy() {
			return new CrmSpy();
		}

		@Bean
		static BeanPostProcessor spiedCrmRecords(CrmSpy spy) {
			return new BeanPostProcessor() {
				@Override
				public Object postProcessAfterInitialization(Object bean, String name) {
					if (!(bean instanceof CrmRecords)) {
						return bean;
					}
					ProxyFactory proxy = new ProxyFactory(bean);
					proxy.setInterfaces(CrmRecords.class);
					proxy.addAdvice(spy);
					return proxy.getProxy();
				}
			};
		}
	}

	/**
	 * Notes each CRM call of the import's worker with whether a database transaction was open; can make the next
	 * {@code createAll} of one object throw once after the org wrote it (the server "stops" before its bookkeeping).
	 */
	static class CrmSpy implements MethodInterceptor {

		final List<String> calls = new CopyOnWriteArrayList<>();
		final List<String> callsInATransaction = new CopyOnWriteArrayList<>();
		volatile String stopAfterCreating;

		@Override
		public Object invoke(org.aopalliance.intercept.MethodInvocation invocation) throws Throwable {
			String method = invocation.getMethod().getName();
			boolean worker = Thread.currentThread().getName().startsWith("webinar-import") && !method.equals("writesJoinOurTransaction");
			Object[] arguments = invocation.getArguments();
			String call = method + (arguments.length == 0 ? "" : " " + arguments[0]);
			if (worker) {
				calls.add(call);
				if (TransactionSynchronizationManager.isActualTransactionActive()) {
					callsInATransaction.add(call);
				}
			}
			Object result = invocation.proceed();
			if (worker && method.equals("createAll") && arguments[0].equals(stopAfterCreating)) {
				stopAfterCreating = null;
				throw new IllegalStateException("the server stopped after the org created the " + call);
			}
			return result;
		}
	}

	@LocalServerPort
	int port;

	@Autowired
	CrmSpy spy;

	@Autowired
	CrmRecords records;

	@Autowired
	RunningSalesforce org;

	@Test
	void theImportCallsTheOrgWithNoDatabaseTransactionOpenAndASecondImportChangesNothing() {
		Prepared p = prepare(250);
		spy.calls.clear();
		spy.callsInATransaction.clear();

		JsonNode first = importAndWait(p);

		assertThat(first.get("state").asString()).as(first.toString()).isEqualTo("done");
		assertThat(first.get("created").asInt()).isEqualTo(250);
		assertThat(spy.calls).as("the import wrote through the port").contains("createAll Lead", "createAll CampaignMember");
		assertThat(spy.callsInATransaction).as("CRM calls made inside a database transaction").isEmpty();
		assertThat(leadsByEmail(p.domain())).hasSize(250).allSatisfy((email, count) -> assertThat(count).as(email).isEqualTo(1L));
		assertThat(membersOf(p.campaign())).isEqualTo(250);

		JsonNode second = importAndWait(p);

		assertThat(second.get("created").asInt()).isZero();
		assertThat(second.get("updated").asInt()).isZero();
		assertThat(second.get("skipped").asInt()).isEqualTo(250);
		assertThat(leadsByEmail(p.domain())).hasSize(250);
		assertThat(membersOf(p.campaign())).isEqualTo(250);
		assertThat(spy.callsInATransaction).isEmpty();
	}

	@Test
	void aServerStoppedAfterTheOrgWroteAChunkButBeforeItsBookkeepingResumesWithTheTotalsRightAndNobodyTwice() {
		Prepared p = prepare(300);
		spy.stopAfterCreating = "CampaignMember";

		JsonNode job = importAndWait(p);

		assertThat(spy.stopAfterCreating).as("the stop happened").isNull();
		assertThat(job.get("state").asString()).as(job.toString()).isEqualTo("done");
		assertThat(job.get("total").asInt()).isEqualTo(300);
		assertThat(job.get("processed").asInt()).isEqualTo(300);
		assertThat(job.get("created").asInt()).as("the Leads the stopped attempt created count as created").isEqualTo(300);
		assertThat(job.get("updated").asInt() + job.get("skipped").asInt() + job.get("failed").asInt()).isZero();
		assertThat(leadsByEmail(p.domain())).hasSize(300).allSatisfy((email, count) -> assertThat(count).as(email).isEqualTo(1L));
		assertThat(membersOf(p.campaign())).as("one campaign member each").isEqualTo(300);
		String report = new ApiClient(port).get(ADMIN, "/api/imports/" + job.get("importId").asString() + "/report.csv").body();
		assertThat(report.lines().skip(1).filter(l -> l.contains(",created,"))).hasSize(300);
		assertThat(spy.callsInATransaction).isEmpty();
	}

	@Test
	void findingManyByAReferenceFieldAsksTheOrgInGroupsAndRefusesAFieldThatCannotBeListed() {
		Prepared p = prepare(120);
		importAndWait(p);
		List<String> leadIds = org.store().all("Lead").stream().filter(l -> String.valueOf(l.get("Email")).endsWith("@" + p.domain()))
			.map(l -> String.valueOf(l.get("Id"))).toList();

		assertThat(records.findAllByField("CampaignMember", "LeadId", leadIds)).hasSize(120)
			.allSatisfy(m -> assertThat(m.getString("CampaignId")).isEqualTo(p.campaign()));
		assertThat(records.findAllByField("Lead", "Email", List.of("PERSON3@" + p.domain().toUpperCase(), "nobody@" + p.domain())))
			.singleElement().satisfies(l -> assertThat(l.getString("Email")).isEqualTo("person3@" + p.domain()));
		assertThat(records.findAllByField("CampaignMember", "LeadId", List.of("not an id"))).isEmpty();
		assertThatThrownBy(() -> records.findAllByField("Lead", "NumberOfEmployees", List.of("3")))
			.hasMessageContaining("NumberOfEmployees");
	}

	// --- helpers ---

	private Map<String, Long> leadsByEmail(String domain) {
		return org.store().all("Lead").stream().map(l -> String.valueOf(l.get("Email")).toLowerCase())
			.filter(e -> e.endsWith("@" + domain)).collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
	}

	private long membersOf(String campaign) {
		List<String> leads = org.store().all("CampaignMember").stream().filter(m -> campaign.regionMatches(0, String.valueOf(m.get("CampaignId")), 0, 15))
			.map(m -> String.valueOf(m.get("LeadId"))).toList();
		assertThat(Set.copyOf(leads)).as("no Lead twice in the campaign").hasSize(leads.size());
		return leads.size();
	}

	/** A generated webinar of {@code registrants}, the Lead mapping, and a campaign to import into. */
	private Prepared prepare(int registrants) {
		JsonNode webinar = generate(registrants);
		String domain = webinar.get("generated").get("domain").asString();
		leadMapping();
		return new Prepared(webinar, domain, records.create("Campaign", Map.of("Name", "Campaign " + domain), null).id());
	}

	private record Prepared(JsonNode webinar, String domain, String campaign) {
	}

	private void leadMapping() {
		ApiClient.Response saved = new ApiClient(port).send(ADMIN, "PUT", "/api/admin/webinars/mappings/Lead?confirm=true", """
				{"primaryKey":"Email","insertNewPerWebinar":false,"mergePolicy":"fillBlanks","campaignLink":"campaignMembers",
				 "fields":{"FirstName":"firstName","LastName":"lastName","Email":"email","Company":"companyName"}}""");
		assertThat(saved.status()).as(saved.body()).isEqualTo(200);
	}

	private JsonNode generate(int registrants) {
		Instant start = Instant.now().minus(Duration.ofDays(2)).truncatedTo(ChronoUnit.MINUTES);
		return EmbeddedServerTest.sandboxAt(SANDBOX_PORT, "/sandbox/webinars", "{\"hostEmail\":\"" + ADMIN + "\",\"title\":\"Salesforce "
				+ UUID.randomUUID().toString().substring(0, 8) + "\",\"start\":\"" + start + "\",\"registrants\":" + registrants + "}");
	}

	private JsonNode importAndWait(Prepared p) {
		ApiClient api = new ApiClient(port);
		ApiClient.Response started = api.send(ADMIN, "POST", "/api/webinars/" + p.webinar().get("id").asString() + "/imports",
				"{\"object\":\"Lead\",\"people\":[\"registrants\"],\"campaignId\":\"" + p.campaign() + "\"}");
		assertThat(started.status()).as(started.body()).isEqualTo(202);
		String importId = started.json().get("importId").asString();
		return Awaitility.await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200))
			.until(() -> api.get(ADMIN, "/api/imports/" + importId).json(), j -> List.of("done", "failed").contains(j.get("state").asString()));
	}
}
