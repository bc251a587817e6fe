package dev.switchboard.salesforce.pubsub;

import java.time.Clock;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArraySet;

import com.salesforce.eventbus.protobuf.FetchRequest;
import com.salesforce.eventbus.protobuf.FetchResponse;
import com.salesforce.eventbus.protobuf.PubSubGrpc;
import com.salesforce.eventbus.protobuf.SchemaInfo;
import com.salesforce.eventbus.protobuf.SchemaRequest;
import com.salesforce.eventbus.protobuf.TopicInfo;
import com.salesforce.eventbus.protobuf.TopicRequest;

import io.grpc.Status;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;

/** Salesforce's side of GetTopic, GetSchema and Subscribe; publishing RPCs stay UNIMPLEMENTED (change events are read-only). */
final class PubSubService extends PubSubGrpc.PubSubImplBase {

	private final ChangeEventSchemas schemas;
	private final Topics topics;
	private final EventLog log;
	private final String orgId;
	private final Clock clock;
	private final Set<Subscription> subscriptions = new CopyOnWriteArraySet<>();

	PubSubService(ChangeEventSchemas schemas, EventLog log, String orgId, Clock clock) {
		this.schemas = schemas;
		this.topics = new Topics(schemas);
		this.log = log;
		this.orgId = orgId;
		this.clock = clock;
	}

	Set<Subscription> subscriptions() {
		return subscriptions;
	}

	@Override
	public void getTopic(TopicRequest request, StreamObserver<TopicInfo> responses) {
		try {
			topics.filter(request.getTopicName());
		}
		catch (IllegalArgumentException e) {
			responses.onError(Status.NOT_FOUND.withDescription(e.getMessage()).asRuntimeException());
			return;
		}
		String entity = Topics.entityOf(request.getTopicName());
		String schemaId = entity == null ? "" : schemas.current(entity).map(ChangeEventSchemas.Entity::schemaId).orElse("");
		responses.onNext(TopicInfo.newBuilder().setTopicName(request.getTopicName()).setTenantGuid(orgId).setCanPublish(false)
			.setCanSubscribe(true).setSchemaId(schemaId).setRpcId(UUID.randomUUID().toString()).build());
		responses.onCompleted();
	}

	@Override
	public void getSchema(SchemaRequest request, StreamObserver<SchemaInfo> responses) {
		schemas.byId(request.getSchemaId()).ifPresentOrElse(schema -> {
			responses.onNext(SchemaInfo.newBuilder().setSchemaId(request.getSchemaId()).setSchemaJson(schema.toString())
				.setRpcId(UUID.randomUUID().toString()).build());
			responses.onCompleted();
		}, () -> responses.onError(Status.NOT_FOUND.withDescription("No schema with id " + request.getSchemaId()).asRuntimeException()));
	}

	@Override
	public StreamObserver<FetchRequest> subscribe(StreamObserver<FetchResponse> responses) {
		Subscription subscription = new Subscription(responses, log, AuthInterceptor.TOKEN.get(), clock);
		subscriptions.add(subscription);
		if (responses instanceof ServerCallStreamObserver<FetchResponse> call) {
			call.setOnCancelHandler(() -> {
				subscription.cancelled();
				subscriptions.remove(subscription);
			});
		}
		return new StreamObserver<>() {
			@Override
			public void onNext(FetchRequest request) {
				subscription.request(request, topics);
				if (subscription.closed()) {
					subscriptions.remove(subscription);
				}
			}

			@Override
			public void onError(Throwable t) {
				subscription.cancelled();
				subscriptions.remove(subscription);
			}

			@Override
			public void onCompleted() {
				subscription.complete();
				subscriptions.remove(subscription);
			}
		};
	}
}
