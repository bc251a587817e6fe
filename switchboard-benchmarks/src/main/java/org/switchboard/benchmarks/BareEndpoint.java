package org.switchboard.benchmarks;

import java.util.Map;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.switchboard.platform.web.PublicEndpoint;

/** The comparison point for webhook ingest: same server, same filters, reads the body, stores nothing. */
@RestController
@PublicEndpoint
class BareEndpoint {

	@PostMapping("/webhooks/bare")
	Map<String, Object> receive(@RequestBody byte[] body) {
		return Map.of("status", "ignored", "bytes", body.length);
	}
}
