package org.switchboard.messaging.spaces;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.switchboard.sandbox.RunningSandbox;
import dev.switchboard.sandbox.SandboxOptions;
import dev.switchboard.sandbox.WebexSandbox;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.switchboard.crm.CrmRecords;
import org.switchboard.messaging.SpaceLinked;
import org.switchboard.messaging.SpaceUnlinked;
import org.switchboard.messaging.spaces.CreateSpaceRequest.MemberRef;
import org.switchboard.platform.errors.ProblemException;
import org.switchboard.platform.errors.Refusal;
import org.switchboard.webex.WebexAccounts;

/**
 * The space links on each database: the store and its migration, and that creating a space stores the link and
 * publishes {@link SpaceLinked} in one transaction, or stores and publishes nothing when Webex refuses. Webex is a
 * sandbox of the test's own, over HTTP.
 */
@SpringBootTest(properties = { "switchboard.demo.enabled=false", "switchboard.webex.sandbox.enabled=false" })
@Import(SpacesContract.SpaceEvents.class)
abstract class SpacesContract {

	private static final RunningSandbox SANDBOX = start();
	private static final String USER = "005000000000TEST01";

	@Autowired
	SpaceStore store;

	@Autowired
	SpaceCreation creation;

	@Autowired
	RecordSpaces spaces;

	@Autowired
	CrmRecords records;

	@Autowired
	WebexAccounts accounts;

	@Autowired
	SpaceEvents events;

	@Autowired
	JdbcClient jdbc;

	@DynamicPropertySource
	static void webex(DynamicPropertyRegistry registry) {
		registry.add("switchboard.webex.base-url", () -> SANDBOX.baseUrl() + "/v1");
	}

	@AfterAll
	static void clearFaults() {
		faults(null);
	}

	@BeforeEach
	void linkUser() {
		events.clear();
		faults(null);
		if (accounts.forUser(USER).isEmpty()) {
			accounts.link(USER, "c2FuZGJveC10b2tlbi1hZG1pbg_PF84_6f2a3b8c-0000-4000-8000-5a4db0c0ffee");
		}
	}

	@Test
	void storesLinksPerRecordAndFindsThemByRoom() {
		Instant now = Instant.parse("2026-11-25T10:00:00Z");
		store.insert(new Space("s1", "Opportunity", "006000000000001AAA", "ROOM-1", "Pricing", USER, now));
		store.insert(new Space("s2", "Opportunity", "006000000000001AAA", "ROOM-2", "Legal", USER, now.plusSeconds(1)));
		store.insert(new Space("s3", "Case", "500000000000001AAA", "ROOM-1", "Escalation", USER, now));

		assertThat(store.forRecord("Opportunity", "006000000000001AAA")).extracting(Space::title).containsExactly("Pricing", "Legal");
		assertThat(store.forRoom("ROOM-1")).extracting(Space::spaceId).containsExactlyInAnyOrder("s1", "s3");
		assertThat(store.find("s2")).get().satisfies(s -> {
			assertThat(s.roomId()).isEqualTo("ROOM-2");
			assertThat(s.createdAt()).isEqualTo(now.plusSeconds(1));
		});
		assertThatThrownBy(() -> store.insert(new Space("s4", "Opportunity", "006000000000001AAA", "ROOM-1", "Again", USER, now)))
			.as("a room is linked to a record once").isInstanceOf(DataIntegrityViolationException.class);
		assertThat(store.delete("s1")).isTrue();
		assertThat(store.delete("s1")).isFalse();
	}

