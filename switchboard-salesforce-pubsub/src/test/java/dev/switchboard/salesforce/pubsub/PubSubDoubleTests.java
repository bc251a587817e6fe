package dev.switchboard.salesforce.pubsub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.DecoderFactory;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.google.protobuf.ByteString;
import com.salesforce.eventbus.protobuf.ConsumerEvent;
import com.salesforce.eventbus.protobuf.FetchRequest;
import com.salesforce.eventbus.protobuf.FetchResponse;
import com.salesforce.eventbus.protobuf.PubSubGrpc;
import com.salesforce.eventbus.protobuf.ReplayPreset;
import com.salesforce.eventbus.protobuf.SchemaRequest;
import com.salesforce.eventbus.protobuf.TopicRequest;

import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.MetadataUtils;
import io.grpc.stub.StreamObserver;

/** The double over real gRPC, driven with the stubs generated from Salesforce's proto. */
class PubSubDoubleTests {

	private static final String ORG = "00D5g000004SBXAEA4";
	private static final String INSTANCE = "https://switchboard-dev.my.salesforce.com";
	private static final String TOKEN = "00D5g000004SBXA!AQ0AQ.token-one";

	private PubSubDouble bus;
	private ManagedChannel channel;

	@BeforeEach
	void start() {
		bus = new PubSubDouble(0, INSTANCE, ORG, 1000, Duration.ofMillis(300)).start();
		bus.acceptToken(TOKEN);
		channel = NettyChannelBuilder.forAddress("127.0.0.1", bus.port()).usePlaintext().build();
	}

	@AfterEach
	void stop() throws InterruptedException {
		channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
		bus.close();
	}

	@Test
	void onlyAsManyEventsAsRequestedAreSentAndMoreFollowARequest() throws Exception {
		for (int i = 0; i < 5; i++) {
			bus.publish(stage("006000000000001AAA", "Stage " + i));
		}
		Stream stream = subscribe(TOKEN, ORG);
		stream.request(FetchRequest.newBuilder().setTopicName("/data/ChangeEvents").setReplayPreset(ReplayPreset.EARLIEST).setNumRequested(2).build());

		assertThat(stream.events(2)).hasSize(2);
		assertThat(stream.next(Duration.ofMillis(400))).as("a keep-alive at most, no events beyond the two asked for")
			.satisfiesAnyOf(r -> assertThat(r).isNull(), r -> assertThat(((FetchResponse) r).getEventsCount()).isZero());

		stream.request(FetchRequest.newBuilder().setTopicName("/data/ChangeEvents").setNumRequested(3).build());
		List<ConsumerEvent> rest = stream.events(3);
		assertThat(rest).extracting(e -> decode(e).get("StageName").toString()).containsExactly("Stage 2", "Stage 3", "Stage 4");
	}

	@Test
	void aCustomReplayIdResumesAfterThatEventAndLatestOnlySeesNewOnes() throws Exception {
		List<byte[]> ids = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			ids.add(bus.publish(stage("006000000000001AAA", "Stage " + i)));
		}
		Stream custom = subscribe(TOKEN, ORG);
		custom.request(FetchRequest.newBuilder().setTopicName("/data/OpportunityChangeEvent").setReplayPreset(ReplayPreset.CUSTOM)
			.setReplayId(ByteString.copyFrom(ids.get(1))).setNumRequested(10).build());
		assertThat(custom.events(2)).extracting(e -> decode(e).get("StageName").toString()).containsExactly("Stage 2", "Stage 3");

