package org.switchboard.webex;

import java.util.List;
import java.util.Set;

/**
 * What a feature needs from each signed-in user's Webex: the OAuth scopes it calls with, and the webhooks it
 * listens to. Sign-in asks for the union of every feature's scopes (and no more); the webhook reconciler keeps each
 * listed webhook in place for every signed-in user.
 */
public interface WebexNeeds {

	Set<String> scopes();

	List<WebhookNeed> webhooks();

	/** One webhook per signed-in user: {@code name} is how it shows in Webex, e.g. "Switchboard calls". */
	record WebhookNeed(String name, String resource, String event) {
	}
}
