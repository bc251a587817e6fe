package org.switchboard.crm;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The context's clock, made strictly increasing (every reading at least a millisecond after the last), so two
 * writes never share a LastModifiedDate and "newest first" is decided without sleeping between them.
 */
@TestConfiguration(proxyBeanMethods = false)
public class StrictlyIncreasingClock {

	@Bean
	@Primary
	Clock strictlyIncreasingClock() {
		return new Clock() {
			private final java.util.concurrent.atomic.AtomicLong last = new java.util.concurrent.atomic.AtomicLong();

			@Override
			public Instant instant() {
				return Instant.ofEpochMilli(last.updateAndGet(previous -> Math.max(previous + 1, System.currentTimeMillis())));
			}

			@Override
			public ZoneId getZone() {
				return ZoneOffset.UTC;
			}

			/** Only UTC is used by the stores; another zone gets the system clock (still never earlier). */
			@Override
			public Clock withZone(ZoneId zone) {
				return ZoneOffset.UTC.equals(zone) ? this : Clock.system(zone);
			}
		};
	}
}