		Stream latest = subscribe(TOKEN, ORG);
		latest.request(FetchRequest.newBuilder().setTopicName("/data/ChangeEvents").setReplayPreset(ReplayPreset.LATEST).setNumRequested(10).build());
		awaitListening(2); // `custom` and `latest`: LATEST's position is fixed before the next publish
		bus.publish(stage("006000000000001AAA", "Stage 9"));
		assertThat(latest.events(1)).extracting(e -> decode(e).get("StageName").toString()).containsExactly("Stage 9");
	}

	@Test
	void anEntityChannelCarriesOnlyThatEntity() throws Exception {
		bus.publish(new RecordChange("Contact", List.of("003000000000001AAA"), "CREATE", Map.of("LastName", "Okafor"), List.of(), "005x", 1L, "t1"));
		bus.publish(stage("006000000000001AAA", "Prospecting"));
		Stream stream = subscribe(TOKEN, ORG);
		stream.request(FetchRequest.newBuilder().setTopicName("/data/ContactChangeEvent").setReplayPreset(ReplayPreset.EARLIEST).setNumRequested(10).build());
		List<ConsumerEvent> events = stream.events(1);
		assertThat(header(events.get(0)).get("entityName").toString()).isEqualTo("Contact");
		assertThat(stream.next(Duration.ofMillis(200))).satisfiesAnyOf(r -> assertThat(r).isNull(),
				r -> assertThat(((FetchResponse) r).getEventsCount()).isZero());
	}

	@Test
	void anUpdateCarriesItsChangedAndNulledFieldsAsBitmapsOverTheSchema() throws Exception {
		bus.publish(new RecordChange("Opportunity", List.of("006000000000001AAA"), "CREATE",
				Map.of("Name", "Renewal", "StageName", "Prospecting", "Amount", 100.0, "Description", "x"), List.of(), "005x", 1L, "t1"));
		Map<String, Object> update = new HashMap<>();
		update.put("StageName", "Qualification");
		update.put("Description", null);
		bus.publish(new RecordChange("Opportunity", List.of("006000000000001AAA"), "UPDATE", update, List.of("StageName", "Description"),
				"005x", 2L, "t2"));
		Stream stream = subscribe(TOKEN, ORG);
		stream.request(FetchRequest.newBuilder().setTopicName("/data/ChangeEvents").setReplayPreset(ReplayPreset.EARLIEST).setNumRequested(10).build());
		ConsumerEvent event = stream.events(2).get(1);
		Schema schema = schema(event);
		GenericRecord header = header(event);

		assertThat(strings(header.get("changedFields"))).singleElement().asString().startsWith("0x");
		assertThat(FieldBitmap.decode(schema, strings(header.get("changedFields")))).containsExactlyInAnyOrder("StageName", "Description");
		assertThat(FieldBitmap.decode(schema, strings(header.get("nulledFields")))).containsExactly("Description");
		assertThat(decode(event).get("Name")).as("unchanged fields are null").isNull();
		assertThat(header.get("changeType").toString()).isEqualTo("UPDATE");
		assertThat(header.get("commitTimestamp")).isEqualTo(2L);
	}

	@Test
	void addressAndNamePartsTravelInTheirCompoundFieldWithNestedBitmaps() throws Exception {
		bus.publish(new RecordChange("Account", List.of("001000000000001AAA"), "CREATE", Map.of("Name", "Okafor", "BillingCity", "Paris",
				"BillingCountry", "France"), List.of(), "005x", 1L, "t1"));
		bus.publish(new RecordChange("Account", List.of("001000000000001AAA"), "UPDATE", Map.of("BillingCity", "Lyon"), List.of("BillingCity"),
				"005x", 2L, "t2"));
		bus.publish(new RecordChange("Contact", List.of("003000000000001AAA"), "CREATE", Map.of("FirstName", "Ada", "LastName", "Okafor",
				"Name", "Ada Okafor"), List.of(), "005x", 3L, "t3"));
		Stream stream = subscribe(TOKEN, ORG);
		stream.request(FetchRequest.newBuilder().setTopicName("/data/ChangeEvents").setReplayPreset(ReplayPreset.EARLIEST).setNumRequested(10).build());
		List<ConsumerEvent> events = stream.events(3);
		ConsumerEvent update = events.get(1);
		Schema schema = schema(update);
		List<String> changed = strings(header(update).get("changedFields"));

		int address = schema.getField("BillingAddress").pos();
		assertThat(changed).hasSize(2).element(1).asString().startsWith(address + "-0x");
		assertThat(FieldBitmap.decode(schema, changed)).containsExactly("BillingAddress", "BillingAddress.City");
		assertThat(((GenericRecord) decode(update).get("BillingAddress")).get("City").toString()).isEqualTo("Lyon");
		assertThat(((GenericRecord) decode(events.get(0)).get("BillingAddress")).get("Country").toString()).isEqualTo("France");
		assertThat(schema.getField("BillingCity")).as("no flat part fields").isNull();
		GenericRecord name = (GenericRecord) decode(events.get(2)).get("Name");
		assertThat(name.getSchema().getName()).isEqualTo("Switchable_PersonName");
		assertThat(name.get("FirstName").toString()).isEqualTo("Ada");
	}

	@Test
	void anUpdateOfALargeTextIsSentAsItsDiffWhenSalesforceWould() throws Exception {
		String before = paragraphs(40, -1);
		String after = paragraphs(40, 7);
		bus.publish(new RecordChange("Account", List.of("001000000000002AAA"), "CREATE", Map.of("Name", "Long", "Description", before), List.of(),
				"005x", 1L, "t1"));
		bus.publish(new RecordChange("Account", List.of("001000000000002AAA"), "UPDATE", Map.of("Description", after), List.of("Description"),
				"005x", 2L, "t2"));
		bus.publish(new RecordChange("Account", List.of("001000000000002AAA"), "UPDATE", Map.of("Description", "Short now"),
				List.of("Description"), "005x", 3L, "t3"));
		Stream stream = subscribe(TOKEN, ORG);
		stream.request(FetchRequest.newBuilder().setTopicName("/data/ChangeEvents").setReplayPreset(ReplayPreset.EARLIEST).setNumRequested(10).build());
		List<ConsumerEvent> events = stream.events(3);
		ConsumerEvent diffed = events.get(1);

		assertThat(FieldBitmap.decode(schema(diffed), strings(header(diffed).get("diffFields")))).containsExactly("Description");
		String diff = decode(diffed).get("Description").toString();
		assertThat(diff).startsWith("--- \n+++ ").hasSizeLessThan(after.length());
		assertThat(TextDiff.apply(before, diff)).isEqualTo(after);
		assertThat(strings(header(events.get(2)).get("diffFields"))).as("a short value is sent whole").isEmpty();
		assertThat(decode(events.get(2)).get("Description").toString()).isEqualTo("Short now");
	}

	/** {@code count} lines of 60 characters; line {@code changed} (if any) reads differently. */
	static String paragraphs(int count, int changed) {
		StringBuilder text = new StringBuilder();
		for (int i = 0; i < count; i++) {
			text.append(i == changed ? "This line was rewritten by someone in the org, quite a bit. " : "Line " + i + " of a long account description, kept the same.")
				.append(i < count - 1 ? "\n" : "");
		}
		return text.toString();
	}

	@Test
	void aNewFieldMakesANewSchemaAndOldEventsKeepTheirs() throws Exception {
		bus.publish(stage("006000000000001AAA", "Prospecting"));
		bus.publish(new RecordChange("Opportunity", List.of("006000000000001AAA"), "UPDATE", Map.of("NextStep", "Call"), List.of("NextStep"), "005x", 2L, "t2"));
		Stream stream = subscribe(TOKEN, ORG);
		stream.request(FetchRequest.newBuilder().setTopicName("/data/ChangeEvents").setReplayPreset(ReplayPreset.EARLIEST).setNumRequested(10).build());
		List<ConsumerEvent> events = stream.events(2);
		assertThat(events.get(0).getEvent().getSchemaId()).isNotEqualTo(events.get(1).getEvent().getSchemaId());
		assertThat(schema(events.get(0)).getField("NextStep")).isNull();
		assertThat(decode(events.get(1)).get("NextStep").toString()).isEqualTo("Call");
		assertThat(stub(TOKEN, ORG).getTopic(TopicRequest.newBuilder().setTopicName("/data/OpportunityChangeEvent").build()).getSchemaId())
			.isEqualTo(events.get(1).getEvent().getSchemaId());
	}

	@Test
	void gapAndOverflowEventsNameTheRecordsWithoutValues() throws Exception {
		bus.publish(new RecordChange("Opportunity", List.of("006000000000001AAA", "006000000000002AAA"), "GAP_UPDATE", Map.of(), List.of(), "005x", 3L, "t3"));
		bus.publish(new RecordChange("Opportunity", List.of("000000000000000AAA"), "GAP_OVERFLOW", Map.of(), List.of(), "005x", 4L, "t4"));
		Stream stream = subscribe(TOKEN, ORG);
		stream.request(FetchRequest.newBuilder().setTopicName("/data/ChangeEvents").setReplayPreset(ReplayPreset.EARLIEST).setNumRequested(10).build());
		List<ConsumerEvent> events = stream.events(2);
		assertThat(header(events.get(0)).get("changeType").toString()).isEqualTo("GAP_UPDATE");
		assertThat(strings(header(events.get(0)).get("recordIds"))).containsExactly("006000000000001AAA", "006000000000002AAA");
		assertThat(header(events.get(1)).get("changeType").toString()).isEqualTo("GAP_OVERFLOW");
	}

	@Test
	void callsWithoutValidAuthHeadersAreUnauthenticated() {
		assertThatThrownBy(() -> stub("wrong-token", ORG).getTopic(TopicRequest.newBuilder().setTopicName("/data/ChangeEvents").build()))
			.isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
				assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED);
				assertThat(e.getTrailers().get(AuthInterceptor.ERROR_CODE)).isEqualTo(AuthInterceptor.AUTH_ERROR);
			});
		assertThatThrownBy(() -> stub(TOKEN, "00D000000000000AAA").getTopic(TopicRequest.newBuilder().setTopicName("/data/ChangeEvents").build()))
			.isInstanceOfSatisfying(StatusRuntimeException.class, e -> assertThat(e.getStatus().getDescription()).contains("tenant"));
		assertThatThrownBy(() -> PubSubGrpc.newBlockingStub(channel).getSchema(SchemaRequest.newBuilder().setSchemaId("x").build()))
			.isInstanceOfSatisfying(StatusRuntimeException.class, e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED));
	}

	@Test
	void tokensCanBeValidatedByTheRestDoublesOAuthServerAndExpiredOnesStayRefused() {
		bus.validateTokensWith(token -> token.startsWith("issued-by-rest-"));
		assertThat(stub("issued-by-rest-1", ORG).getTopic(TopicRequest.newBuilder().setTopicName("/data/ChangeEvents").build()).getCanSubscribe())
			.isTrue();
		bus.expireToken("issued-by-rest-1");
		assertThatThrownBy(() -> stub("issued-by-rest-1", ORG).getTopic(TopicRequest.newBuilder().setTopicName("/data/ChangeEvents").build()))
			.isInstanceOfSatisfying(StatusRuntimeException.class, e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED));
	}

	@Test
	void faultsEndOpenStreams() throws Exception {
		Stream dropped = subscribe(TOKEN, ORG);
		dropped.request(FetchRequest.newBuilder().setTopicName("/data/ChangeEvents").setNumRequested(1).build());
		awaitListening(1);
		bus.dropStreams();
		assertThat(dropped.error()).extracting(s -> s.getCode()).isEqualTo(Status.Code.UNAVAILABLE);

		Stream expired = subscribe(TOKEN, ORG);
		expired.request(FetchRequest.newBuilder().setTopicName("/data/ChangeEvents").setNumRequested(1).build());
		awaitListening(1);
		bus.expireToken(TOKEN);
		assertThat(expired.error()).extracting(s -> s.getCode()).isEqualTo(Status.Code.UNAUTHENTICATED);
	}

	@Test
	void badRequestsAreRefused() throws Exception {
		Stream unknownTopic = subscribe(TOKEN, ORG);
		unknownTopic.request(FetchRequest.newBuilder().setTopicName("/event/Nope").setNumRequested(1).build());
		assertThat(unknownTopic.error().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);

		Stream foreignReplay = subscribe(TOKEN, ORG);
		foreignReplay.request(FetchRequest.newBuilder().setTopicName("/data/ChangeEvents").setReplayPreset(ReplayPreset.CUSTOM)
			.setReplayId(ByteString.copyFrom(new byte[] { 0, 0, 0, 0, 0, 0, 0, 9 })).setNumRequested(1).build());
		assertThat(foreignReplay.error().getDescription()).contains("replay id");

		assertThatThrownBy(() -> stub(TOKEN, ORG).getSchema(SchemaRequest.newBuilder().setSchemaId("nope").build()))
			.isInstanceOfSatisfying(StatusRuntimeException.class, e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND));
		assertThatThrownBy(() -> bus.publish(new RecordChange("Contact", List.of("003x"), "RENAME", Map.of(), List.of(), null, 1L, null)))
			.isInstanceOf(IllegalArgumentException.class).hasMessageContaining("RENAME");
	}

	// --- helpers ---

	private static RecordChange stage(String id, String stage) {
		return new RecordChange("Opportunity", List.of(id), "UPDATE", Map.of("StageName", stage), List.of("StageName"), "005000000000001AAA",
				System.currentTimeMillis(), "tx");
	}

	private PubSubGrpc.PubSubBlockingStub stub(String token, String org) {
		return PubSubGrpc.newBlockingStub(channel).withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers(token, org)));
	}

	private static Metadata headers(String token, String org) {
		Metadata headers = new Metadata();
		headers.put(AuthInterceptor.ACCESS_TOKEN, token);
		headers.put(AuthInterceptor.INSTANCE_URL, INSTANCE);
		headers.put(AuthInterceptor.TENANT_ID, org);
		return headers;
	}

	private void awaitListening(int streams) {
		Awaitility.await().atMost(Duration.ofSeconds(5)).until(bus::listening, n -> n == streams);
	}

	private Stream subscribe(String token, String org) {
		Stream stream = new Stream();
		stream.requests = PubSubGrpc.newStub(channel).withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers(token, org)))
			.subscribe(stream);
		return stream;
	}

	private Schema schema(ConsumerEvent event) {
		return new Schema.Parser().parse(stub(TOKEN, ORG).getSchema(SchemaRequest.newBuilder().setSchemaId(event.getEvent().getSchemaId()).build())
			.getSchemaJson());
	}

	private GenericRecord decode(ConsumerEvent event) {
		try {
			return new GenericDatumReader<GenericRecord>(schema(event)).read(null,
					DecoderFactory.get().binaryDecoder(event.getEvent().getPayload().toByteArray(), null));
		}
		catch (IOException e) {
			throw new AssertionError(e);
		}
	}

	private GenericRecord header(ConsumerEvent event) {
		return (GenericRecord) decode(event).get("ChangeEventHeader");
	}

	private static List<String> strings(Object array) {
		List<String> list = new ArrayList<>();
		((Iterable<?>) array).forEach(o -> list.add(o.toString()));
		return list;
	}

	private static final class Stream implements StreamObserver<FetchResponse> {

		final LinkedBlockingQueue<Object> inbox = new LinkedBlockingQueue<>();
		StreamObserver<FetchRequest> requests;

		void request(FetchRequest request) {
			requests.onNext(request);
		}

		Object next(Duration wait) throws InterruptedException {
			return inbox.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
		}

		List<ConsumerEvent> events(int expected) throws InterruptedException {
			List<ConsumerEvent> events = new ArrayList<>();
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
			while (events.size() < expected && System.nanoTime() < deadline) {
				Object item = next(Duration.ofMillis(100));
				if (item instanceof FetchResponse response) {
					events.addAll(response.getEventsList());
				}
				else if (item instanceof Throwable t) {
					throw new AssertionError("stream failed", t);
				}
			}
			return events;
		}

		Status error() throws InterruptedException {
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
			while (System.nanoTime() < deadline) {
				Object item = next(Duration.ofMillis(100));
				if (item instanceof Throwable t) {
					return Status.fromThrowable(t);
				}
			}
			throw new AssertionError("the stream did not fail");
		}

		@Override
		public void onNext(FetchResponse value) {
			inbox.add(value);
		}

		@Override
		public void onError(Throwable t) {
			inbox.add(t);
		}

		@Override
		public void onCompleted() {
			inbox.add("completed");
		}
	}
}
