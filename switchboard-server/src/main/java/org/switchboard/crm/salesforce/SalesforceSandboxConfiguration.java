package org.switchboard.crm.salesforce;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.switchboard.salesforce.sandbox.RunningSalesforce;
import dev.switchboard.salesforce.sandbox.SalesforceSandbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.switchboard.crm.CrmConnections;
import org.switchboard.crm.salesforce.changes.PubSubEndpoint;

/**
 * Starts the Salesforce double with the server ({@code --switchboard.salesforce.sandbox.enabled=true}, on
 * {@code switchboard.salesforce.sandbox.port}, 8095 by default, its Pub/Sub API on
 * {@code switchboard.salesforce.sandbox.pubsub-port}, 8097 by default, 0 = a free one) and connects to it through its consent page, as
 * an admin would in a browser. The double starts empty, so the demo data is seeded into it through the port.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${switchboard.crm:embedded}' == 'salesforce' and '${switchboard.salesforce.sandbox.enabled:false}' == 'true'")
class SalesforceSandboxConfiguration {

	private static final Logger log = LoggerFactory.getLogger(SalesforceSandboxConfiguration.class);

	/** The double (REST, OAuth and its Pub/Sub API); a {@link RunningSalesforce} already in the context (tests) is used instead. */
	@Bean(destroyMethod = "close")
	@ConditionalOnMissingBean(RunningSalesforce.class)
	RunningSalesforce salesforceSandbox(@Value("${switchboard.salesforce.sandbox.port:8095}") int port,
			@Value("${switchboard.salesforce.sandbox.pubsub-port:8097}") int pubSubPort) throws IOException {
		RunningSalesforce org = SalesforceSandbox.start(SalesforceSandbox.Options.defaults().withPort(port).withPubSubPort(pubSubPort));
		log.info("Salesforce sandbox at {} (org {}, Pub/Sub on port {})", org.baseUrl(), org.orgId(), org.changeEvents().port());
		return org;
	}

	/**
	 * Connects to the double through its consent page, unless this org is connected already (a restart on the same data)
	 * or {@code switchboard.salesforce.sandbox.connect=false} (tests of a fresh install: an admin connects it).
	 */
	@Bean
	SandboxConnected salesforceSandboxConnected(RunningSalesforce org, OAuthClient oauth, SalesforceConnection connection,
			@Value("${switchboard.salesforce.sandbox.connect:true}") boolean connect) throws IOException, InterruptedException {
		if (!connect) {
			log.info("Salesforce sandbox org {} left unconnected (switchboard.salesforce.sandbox.connect=false)", org.orgId());
			return new SandboxConnected(org.orgId());
		}
		if (connection.connected() && org.orgId().equals(connection.organizationId())) {
			log.info("Salesforce sandbox org {} is connected already", org.orgId());
			return new SandboxConnected(org.orgId());
		}
		CrmConnections.Connect pending = SalesforceConnector.start(org.baseUrl(), org.clientId(), org.clientSecret(),
				"http://localhost/crm/oauth/callback");
		new SalesforceConnector(oauth, connection).complete(pending, approve(pending.authorizeUrl()));
		log.info("Salesforce sandbox org {} connected through its consent page", org.orgId());
		return new SandboxConnected(org.orgId());
	}

	/** Marks that the server is connected to the double (created before the change event subscriber starts). */
	record SandboxConnected(String orgId) {
	}

	/** The change event subscriber reads the double's Pub/Sub API (plaintext, on the port it got). */
	@Bean
	PubSubEndpoint salesforceSandboxPubSub(RunningSalesforce org) {
		return new PubSubEndpoint("127.0.0.1", org.changeEvents().port(), true);
	}

	/** Opens the consent page, presses Allow, and returns the code from the redirect. */
	static String approve(String authorizeUrl) throws IOException, InterruptedException {
		HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
		String page = http.send(HttpRequest.newBuilder(URI.create(authorizeUrl)).build(), HttpResponse.BodyHandlers.ofString()).body();
		Matcher hidden = Pattern.compile("name=\"(\\w+)\" value=\"([^\"]*)\"").matcher(page);
		StringBuilder form = new StringBuilder("decision=allow");
		while (hidden.find()) {
			String value = hidden.group(2).replace("&quot;", "\"").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
			form.append('&').append(hidden.group(1)).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
		}
		URI action = URI.create(authorizeUrl).resolve("/services/oauth2/authorize");
		HttpResponse<String> approved = http.send(HttpRequest.newBuilder(action).header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form.toString())).build(), HttpResponse.BodyHandlers.ofString());
		String location = approved.headers().firstValue("Location").orElseThrow(() -> new IOException("the consent page did not redirect"));
		Matcher code = Pattern.compile("[?&]code=([^&]+)").matcher(location);
		if (!code.find()) {
			throw new IOException("the consent page redirected without a code");
		}
		return java.net.URLDecoder.decode(code.group(1), StandardCharsets.UTF_8);
	}
}
