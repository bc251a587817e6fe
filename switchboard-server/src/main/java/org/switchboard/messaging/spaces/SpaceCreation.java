package org.switchboard.messaging.spaces;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.switchboard.crm.CrmRecord;
import org.switchboard.crm.CrmRecords;
import org.switchboard.messaging.SpaceLinked;
import org.switchboard.messaging.spaces.CreatedSpace.Added;
import org.switchboard.messaging.spaces.CreatedSpace.NotAdded;
import org.switchboard.messaging.spaces.Members.Candidate;
import org.switchboard.messaging.support.WebexAsUser;
import org.switchboard.platform.errors.FieldProblem;
import org.switchboard.platform.errors.ProblemException;
import org.switchboard.platform.errors.Refusal;
import org.switchboard.platform.names.EmailAddresses;
import org.switchboard.webex.WebexAccount;
import org.switchboard.webex.WebexAccounts;
import org.switchboard.webex.WebexApiException;
import org.switchboard.webex.WebexClient;

/**
 * "Create a space" (M1): a Webex room created with the user's own token, its members added by email, and the link to
 * the record stored with {@link SpaceLinked} in one transaction. Everything is checked before Webex is called, and the
 * link is stored only once the room exists, so a refused request leaves nothing behind.
 */
@Service
public class SpaceCreation {

	static final int MAX_TITLE = 255;

	private final CrmRecords records;
	private final Members members;
	private final SpaceStore store;
	private final WebexAsUser webex;
	private final WebexAccounts accounts;
	private final WebexClient client;
	private final ApplicationEventPublisher events;
	private final TransactionTemplate transactions;
	private final Clock clock;

	SpaceCreation(CrmRecords records, Members members, SpaceStore store, WebexAsUser webex, WebexAccounts accounts,
			WebexClient client, ApplicationEventPublisher events, TransactionTemplate transactions, Clock clock) {
		this.records = records;
		this.members = members;
		this.store = store;
		this.webex = webex;
		this.accounts = accounts;
		this.client = client;
		this.events = events;
		this.transactions = transactions;
		this.clock = clock;
	}

	public CreatedSpace create(String userId, String object, String recordId, CreateSpaceRequest request) {
		CrmRecord record = records.get(object, recordId, List.of("Id"));
		String title = title(request.title(), record);
		List<Candidate> candidates = members.resolve(request.members());
		WebexAccount me = accounts.forUser(userId).orElse(null);
		String token = webex.token(userId);
		String roomId = webex.call(userId, () -> new ProblemException(Refusal.UPSTREAM_FAILED, "Webex unavailable", "Webex did not create the space"),
				t -> client.createRoom(t, title)).path("id").asString();

		List<Added> added = new ArrayList<>();
		List<NotAdded> notAdded = new ArrayList<>();
		Set<String> seen = new HashSet<>();
		if (me != null) {
			seen.add(EmailAddresses.canonical(me.email()));
		}
		for (Candidate candidate : candidates) {
			if (!seen.add(candidate.key())) {
				continue;
			}
			if (candidate.email() == null) {
				notAdded.add(new NotAdded(null, candidate.name(), candidate.object() + " has no email address"));
				continue;
			}
			try {
				client.addMember(token, roomId, candidate.email());
				added.add(new Added(candidate.email(), candidate.name()));
			}
			catch (WebexApiException e) {
				notAdded.add(new NotAdded(candidate.email(), candidate.name(), e.reason()));
			}
		}

		Space space = new Space(UUID.randomUUID().toString().replace("-", ""), record.object(), record.id(), roomId, title,
				userId, clock.instant());
		transactions.executeWithoutResult(tx -> {
			store.insert(space);
			events.publishEvent(new SpaceLinked(space.spaceId(), space.object(), space.recordId(), space.roomId(),
					space.title(), userId, space.createdAt()));
		});
		return new CreatedSpace(space.spaceId(), roomId, title, space.object(), space.recordId(), added, notAdded);
	}

	private static String title(String requested, CrmRecord record) {
		String title = requested == null || requested.isBlank() ? record.name() : requested.strip();
		if (title == null || title.isBlank()) {
			throw ProblemException.badRequest("The space needs a title", new FieldProblem("title", "is required (the record has no name)"));
		}
		if (title.length() > MAX_TITLE) {
			throw ProblemException.badRequest("The title is too long", new FieldProblem("title", "may have at most " + MAX_TITLE + " characters"));
		}
		return title;
	}
}
