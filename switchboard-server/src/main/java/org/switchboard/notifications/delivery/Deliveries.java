package org.switchboard.notifications.delivery;

import java.time.Clock;
import java.util.List;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.switchboard.platform.audit.AdminChange;
import org.switchboard.platform.errors.FieldProblem;
import org.switchboard.platform.errors.ProblemException;

/** The deliveries list (pending, sent, failed = the dead letters) and replay of a failed one. */
@Service
public class Deliveries {

	private static final Set<String> STATUSES = Set.of("pending", "sent", "failed");

	private final Outbox outbox;
	private final Dispatcher dispatcher;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	Deliveries(Outbox outbox, Dispatcher dispatcher, ApplicationEventPublisher events, Clock clock) {
		this.outbox = outbox;
		this.dispatcher = dispatcher;
		this.events = events;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public List<Delivery> list(String status, int limit) {
		if (status != null && !status.isBlank() && !STATUSES.contains(status)) {
			throw ProblemException.badRequest("status must be pending, sent or failed", new FieldProblem("status", "must be pending, sent or failed"));
		}
		return outbox.list(status == null || status.isBlank() ? null : status, limit);
	}

	/** A failed delivery goes back to pending with its attempts reset; anything else is a 409 (sent stays sent). */
	@Transactional
	public Delivery replay(long id, String actor) {
		Delivery delivery = outbox.find(id).orElseThrow(() -> ProblemException.notFound("There is no delivery with id " + id));
		if (!outbox.replay(id, clock.instant())) {
			throw ProblemException.conflict("Delivery " + id + " is " + delivery.status() + "; only failed deliveries can be replayed");
		}
		events.publishEvent(new AdminChange(actor, "notifications.delivery.replay", String.valueOf(id), "failed", "pending"));
		dispatcher.wake();
		return outbox.find(id).orElseThrow();
	}
}
