package org.switchboard.crm.salesforce.changes;

import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

import org.switchboard.crm.salesforce.SalesforceSession;

import com.salesforce.eventbus.protobuf.FetchRequest;
import com.salesforce.eventbus.protobuf.FetchResponse;
import com.salesforce.eventbus.protobuf.PubSubGrpc;
import com.salesforce.eventbus.protobuf.SchemaRequest;
import com.salesforce.eventbus.protobuf.TopicInfo;
import com.salesforce.eventbus.protobuf.TopicRequest;

import io.grpc.CallCredentials;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.StreamObserver;

/**
 * The gRPC side: one channel to the Pub/Sub API, every call carrying the session's {@code accesstoken},
 * {@code instanceurl} and {@code tenantid} headers (the token read when the call starts, and remembered so that a
 * rejection refreshes exactly that token).
 */
class PubSubClient implements AutoCloseable {

	static final Metadata.Key<String> ACCESS_TOKEN = Metadata.Key.of("accesstoken", Metadata.ASCII_STRING_MARSHALLER);
	static final Metadata.Key<String> INSTANCE_URL = Metadata.Key.of("instanceurl", Metadata.ASCII_STRING_MARSHALLER);
	static final Metadata.Key<String> TENANT_ID = Metadata.Key.of("tenantid", Metadata.ASCII_STRING_MARSHALLER);

	private final ManagedChannel channel;
	private final SalesforceSession session;

	PubSubClient(ChangeStreamProperties properties, SalesforceSession session) {
		this(new PubSubEndpoint(properties.host(), properties.port(), properties.plaintext()), session);
	}

	PubSubClient(PubSubEndpoint endpoint, SalesforceSession session) {
		NettyChannelBuilder builder = NettyChannelBuilder.forAddress(endpoint.host(), endpoint.port())
			.maxInboundMessageSize(16 * 1024 * 1024);
		this.channel = (endpoint.plaintext() ? builder.usePlaintext() : builder.useTransportSecurity()).build();
		this.session = session;
	}

	/** A call's credentials, fixed to one token. */
	record Credentials(String accessToken, CallCredentials call) {
	}

	Credentials credentials() {
		String token = session.accessToken();
		String instanceUrl = session.instanceUrl();
		String orgId = session.organizationId();
		return new Credentials(token, new CallCredentials() {
			@Override
			public void applyRequestMetadata(RequestInfo info, Executor executor, MetadataApplier applier) {
				if (token == null || instanceUrl == null || orgId == null) {
					applier.fail(Status.UNAUTHENTICATED.withDescription("Salesforce is not connected"));
					return;
				}
				Metadata headers = new Metadata();
				headers.put(ACCESS_TOKEN, token);
				headers.put(INSTANCE_URL, instanceUrl);
				headers.put(TENANT_ID, orgId);
				applier.apply(headers);
			}
		});
	}

	String schemaJson(String schemaId, Credentials credentials) {
		return PubSubGrpc.newBlockingStub(channel).withCallCredentials(credentials.call()).withDeadlineAfter(30, TimeUnit.SECONDS)
			.getSchema(SchemaRequest.newBuilder().setSchemaId(schemaId).build()).getSchemaJson();
	}

	TopicInfo topic(String topicName, Credentials credentials) {
		return PubSubGrpc.newBlockingStub(channel).withCallCredentials(credentials.call()).withDeadlineAfter(30, TimeUnit.SECONDS)
			.getTopic(TopicRequest.newBuilder().setTopicName(topicName).build());
	}

	StreamObserver<FetchRequest> subscribe(Credentials credentials, StreamObserver<FetchResponse> responses) {
		return PubSubGrpc.newStub(channel).withCallCredentials(credentials.call()).subscribe(responses);
	}

	@Override
	public void close() {
		channel.shutdownNow();
		try {
			channel.awaitTermination(5, TimeUnit.SECONDS);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}
}
