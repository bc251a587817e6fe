package org.switchboard.platform.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import tools.jackson.databind.json.JsonMapper;

class LiveEventsTests {

	private final LiveEvents live = new LiveEvents(new LocalLiveBroadcast(), JsonMapper.builder().build(),
			new io.micrometer.core.instrument.simple.SimpleMeterRegistry());

	@Test
	void aUserKeepsAtMostTenStreamsAndOpeningAnotherClosesTheOldest() {
		List<SseEmitter> opened = new ArrayList<>();
		for (int i = 0; i < LiveEvents.MAX_TABS_PER_USER + 1; i++) {
			opened.add(live.open("user-1", Set.of("call"), List.of()));
		}

		assertThat(live.openTabs("user-1")).isEqualTo(LiveEvents.MAX_TABS_PER_USER);
		assertThatThrownBy(() -> opened.get(0).send(SseEmitter.event().comment("x"))).isInstanceOf(IllegalStateException.class);
		assertThat(live.openTabs("user-2")).isZero();
	}

	@Test
	void stoppingTheServerEndsEveryOpenStream() throws Exception {
		live.start();
		SseEmitter a = live.open("user-1", Set.of("call"), List.of());
		SseEmitter b = live.open("user-2", Set.of("message"), List.of());

		live.stop();

		assertThat(live.isRunning()).isFalse();
		assertThat(live.openTabs("user-1") + live.openTabs("user-2")).isZero();
		assertThatThrownBy(() -> a.send(SseEmitter.event().comment("x"))).isInstanceOf(IllegalStateException.class);
		assertThatThrownBy(() -> b.send(SseEmitter.event().comment("x"))).isInstanceOf(IllegalStateException.class);
	}
}
