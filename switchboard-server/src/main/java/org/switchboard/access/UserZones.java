package org.switchboard.access;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.switchboard.crm.CrmRecords;
import org.switchboard.platform.errors.ProblemException;

/** A user's time zone: the TimeZoneSidKey of their User record, when it names a zone. */
@Component
public class UserZones {

	private static final ZoneId UTC = ZoneId.of("UTC");

	private final CrmRecords records;

	UserZones(CrmRecords records) {
		this.records = records;
	}

	/** The user's own zone, empty when they have none (or none that is a zone id). */
	public Optional<ZoneId> find(String userId) {
		if (userId == null) {
			return Optional.empty();
		}
		try {
			String zone = records.get("User", userId, List.of("TimeZoneSidKey")).getString("TimeZoneSidKey");
			return zone == null || zone.isBlank() ? Optional.empty() : Optional.of(ZoneId.of(zone.strip()));
		}
		catch (DateTimeException | ProblemException e) {
			return Optional.empty();
		}
	}

	/** The user's zone, else UTC. */
	public ZoneId of(String userId) {
		return find(userId).orElse(UTC);
	}
}
