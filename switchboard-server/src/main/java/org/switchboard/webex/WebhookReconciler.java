package org.switchboard.webex;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.switchboard.platform.lease.Leases;
import org.switchboard.platform.lease.Leases.Lease;
import org.switchboard.webex.WebexNeeds.WebhookNeed;


/**
 * Keeps each signed-in user's webhooks as the features need them (one per {@link WebhookNeed}), once ready, every
 * few minutes ({@code switchboard.webex.webhooks.reconcile-every}, 5 minutes) and after each sign-in: compares
 * what Webex lists with what is stored, forgets rows Webex no longer has, re-activates {@code inactive} ones,
 * deletes ours that are stale (an old target, a resource no feature needs, a duplicate, or pointing here without
 * a row), and creates what is missing. Every Webex call happens outside a transaction; each step stands on its own,
 * so a failure half-way leaves what was done consistent and the next run finishes the rest.
 */
@Service
public class WebhookReconciler {

	public static final String WEBHOOK_PATH = "/webhooks/webex";
	static final String LEASE = "webex.webhook-reconciliation";
	private static final Duration HOLD = Duration.ofMinutes(10);
	private static final Duration WAIT = Duration.ofSeconds(30);
	private static final Logger log = LoggerFactory.getLogger(WebhookReconciler.class);

	private final WebexAccounts accounts;
	private final WebexWebhooks webhooks;
	private final WebexClient client;
	private final PublicAddress address;
	private final List<WebhookNeed> needs;
	private final JdbcClient jdbc;
	private final Clock clock;
	private final ReentrantLock running = new ReentrantLock();
	private final Leases leases;

