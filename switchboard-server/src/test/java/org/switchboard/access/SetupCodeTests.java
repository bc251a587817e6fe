package org.switchboard.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.switchboard.crm.CrmConnections;

/** The one-time setup code on its own: printed once, kept as a hash, new on each start, gone once an org is connected. */
class SetupCodeTests {

	private static final Pattern PRINTED = Pattern.compile("One-time setup code: ([0-9A-Z]{4}(?:-[0-9A-Z]{4}){4}) ");

	private final AtomicBoolean awaiting = new AtomicBoolean(true);
	private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
	private final Logger logger = (Logger) LoggerFactory.getLogger(SetupCode.class);

	@BeforeEach
	void capture() {
		logged.start();
		logger.addAppender(logged);
	}

	@AfterEach
	void release() {
		logger.detachAppender(logged);
	}

	@Test
	void aRandomCodeIsPrintedOnceWorksUntilAnOrgIsConnectedAndIsNewOnEachStart() {
		SetupCode first = started("");
		String code = printed(0);
		assertThat(first.matches(code)).isTrue();
		assertThat(first.matches(code.toLowerCase().replace("-", " "))).as("typed loosely").isTrue();
		assertThat(first.matches("0000-0000-0000-0000-0000")).isFalse();
		assertThat(first.matches(null)).isFalse();

		started("");
		assertThat(printed(1)).as("a restart while unconnected").isNotEqualTo(code);

		awaiting.set(false);
		assertThat(first.open()).isFalse();
		awaiting.set(true);
		assertThat(first.matches(code)).as("an org was connected once: the code is spent for good").isFalse();
	}

	@Test
	void anOperatorsCodeIsNeverPrintedAndMustBeLongEnough() {
		SetupCode code = started("my-own-setup-code-42");
		assertThat(code.matches("MY-OWN-SETUP-CODE-42")).isTrue();
		assertThat(logged.list).extracting(ILoggingEvent::getFormattedMessage).noneMatch(m -> m.contains("my-own"))
			.anyMatch(m -> m.contains("switchboard.setup.code"));
		assertThatThrownBy(() -> new SetupCode(connections(), "short-code")).hasMessageContaining("at least 16");
	}

	@Test
	void aConnectedOrgGetsNoCode() {
		awaiting.set(false);
		SetupCode code = started("");
		assertThat(code.open()).isFalse();
		assertThat(logged.list).isEmpty();
	}

	private SetupCode started(String operatorCode) {
		SetupCode code = new SetupCode(connections(), operatorCode);
		code.issue();
		return code;
	}

	private String printed(int index) {
		List<String> codes = logged.list.stream().map(ILoggingEvent::getFormattedMessage).map(PRINTED::matcher).filter(Matcher::find)
			.map(m -> m.group(1)).toList();
		return codes.get(index);
	}

	private CrmConnections connections() {
		return new CrmConnections() {
			@Override
			public Map<String, Object> status() {
				return Map.of();
			}

			@Override
			public Connect start(String loginUrl, String clientId, String clientSecret, String redirectUri) {
				throw new UnsupportedOperationException();
			}

			@Override
			public void complete(Connect connect, String code) {
				throw new UnsupportedOperationException();
			}

			@Override
			public void disconnect() {
				throw new UnsupportedOperationException();
			}

			@Override
			public boolean awaitingOrg() {
				return awaiting.get();
			}
		};
	}
}
