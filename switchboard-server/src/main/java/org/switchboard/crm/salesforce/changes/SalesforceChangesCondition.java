package org.switchboard.crm.salesforce.changes;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.core.env.Environment;

/**
 * The change event subscriber runs when Salesforce is the CRM ({@code switchboard.crm=salesforce}), unless {@code switchboard.salesforce.pubsub.enabled=false};
 * {@code switchboard.salesforce.pubsub.enabled=true} runs it on any backend (tests, benchmarks).
 */
class SalesforceChangesCondition extends SpringBootCondition {

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		Environment env = context.getEnvironment();
		String enabled = env.getProperty("switchboard.salesforce.pubsub.enabled");
		if (enabled != null) {
			return Boolean.parseBoolean(enabled) ? ConditionOutcome.match("switchboard.salesforce.pubsub.enabled=true")
					: ConditionOutcome.noMatch("switchboard.salesforce.pubsub.enabled=false");
		}
		boolean salesforce = "salesforce".equalsIgnoreCase(env.getProperty("switchboard.crm", ""));
		return salesforce ? ConditionOutcome.match("Salesforce is the CRM") : ConditionOutcome.noMatch("Salesforce is not the CRM");
	}
}
