package org.switchboard.notifications.delivery;

import java.time.Clock;

import org.springframework.context.ApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;
import org.switchboard.notifications.bot.NotificationBot;
import org.switchboard.notifications.spaces.RecordRooms;
import org.switchboard.webex.WebexAccounts;
import org.switchboard.webex.WebexClient;

/** Delivery workers for tests: the context's outbox and tables, with the Webex client and clock a test controls. */
public final class Workers {

	private Workers() {
	}

	/** One worker; {@code workOnce} returns false when nothing was due. */
	public static Worker create(ApplicationContext context, WebexClient webex, WebexAccounts accounts, Clock clock) {
		DeliveryWorker worker = new DeliveryWorker(context.getBean(Outbox.class), context.getBean(RecordRooms.class),
				context.getBean(NotificationBot.class), webex, accounts, context.getBean(TransactionTemplate.class),
				context.getBean(NotificationProperties.class), clock, context.getBean(OutboxMetrics.class));
		return worker::workOnce;
	}

	public interface Worker {

		boolean workOnce();
	}
}
