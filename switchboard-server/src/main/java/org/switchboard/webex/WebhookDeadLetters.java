package org.switchboard.webex;

import java.util.List;

/** Deliveries that were acknowledged but could not be processed, and their replay. */
public interface WebhookDeadLetters {

	/** Newest first; {@code status} null for all. */
	List<WebhookDelivery> list(String status, int limit);

	/** Processes a failed delivery again; it ends {@code processed}, or stays {@code failed} with the new reason. */
	WebhookDelivery replay(long id);
}