	WebhookReconciler(WebexAccounts accounts, WebexWebhooks webhooks, WebexClient client, PublicAddress address,
			List<WebexNeeds> features, JdbcClient jdbc, Clock clock, Leases leases) {
		this.leases = leases;
		this.accounts = accounts;
		this.webhooks = webhooks;
		this.client = client;
		this.address = address;
		this.needs = List.copyOf(new LinkedHashSet<>(features.stream().flatMap(f -> f.webhooks().stream()).toList()));
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Once the server is ready (after the embedded default's set-up), on the scheduler's thread: a restart finds webhooks
	 * Webex lost and puts them back without holding up readiness, which never depended on webhooks (ADR 0030).
	 */
	@EventListener(ApplicationReadyEvent.class)
	void afterStart(ApplicationReadyEvent ready) {
		ready.getApplicationContext().getBean(TaskScheduler.class).schedule(this::reconcileUnlessRunningElsewhere, clock.instant());
	}

	@Scheduled(fixedDelayString = "${switchboard.webex.webhooks.reconcile-every:PT5M}",
			initialDelayString = "${switchboard.webex.webhooks.reconcile-every:PT5M}")
	void periodically() {
		reconcileUnlessRunningElsewhere();
	}

	/** Every signed-in user's webhooks, now (waiting a short while for another replica's run to end). */
	public Result reconcileAll() {
		return reconcile(accounts.all(), true);
	}

	/** Every signed-in user's webhooks, unless another replica is reconciling them right now (start-up and scheduled runs). */
	Result reconcileUnlessRunningElsewhere() {
		return reconcile(accounts.all(), false);
	}

	/** One user's webhooks (e.g. right after they signed in). */
	public Result reconcileUser(String userId) {
		return reconcile(accounts.forUser(userId).stream().toList(), true);
	}

	/**
	 * One replica at a time (ADR 0024): a start-up or scheduled run is skipped while another replica reconciles; a run
	 * asked for (after a sign-in, by an admin) waits for it a short while, so webhooks are made once, by one replica.
	 */
	private Optional<Lease> lease(boolean waitForOthers) {
		if (!waitForOthers) {
			return leases.tryAcquire(LEASE, HOLD);
		}
		try {
			return leases.acquire(LEASE, HOLD, WAIT);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return Optional.empty();
		}
	}

	/** The last run: when, and what it did or could not do. */
	public Optional<LastRun> lastRun() {
		return jdbc.sql("SELECT ran_date, outcome FROM webex_reconciliation WHERE id = 1")
			.query((rs, i) -> new LastRun(rs.getObject(1, OffsetDateTime.class).toInstant(), rs.getString(2))).optional();
	}

	private Result reconcile(List<WebexAccount> which, boolean waitForOthers) {
		Result result = new Result();
		running.lock();
		Optional<Lease> lease = lease(waitForOthers);
		if (lease.isEmpty()) {
			running.unlock();
			log.debug("Webhook reconciliation skipped: {} is reconciling", leases.holder(LEASE).orElse("another replica"));
			result.skipped = true;
			return result;
		}
		try (Lease held = lease.get()) {
			Optional<String> base = address.baseUrl();
			if (base.isEmpty() && !which.isEmpty()) {
				result.problems.add("The public base URL is not set, so Webex has nowhere to deliver calls and messages");
			}
			else if (base.isPresent()) {
				which.forEach(account -> reconcile(account, base.get() + WEBHOOK_PATH, result));
			}
			record(result);
			return result;
		}
		finally {
			running.unlock();
		}
	}

	private void reconcile(WebexAccount account, String target, Result result) {
		Optional<String> token = accounts.tokenFor(account.userId());
		if (token.isEmpty()) {
			result.problems.add(account.email() + " is signed out of Webex");
			return;
		}
		List<WebexWebhook> listed;
		try {
			listed = client.webhooks(token.get());
		}
		catch (WebexApiException.Unauthorized e) {
			accounts.signOut(account.userId(), "Webex no longer accepts your sign-in");
			result.problems.add(account.email() + " is signed out of Webex");
			return;
		}
		catch (WebexApiException e) {
			result.problems.add("Could not list the webhooks of " + account.email() + ": " + e.getMessage());
			return;
		}
		Map<String, RegisteredWebhook> rows = new LinkedHashMap<>();
		webhooks.ownedBy(account.personId()).forEach(w -> rows.put(w.id(), w));
		Set<String> atWebex = new HashSet<>();
		listed.forEach(w -> atWebex.add(w.id()));
		rows.values().stream().filter(w -> !atWebex.contains(w.id())).forEach(gone -> {
			webhooks.forget(gone.id());
			result.forgotten++;
		});
		Set<WebhookNeed> satisfied = new HashSet<>();
		for (WebexWebhook w : listed) {
			RegisteredWebhook row = rows.get(w.id());
			String url = w.targetUrl();
			if (row == null && !url.equals(target)) {
				continue; // not ours: another application's webhook of this person
			}
			WebhookNeed need = needs.stream().filter(n -> n.resource().equals(w.resource())
					&& n.event().equals(w.event())).findFirst().orElse(null);
			attempt(result, account, () -> {
				if (row == null || need == null || !url.equals(target) || !satisfied.add(need)) {
					webhooks.delete(token.get(), w.id());
					result.removed++;
				}
				else if ("inactive".equals(w.status())) {
					webhooks.markStatus(row.id(), "inactive");
					webhooks.reactivate(token.get(), row);
					result.reactivated++;
				}
				else {
					webhooks.markStatus(row.id(), w.status());
				}
			});
		}
		needs.stream().filter(n -> !satisfied.contains(n)).forEach(need -> attempt(result, account, () -> {
			result.created.add(webhooks.create(token.get(), need.name(), target, need.resource(), need.event(), null, account.personId()));
		}));
	}

	private static void attempt(Result result, WebexAccount account, Runnable step) {
		try {
			step.run();
		}
		catch (WebexApiException e) {
			result.problems.add("Webex refused a webhook change for " + account.email() + ": " + e.getMessage());
		}
	}

	private void record(Result result) {
		String summary = result.summary();
		String outcome = summary.length() > 2000 ? summary.substring(0, 1997) + "..." : summary;
		if (result.changed() || !result.problems.isEmpty()) {
			log.info("Webhook reconciliation: {}", summary);
		}
		Instant now = clock.instant();
		int updated = jdbc.sql("UPDATE webex_reconciliation SET ran_date = ?, outcome = ? WHERE id = 1").params(utc(now), outcome).update();
		if (updated == 0) {
			jdbc.sql("INSERT INTO webex_reconciliation (id, ran_date, outcome) VALUES (1, ?, ?)").params(utc(now), outcome).update();
		}
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

	/** What one run did. */
	public static final class Result {

		private final List<RegisteredWebhook> created = new ArrayList<>();
		private int reactivated;
		private int removed;
		private int forgotten;
		private final List<String> problems = new ArrayList<>();
		private boolean skipped;

		/** True when another replica was reconciling, so this run did nothing. */
		public boolean skipped() {
			return skipped;
		}

		public List<RegisteredWebhook> created() {
			return created;
		}

		public int reactivated() {
			return reactivated;
		}

		public int removed() {
			return removed;
		}

		public int forgotten() {
			return forgotten;
		}

		public List<String> problems() {
			return problems;
		}

		boolean changed() {
			return !created.isEmpty() || reactivated > 0 || removed > 0 || forgotten > 0;
		}

		String summary() {
			String done = created.size() + " created, " + reactivated + " re-activated, " + removed + " removed, " + forgotten
					+ " lost at Webex";
			return problems.isEmpty() ? done : done + "; " + String.join("; ", problems);
		}
	}

	/** When reconciliation last ran and its outcome. */
	public record LastRun(Instant at, String outcome) {
	}
}
