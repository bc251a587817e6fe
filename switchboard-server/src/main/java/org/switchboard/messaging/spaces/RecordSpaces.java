package org.switchboard.messaging.spaces;

import java.util.List;
import java.util.function.Supplier;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.switchboard.crm.CrmException;
import org.switchboard.crm.CrmRecord;
import org.switchboard.crm.CrmRecords;
import org.switchboard.crm.RecordChanged;
import org.switchboard.messaging.SpaceUnlinked;
import org.switchboard.platform.errors.ProblemException;
import org.switchboard.platform.errors.Refusal;

/**
 * A record's spaces, and who may open one: the space must exist, its record must still exist, and the user must be a
 * member of the Webex room (Webex answers 404 to anyone else's token, which becomes a 403 here).
 */
@Service
public class RecordSpaces {

	private final SpaceStore store;
	private final CrmRecords records;
	private final ApplicationEventPublisher events;

	RecordSpaces(SpaceStore store, CrmRecords records, ApplicationEventPublisher events) {
		this.store = store;
		this.records = records;
		this.events = events;
	}

	/** The record's spaces (404 when there is no such record). */
	public List<Space> of(String object, String recordId) {
		CrmRecord record = records.get(object, recordId, List.of("Id"));
		return store.forRecord(record.object(), record.id());
	}

	public Space require(String spaceId) {
		Space space = store.find(spaceId).orElseThrow(() -> ProblemException.notFound("There is no space '" + spaceId + "'"));
		try {
			records.get(space.object(), space.recordId(), List.of("Id"));
		}
		catch (CrmException e) {
			throw new ProblemException(Refusal.NOT_PERMITTED, "Record not available",
					"The " + space.object() + " this space belongs to is no longer available to you");
		}
		return space;
	}

	/** What to answer when Webex does not show the user the space's room. */
	public static Supplier<ProblemException> notMember(Space space) {
		return () -> new ProblemException(Refusal.NOT_PERMITTED, "Not a member",
				"You are not a member of the Webex space \"" + space.title() + "\"; ask one of its members to add you");
	}

	/** Unties the space from its record (the Webex room stays). */
	@Transactional
	public void unlink(String spaceId) {
		Space space = require(spaceId);
		if (store.delete(space.spaceId())) {
			events.publishEvent(new SpaceUnlinked(space.spaceId(), space.object(), space.recordId(), space.roomId()));
		}
	}

	/** A deleted record keeps no spaces; runs in the deleting transaction. */
	@EventListener
	void on(RecordChanged change) {
		if (change.kind() != RecordChanged.Kind.DELETED) {
			return;
		}
		for (Space space : store.forRecord(change.object(), change.recordId())) {
			store.delete(space.spaceId());
			events.publishEvent(new SpaceUnlinked(space.spaceId(), space.object(), space.recordId(), space.roomId()));
		}
	}
}
