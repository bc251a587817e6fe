package org.switchboard.webex;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;

/** The typed records read Webex's documented JSON shapes (webex-api.md §3, §4, §5, §6), and tolerate missing fields. */
class WebexRecordsTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Test
	void aPersonHasItsFirstEmailAndKnowsWhetherItIsABot() {
		WebexPerson person = WebexPerson.from(JSON.readTree("""
				{"id":"P1","emails":["ann@example.com","a@example.com"],"displayName":"Ann","orgId":"O1","type":"person"}"""));
		WebexPerson bot = WebexPerson.from(JSON.readTree("""
				{"id":"B1","emails":["notify@webex.bot"],"type":"bot"}"""));
		WebexPerson bare = WebexPerson.from(JSON.readTree("{\"id\":\"P2\"}"));

		assertThat(person.email()).isEqualTo("ann@example.com");
		assertThat(person.isBot()).isFalse();
		assertThat(bot.isBot()).isTrue();
		assertThat(bare.email()).isEmpty();
		assertThat(bare.displayName()).isNull();
	}

	@Test
	void aMessageListsItsFilesInOrder() {
		WebexMessage message = WebexMessage.from(JSON.readTree("""
				{"id":"M1","roomId":"R1","personId":"P1","personEmail":"ann@example.com","text":"hi","markdown":"**hi**",
				 "files":["https://webexapis.com/v1/contents/1","https://webexapis.com/v1/contents/2"],"created":"2026-11-29T10:00:00.000Z"}"""));

		assertThat(message.files()).containsExactly(URI.create("https://webexapis.com/v1/contents/1"), URI.create("https://webexapis.com/v1/contents/2"));
		assertThat(message.markdown()).isEqualTo("**hi**");
		assertThat(WebexMessage.from(JSON.readTree("{\"id\":\"M2\"}")).files()).isEmpty();
	}

	@Test
	void aCallIsReadFromTheDialAnswerAndFromTheCallObject() {
		WebexCall dialled = WebexCall.from(JSON.readTree("{\"callId\":\"C1\",\"callSessionId\":\"S1\"}"));
		WebexCall call = WebexCall.from(JSON.readTree("""
				{"id":"C2","callSessionId":"S2","personality":"terminator","state":"alerting",
				 "remoteParty":{"name":"Bob","number":"+14155550100","privacyEnabled":false,"callType":"external"},"created":"2026-11-29T10:00:00Z"}"""));

		assertThat(dialled.id()).isEqualTo("C1");
		assertThat(dialled.state()).isNull();
		assertThat(call.id()).isEqualTo("C2");
		assertThat(call.remoteNumber()).isEqualTo("+14155550100");
		assertThat(call.state()).isEqualTo("alerting");
		assertThat(WebexCall.HistoryEntry.from(JSON.readTree("{\"type\":\"missed\",\"number\":\"1234\",\"privacyEnabled\":true}")))
			.isEqualTo(new WebexCall.HistoryEntry("missed", null, "1234", true, null));
	}

	@Test
	void aWebhookCarriesItsStatusButNeverASecret() {
		WebexWebhook webhook = WebexWebhook.from(JSON.readTree("""
				{"id":"W1","name":"Switchboard calls","targetUrl":"https://sb.example.com/webhooks/webex","resource":"telephony_calls",
				 "event":"all","secret":"s3cret","status":"inactive","createdBy":"P1","created":"2026-11-29T10:00:00Z"}"""));

		assertThat(webhook.status()).isEqualTo("inactive");
		assertThat(webhook.createdBy()).isEqualTo("P1");
		assertThat(webhook.toString()).doesNotContain("s3cret");
	}

	@Test
	void aMeetingHasItsTypeStateAndJoinLink() {
		WebexMeeting meeting = WebexMeeting.from(JSON.readTree("""
				{"id":"MT1","meetingNumber":"123456789","title":"Renewal","start":"2026-12-01T10:00:00Z","end":"2026-12-01T10:30:00Z",
				 "timezone":"UTC","meetingType":"meetingSeries","state":"active","hostEmail":"ann@example.com","webLink":"https://site.webex.com/j/1"}"""));

		assertThat(meeting.meetingType()).isEqualTo("meetingSeries");
		assertThat(meeting.webLink()).isEqualTo("https://site.webex.com/j/1");
		assertThat(meeting.agenda()).isNull();
	}
}
