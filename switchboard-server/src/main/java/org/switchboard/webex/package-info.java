/**
 * The Webex port: one client for the real Webex REST API and the bundled sandbox alike (people, call control,
 * webhooks, rooms, memberships, messages, meetings), and the webhook receiver that turns verified deliveries
 * into typed events.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Webex", allowedDependencies = "platform :: *")
package org.switchboard.webex;
