/**
 * The embedded default: starts the bundled Webex sandbox, links each demo user to the sandbox person with
 * the same email, registers the integration and creates the webhooks, all over HTTP. The only place that
 * imports the sandbox.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Embedded default")
package org.switchboard.embedded;
