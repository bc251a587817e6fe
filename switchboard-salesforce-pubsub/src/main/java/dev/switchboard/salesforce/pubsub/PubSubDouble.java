package dev.switchboard.salesforce.pubsub;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.google.protobuf.ByteString;
import com.salesforce.eventbus.protobuf.ProducerEvent;

import io.grpc.Server;
import io.grpc.ServerInterceptors;
import io.grpc.Status;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;

/**
 * An in-process Salesforce Pub/Sub API (gRPC, plaintext) that emits Change Data Capture events for the changes
 * {@link #publish published} to it: GetTopic, GetSchema, flow-controlled Subscribe with replay presets
 * LATEST/EARLIEST/CUSTOM, the {@code accesstoken}/{@code instanceurl}/{@code tenantid} headers checked on every
 * call, gap and overflow events (publish a GAP_* change type), and fault injection: {@link #dropStreams()} and
 * {@link #expireToken(String)}.
 */
public final class PubSubDouble implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(PubSubDouble.class);

	private final ChangeEventSchemas schemas = new ChangeEventSchemas();
	private final EventLog events;
	private final ChangeEventEncoder encoder;
	private final PubSubService service;
	private final Set<String> acceptedTokens = ConcurrentHashMap.newKeySet();
	private final Set<String> expiredTokens = ConcurrentHashMap.newKeySet();
	private volatile Predicate<String> tokenValidator = token -> false;
	private final AtomicLong commitNumber = new AtomicLong(1_000_000);
	private final ScheduledExecutorService delivery;
	private final Server server;
	private final Duration keepAlive;

	/**
	 * @param port the port to listen on (0 picks a free one)
	 * @param instanceUrl the org's instance URL that the {@code instanceurl} header must name
	 * @param orgId the org id that the {@code tenantid} header must name
	 */
	public PubSubDouble(int port, String instanceUrl, String orgId) {
		this(port, instanceUrl, orgId, 100_000, Duration.ofSeconds(270));
	}

	/**
	 * @param retention how many events are kept for replay (older replay ids are refused as outside the window)
	 * @param keepAlive after how long an idle stream gets an empty keep-alive response
	 */
	public PubSubDouble(int port, String instanceUrl, String orgId, int retention, Duration keepAlive) {
		this.events = new EventLog(retention);
		this.encoder = new ChangeEventEncoder(schemas);
		this.service = new PubSubService(schemas, events, orgId, Clock.systemUTC());
		this.keepAlive = keepAlive;
		this.delivery = Executors.newSingleThreadScheduledExecutor(r -> {
			Thread thread = new Thread(r, "pubsub-double-delivery");
			thread.setDaemon(true);
			return thread;
		});
		this.server = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", port))
			.addService(ServerInterceptors.intercept(service, new AuthInterceptor(this::accepts, instanceUrl, orgId)))
			.build();
	}

	/** Starts listening; returns this. */
	public PubSubDouble start() {
		try {
			server.start();
		}
		catch (IOException e) {
			throw new IllegalStateException("The Pub/Sub double could not listen: " + e.getMessage(), e);
		}
		long tick = Math.max(50, Math.min(1000, keepAlive.toMillis() / 2));
		delivery.scheduleWithFixedDelay(() -> service.subscriptions().forEach(s -> s.keepAliveIfIdle(keepAlive)), tick, tick,
				TimeUnit.MILLISECONDS);
		log.info("Salesforce Pub/Sub double listening on port {}", server.getPort());
		return this;
	}

	public int port() {
		return server.getPort();
	}

	/** Lets RPCs with this access token in. */
	public void acceptToken(String accessToken) {
		expiredTokens.remove(accessToken);
		acceptedTokens.add(accessToken);
	}

	/**
	 * Also lets in every token {@code validator} accepts: the seam to the REST double's OAuth server, so that the
	 * tokens it issues work here too (a token {@link #expireToken expired} here stays refused).
	 */
	public void validateTokensWith(Predicate<String> validator) {
		tokenValidator = validator;
	}

	private boolean accepts(String token) {
		return !expiredTokens.contains(token) && (acceptedTokens.contains(token) || tokenValidator.test(token));
	}

	/**
	 * Appends the change event for {@code change} to the bus and delivers it to subscribers that asked for more.
	 *
	 * @return the event's replay id
	 * @throws IllegalArgumentException for a change without entity, record ids or a known change type
	 */
	public byte[] publish(RecordChange change) {
		ChangeEventEncoder.Encoded encoded = encoder.encode(change, commitNumber.incrementAndGet());
		return append(encoded.schemaId(), encoded.payload());
	}

	/**
	 * Fault: appends the event for {@code change} with its payload cut in half, so that no reader can decode it with
	 * its schema (a corrupted or foreign event on the channel).
	 *
	 * @return the event's replay id
	 */
	public byte[] publishUndecodable(RecordChange change) {
		ChangeEventEncoder.Encoded encoded = encoder.encode(change, commitNumber.incrementAndGet());
		return append(encoded.schemaId(), java.util.Arrays.copyOf(encoded.payload(), encoded.payload().length / 2));
	}

	private byte[] append(String schemaId, byte[] payload) {
		ProducerEvent event = ProducerEvent.newBuilder().setId(UUID.randomUUID().toString()).setSchemaId(schemaId)
			.setPayload(ByteString.copyFrom(payload)).build();
		byte[] replayId = events.append(event).getReplayId().toByteArray();
		delivery.execute(() -> service.subscriptions().forEach(Subscription::drain));
		return replayId;
	}

	/**
	 * The number of open Subscribe streams whose first FetchRequest has been applied (topic and replay position fixed):
	 * a test waits for this before publishing or injecting a fault, since requests arrive on gRPC's own threads.
	 */
	public int listening() {
		return (int) service.subscriptions().stream().filter(Subscription::listening).count();
	}

	/** The number of open Subscribe streams. */
	public int subscribers() {
		return (int) service.subscriptions().stream().filter(s -> !s.closed()).count();
	}

	/** Fault: every open Subscribe stream ends with UNAVAILABLE, as a network drop or server restart does. */
	public void dropStreams() {
		service.subscriptions().forEach(s -> s.fail(Status.UNAVAILABLE.withDescription("Stream dropped (fault injection)")));
		service.subscriptions().clear();
	}

	/** Fault: the token stops being accepted, and open streams made with it end UNAUTHENTICATED. */
	public void expireToken(String accessToken) {
		acceptedTokens.remove(accessToken);
		expiredTokens.add(accessToken);
		service.subscriptions().stream().filter(s -> accessToken.equals(s.accessToken())).forEach(s -> {
			s.fail(Status.UNAUTHENTICATED.withDescription("The access token is invalid or has expired"));
			service.subscriptions().remove(s);
		});
	}

	@Override
	public void close() {
		dropStreams();
		server.shutdownNow();
		delivery.shutdownNow();
		try {
			server.awaitTermination(5, TimeUnit.SECONDS);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}
}
