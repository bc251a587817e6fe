package org.switchboard.meetings;

import java.util.ArrayList;
import java.util.List;

import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.switchboard.platform.lifecycle.Uninstallable;

/**
 * Uninstall of meetings: the ties of Webex meetings to CRM records, the ended meetings still waiting to be logged, and
 * the Webex Admin's sign-in lent for "meetings for all users". The meetings themselves stay at Webex, in their hosts'
 * calendars with their invitees (as linked spaces keep their rooms); the meetings webhooks are the webex module's.
 */
@Component
@Order(40)
class MeetingLeftovers implements Uninstallable {

	private final JdbcClient jdbc;
	private final TransactionTemplate transactions;

	MeetingLeftovers(JdbcClient jdbc, TransactionTemplate transactions) {
		this.jdbc = jdbc;
		this.transactions = transactions;
	}

	@Override
	public List<Leftover> leftovers() {
		List<Leftover> leftovers = new ArrayList<>();
		jdbc.sql("SELECT id, title, object_name, record_id, host_email FROM meeting ORDER BY start_time")
			.query((rs, i) -> new Leftover("meeting", rs.getString(1), "meeting \"" + rs.getString(2) + "\" of " + rs.getString(5)
					+ " tied to " + rs.getString(3) + " " + rs.getString(4)))
			.list().forEach(leftovers::add);
		jdbc.sql("SELECT instance_id FROM meeting_ended WHERE status IN ('pending', 'waiting') ORDER BY instance_id")
			.query((rs, i) -> new Leftover("scheduledJob", rs.getString(1), "meeting log waiting for ended meeting " + rs.getString(1)))
			.list().forEach(leftovers::add);
		jdbc.sql("SELECT user_id FROM meeting_delegate")
			.query((rs, i) -> new Leftover("token", "meeting-delegate", "Webex sign-in of user " + rs.getString(1)
					+ " lent to schedule meetings for all users"))
			.list().forEach(leftovers::add);
		return leftovers;
	}

	@Override
	public List<Removal> remove() {
		List<Leftover> leftovers = leftovers();
		transactions.executeWithoutResult(tx -> {
			jdbc.sql("DELETE FROM meeting_delegate").update();
			jdbc.sql("DELETE FROM meeting_ended").update();
			jdbc.sql("DELETE FROM meeting").update();
		});
		return leftovers.stream().map(Removal::removed).toList();
	}
}