	@Test
	void creatingASpaceStoresTheLinkAndPublishesSpaceLinkedInOneTransaction() {
		String opportunity = opportunity("Umbrella renewal");

		CreatedSpace created = creation.create(USER, "Opportunity", opportunity,
				new CreateSpaceRequest(null, List.of(new MemberRef("agent@switchboard.test", null, null))));

		assertThat(created.added()).extracting(CreatedSpace.Added::email).containsExactly("agent@switchboard.test");
		assertThat(events.linked).singleElement().satisfies(e -> {
			assertThat(e.event().spaceId()).isEqualTo(created.spaceId());
			assertThat(e.event().roomId()).isEqualTo(created.roomId());
			assertThat(e.event().title()).isEqualTo("Umbrella renewal");
			assertThat(e.event().linkedByUserId()).isEqualTo(USER);
			assertThat(e.inTransaction()).isTrue();
			assertThat(e.linkVisible()).as("the listener sees the stored link").isTrue();
		});
		assertThat(spaces.of("Opportunity", opportunity)).extracting(Space::roomId).containsExactly(created.roomId());
	}

	@Test
	void aRoomWebexRefusesStoresNoLinkAndPublishesNothing() {
		String opportunity = opportunity("Refused");
		faults("{\"rate\":1,\"statuses\":[400],\"count\":1}");

		// Webex's refusal passes through as such; the web edge answers it as in every feature (ADR 12).
		assertThatThrownBy(() -> creation.create(USER, "Opportunity", opportunity, new CreateSpaceRequest("Refused", List.of())))
			.isInstanceOfSatisfying(org.switchboard.webex.WebexApiException.class, e -> assertThat(e.status()).isEqualTo(400));
		assertThat(store.forRecord("Opportunity", opportunity)).isEmpty();
		assertThat(events.linked).isEmpty();
	}

	@Test
	void aUserNotLinkedToWebexIsToldSo() {
		String opportunity = opportunity("Unlinked");
		assertThatThrownBy(() -> creation.create("005000000000NOLINK", "Opportunity", opportunity, new CreateSpaceRequest(null, List.of())))
			.isInstanceOfSatisfying(ProblemException.class, e -> {
				assertThat(e.refusal()).isEqualTo(Refusal.CONFLICT);
				assertThat(e.getMessage()).contains("not linked to a Webex account");
			});
		assertThat(store.forRecord("Opportunity", opportunity)).isEmpty();
	}

	@Test
	void deletingTheRecordUnlinksItsSpaces() {
		String opportunity = opportunity("Short-lived");
		CreatedSpace created = creation.create(USER, "Opportunity", opportunity, new CreateSpaceRequest(null, List.of()));

		records.delete("Opportunity", opportunity, null);

		assertThat(store.find(created.spaceId())).isEmpty();
		assertThat(events.unlinked).extracting(SpaceUnlinked::spaceId).containsExactly(created.spaceId());
	}

	private String opportunity(String name) {
		return records.create("Opportunity", Map.of("Name", name, "StageName", "Prospecting", "CloseDate", "2027-01-31"), null).id();
	}

	private static void faults(String json) {
		try {
			HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(SANDBOX.baseUrl() + "/sandbox/faults"));
			request = json == null ? request.DELETE()
					: request.header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(json));
			HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.discarding());
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	private static RunningSandbox start() {
		try {
			return WebexSandbox.start(SandboxOptions.defaults().withPort(0));
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
	}

	/** Records the space events, whether they came inside a transaction, and whether the link was visible then. */
	static class SpaceEvents {

		final List<Linked> linked = new CopyOnWriteArrayList<>();
		final List<SpaceUnlinked> unlinked = new CopyOnWriteArrayList<>();
		private final JdbcClient jdbc;

		SpaceEvents(JdbcClient jdbc) {
			this.jdbc = jdbc;
		}

		@EventListener
		void on(SpaceLinked event) {
			long rows = jdbc.sql("SELECT COUNT(*) FROM messaging_space WHERE id = ?").param(event.spaceId()).query(Long.class).single();
			linked.add(new Linked(event, TransactionSynchronizationManager.isActualTransactionActive(), rows == 1));
		}

		@EventListener
		void on(SpaceUnlinked event) {
			unlinked.add(event);
		}

		void clear() {
			linked.clear();
			unlinked.clear();
		}

		record Linked(SpaceLinked event, boolean inTransaction, boolean linkVisible) {
		}
	}
}
