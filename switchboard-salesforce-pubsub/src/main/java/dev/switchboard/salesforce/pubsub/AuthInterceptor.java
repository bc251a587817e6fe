package dev.switchboard.salesforce.pubsub;

import java.util.function.Predicate;

import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;

/**
 * Checks the three metadata headers every Pub/Sub RPC carries: {@code accesstoken}, {@code instanceurl} and
 * {@code tenantid}. A call without them, with an unknown or expired token, or for another org, ends UNAUTHENTICATED
 * with Salesforce's {@code error-code} trailer.
 */
final class AuthInterceptor implements ServerInterceptor {

	static final Metadata.Key<String> ACCESS_TOKEN = Metadata.Key.of("accesstoken", Metadata.ASCII_STRING_MARSHALLER);
	static final Metadata.Key<String> INSTANCE_URL = Metadata.Key.of("instanceurl", Metadata.ASCII_STRING_MARSHALLER);
	static final Metadata.Key<String> TENANT_ID = Metadata.Key.of("tenantid", Metadata.ASCII_STRING_MARSHALLER);
	static final Metadata.Key<String> ERROR_CODE = Metadata.Key.of("error-code", Metadata.ASCII_STRING_MARSHALLER);
	static final String AUTH_ERROR = "sfdc.platform.eventbus.grpc.service.auth.error";
	static final Context.Key<String> TOKEN = Context.key("accesstoken");

	private final Predicate<String> acceptedTokens;
	private final String instanceUrl;
	private final String orgId;

	AuthInterceptor(Predicate<String> acceptedTokens, String instanceUrl, String orgId) {
		this.acceptedTokens = acceptedTokens;
		this.instanceUrl = instanceUrl;
		this.orgId = orgId;
	}

	@Override
	public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
		String token = headers.get(ACCESS_TOKEN);
		String problem = problem(token, headers.get(INSTANCE_URL), headers.get(TENANT_ID));
		if (problem != null) {
			Metadata trailers = new Metadata();
			trailers.put(ERROR_CODE, AUTH_ERROR);
			call.close(Status.UNAUTHENTICATED.withDescription(problem), trailers);
			return new ServerCall.Listener<>() {
			};
		}
		return Contexts.interceptCall(Context.current().withValue(TOKEN, token), call, headers, next);
	}

	private String problem(String token, String url, String tenant) {
		if (token == null || url == null || tenant == null) {
			return "Missing authentication headers: accesstoken, instanceurl and tenantid are required";
		}
		if (!acceptedTokens.test(token)) {
			return "The access token is invalid or has expired";
		}
		if (!trim(instanceUrl).equals(trim(url))) {
			return "The instance URL does not match the access token's org";
		}
		if (!orgId.equals(tenant)) {
			return "The tenant id does not match the access token's org";
		}
		return null;
	}

	private static String trim(String url) {
		return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
	}
}
