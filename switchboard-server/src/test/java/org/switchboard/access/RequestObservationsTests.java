package org.switchboard.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.switchboard.support.ApiClient;
import org.switchboard.support.EmbeddedServerTest;

class RequestObservationsTests extends EmbeddedServerTest {

	@Autowired
	MeterRegistry meters;

	@Test
	void requestsAreTimedAsAWholeButNotFilterByFilterOrPerSecurityDecision() {
		api().get(ApiClient.ADMIN, "/api/objects");
		api().get(ApiClient.ADMIN, "/api/objects/NoSuchObject");

		assertThat(meters.find("http.server.requests").tag("uri", "/api/objects").timer()).isNotNull();
		assertThat(meters.getMeters()).map(Meter::getId).map(Meter.Id::getName)
			.noneMatch(name -> name.startsWith("spring.security."));
	}
}
