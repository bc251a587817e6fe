package org.switchboard.platform.lifecycle;

import java.util.List;

/**
 * What a module keeps that ties Switchboard to Webex or the CRM (webhooks, bot memberships, linked spaces, rules,
 * queued jobs, stored tokens). The admin's uninstall lists every module's leftovers and removes them, in bean order
 * ({@link org.springframework.core.annotation.Order}): a module whose removal needs another's token runs first.
 */
public interface Uninstallable {

	/** Everything still in place; empty when there is nothing left. */
	List<Leftover> leftovers();

	/**
	 * Removes the leftovers at Webex and here, with remote calls outside database transactions. An item that could not
	 * be removed stays in place (so the next run tries again) unless nothing more can be done about it, and is reported.
	 */
	List<Removal> remove();

	/**
	 * One thing that ties Switchboard to Webex or the CRM.
	 *
	 * @param kind {@code webhook}, {@code botMembership}, {@code space}, {@code meeting}, {@code rule}, {@code scheduledJob} or {@code token}
	 * @param id its id (a Webex id, or ours)
	 * @param description what it is, in words an admin understands (never a secret)
	 */
	record Leftover(String kind, String id, String description) {
	}

	/** The outcome for one leftover: {@code reason} is null when it was removed. */
	record Removal(Leftover item, String reason) {

		public static Removal removed(Leftover item) {
			return new Removal(item, null);
		}

		public static Removal failed(Leftover item, String reason) {
			return new Removal(item, reason);
		}

		public boolean done() {
			return reason == null;
		}
	}
}
