package org.switchboard.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.annotation.Annotation;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.MethodParameter;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.MediaType;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ValueConstants;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.switchboard.admin.AuditEntry;
import org.switchboard.admin.AuditLog;
import org.switchboard.crm.CrmRecord;
import org.switchboard.crm.CrmRecords;
import org.switchboard.platform.web.PublicEndpoint;
import org.switchboard.support.ApiClient;
import org.switchboard.support.Caller;
import org.switchboard.support.Caller.Transport;
import org.switchboard.support.EmbeddedServerTest;
import org.switchboard.support.SetupRecords;
import org.switchboard.support.Spellings;

/**
 * The permission matrix, generated from the endpoints themselves (Spring's handler mappings), so that a new endpoint
 * cannot be forgotten: every handler declares exactly one access rule, and every endpoint refuses every role without
 * the permission set its rule names (the demo users' real authorities, read from the user directory) over HTTP Basic
 * and over a signed-in session with its CSRF token; anonymous callers get 401 (API) or the sign-in page (browser).
 * On top of that, no endpoint that takes an object in its path lets a non-admin change users, profiles, permission
 * sets or assignments, however the object is spelled.
 */
class EveryEndpointChecksAccessTests extends EmbeddedServerTest {

	private static final Map<Class<? extends Annotation>, String> RULES = Map.of(
			WebexAdminOnly.class, PermissionSet.WEBEX_ADMIN.apiName(),
			WebexAdminOrSetup.class, PermissionSet.WEBEX_ADMIN.apiName(),
			WebexUserOnly.class, PermissionSet.WEBEX_USER.apiName(),
			ImportAdminOnly.class, PermissionSet.WEBEX_IMPORT_ADMIN.apiName(),
			SignedInOnly.class, "",
			PublicEndpoint.class, "public");
	private static final List<String> SETUP_OBJECTS = SetupRecords.OBJECTS;
	private static final Pattern VARIABLE = Pattern.compile("\\{([^}:]+)(?::[^}]*)?}");

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Autowired
	UserDetailsService users;

	@Autowired
	CrmRecords records;

	@Autowired
	AuditLog audit;

	@Test
	void everyHandlerDeclaresExactlyOneAccessRule() {
		List<String> undeclared = ourHandlers().values().stream()
			.filter(h -> declarations(h).size() != 1)
			.map(h -> h.getBeanType().getSimpleName() + "." + h.getMethod().getName())
			.toList();

		assertThat(ourHandlers()).isNotEmpty();
		assertThat(undeclared).as("handlers without exactly one access annotation").isEmpty();
	}

	@Test
	void everyEndpointRefusesEveryRoleWithoutItsPermissionSet() {
		List<Endpoint> endpoints = endpoints();
		Map<String, Map<String, CrmRecord>> setupBefore = setupSnapshot();
		long auditBefore = latestAudit();
		List<String> failures = new ArrayList<>();
		Map<String, Integer> refusals = new LinkedHashMap<>();

		for (Caller caller : callers()) {
			Set<String> authorities = authorities(caller.user());
			for (Endpoint endpoint : endpoints) {
				if (endpoint.publicEndpoint() || (caller.user() != null && authorities.containsAll(endpoint.required()))) {
					continue;
				}
				if (caller.transport() == Transport.BASIC && caller.user() != null && !endpoint.api()) {
					continue; // browser pages are used with a session; Basic on a page form post meets CSRF first
				}
				HttpResponse<String> response = endpoint.call(caller, Map.of());
				String refusal = refusal(caller, endpoint, response);
				if (refusal == null) {
					failures.add(endpoint + " as " + caller + " answered " + response.statusCode() + " " + abbreviate(response.body()));
				}
				else {
					refusals.merge(refusal, 1, Integer::sum);
				}
			}
		}

		assertThat(failures).as("endpoints that did not refuse a role without the permission set").isEmpty();
		assertThat(refusals).as("refusals by kind").containsKeys("401", "302 /login", "403 api", "403 page");
		assertThat(setupSnapshot()).isEqualTo(setupBefore);
		assertThat(latestAudit()).as("no admin change was made").isEqualTo(auditBefore);
	}

	@Test
	void theMatrixRefusalsArePermissionChecksNotBrokenSessions() {
		for (Transport transport : Transport.values()) {
			assertThat(Caller.of(port, ApiClient.ADMIN, transport).get("/api/admin/settings").statusCode()).as(transport.name()).isEqualTo(200);
			Caller agent = Caller.of(port, ApiClient.AGENT, transport);
			HttpResponse<String> created = agent.json("POST", "/api/records/Contact", "{\"LastName\":\"Matrix " + transport + "\"}");
			assertThat(created.statusCode()).as(transport.name()).isEqualTo(201);
			String id = created.body().replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
			assertThat(agent.json("DELETE", "/api/records/Contact/" + id, null).statusCode()).isEqualTo(204);
		}
	}

	@Test
	void noEndpointTakingAnObjectLetsANonAdminChangeSetupRecordsHoweverTheObjectIsSpelled() {
		Map<String, String> ids = setupIds();
		String viewer = records.findByField("User", "Username", ApiClient.VIEWER).get(0).id();
		String webexAdmin = records.findByField("PermissionSet", "Name", PermissionSet.WEBEX_ADMIN.apiName()).get(0).id();
		Map<String, Map<String, String>> bodies = Map.of(
				"User", Map.of("LastName", "Sneaky", "Username", "sneaky@switchboard.test", "Email", "sneaky@switchboard.test",
						"ProfileId", ids.get("Profile")),
				"Profile", Map.of("Name", "Sneaky", "Description", "sneaky"),
				"PermissionSet", Map.of("Name", "Sneaky", "Label", "Sneaky", "Description", "sneaky"),
				"PermissionSetAssignment", Map.of("AssigneeId", viewer, "PermissionSetId", webexAdmin));
		Map<String, Map<String, CrmRecord>> setupBefore = setupSnapshot();
		long auditBefore = latestAudit();
		List<Endpoint> takingObjects = endpoints().stream().filter(e -> e.pattern().contains("{object}")).toList();
		List<String> calls = new ArrayList<>();

		// Over a session for both roles without Webex Admin; over HTTP Basic (a bcrypt check per request) the viewer.
		for (Caller caller : List.of(Caller.of(port, ApiClient.VIEWER, Transport.SESSION), Caller.of(port, ApiClient.AGENT, Transport.SESSION),
				Caller.of(port, ApiClient.VIEWER, Transport.BASIC))) {
			for (Endpoint endpoint : takingObjects) {
				if (endpoint.sideEffectFree() || (caller.transport() == Transport.BASIC && !endpoint.api())) {
					continue;
				}
				for (String object : SETUP_OBJECTS) {
					List<String> spellings = new ArrayList<>(List.of(object, object.toLowerCase(java.util.Locale.ROOT)));
					spellings.addAll(Spellings.someUnicodeSpellings(object));
					for (String spelling : spellings) {
						HttpResponse<String> response = endpoint.call(caller, Map.of("object", spelling, "id", ids.get(object)),
								bodies.get(object));
						calls.add(endpoint + " " + spelling + " as " + caller + " → " + response.statusCode());
					}
				}
			}
		}

		assertThat(takingObjects).isNotEmpty();
		assertThat(setupSnapshot()).as("setup records after:\n" + String.join("\n", calls)).isEqualTo(setupBefore);
		assertThat(latestAudit()).isEqualTo(auditBefore);
		assertThat(records.related("PermissionSetAssignment", "AssigneeId", viewer, 100)).isEmpty();
		assertThat(Caller.of(port, ApiClient.VIEWER, Transport.BASIC).get("/api/admin/settings").statusCode()).isEqualTo(403);
	}

	/** What kind of refusal the response is, or null when it is none. */
	private static String refusal(Caller caller, Endpoint endpoint, HttpResponse<String> response) {
		int status = response.statusCode();
		if (caller.user() == null) {
			if (endpoint.api()) {
				return status == 401 ? "401" : null;
			}
			if ((status == 401 || status == 403) && !endpoint.sideEffectFree()) {
				return String.valueOf(status); // a page form post without a session has no CSRF token either: refused first
			}
			return status == 302 && response.headers().firstValue("Location").orElse("").endsWith("/login") ? "302 /login" : null;
		}
		if (status != 403 || response.body().contains("CSRF")) {
			return null;
		}
		if (endpoint.api()) {
			return response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json") ? "403 api" : null;
		}
		return "403 page";
	}

	private List<Caller> callers() {
		List<Caller> callers = new ArrayList<>(List.of(Caller.of(port, null, Transport.BASIC)));
		for (String role : List.of(ApiClient.VIEWER, ApiClient.AGENT, ApiClient.ADMIN)) {
			for (Transport transport : Transport.values()) {
				callers.add(Caller.of(port, role, transport));
			}
		}
		return callers;
	}

	private Set<String> authorities(String username) {
		return username == null ? Set.of()
				: users.loadUserByUsername(username).getAuthorities().stream().map(GrantedAuthority::getAuthority).collect(Collectors.toSet());
	}

	private Map<RequestMappingInfo, HandlerMethod> ourHandlers() {
		Map<RequestMappingInfo, HandlerMethod> ours = new LinkedHashMap<>();
		mappings.getHandlerMethods().forEach((info, handler) -> {
			if (handler.getBeanType().getPackageName().startsWith("org.switchboard")) {
				ours.put(info, handler);
			}
		});
		return ours;
	}

	private List<Endpoint> endpoints() {
		List<Endpoint> endpoints = new ArrayList<>();
		ourHandlers().forEach((info, handler) -> {
			List<String> rules = declarations(handler);
			assertThat(rules).as(handler.toString()).hasSize(1);
			Set<String> required = rules.get(0).isEmpty() || rules.get(0).equals("public") ? Set.of() : Set.of(rules.get(0));
			Collection<String> methods = info.getMethodsCondition().getMethods().isEmpty() ? List.of("GET")
					: info.getMethodsCondition().getMethods().stream().map(Enum::name).toList();
			MediaType consumes = info.getConsumesCondition().getConsumableMediaTypes().stream().findFirst().orElse(null);
			MediaType produces = info.getProducesCondition().getProducibleMediaTypes().stream().findFirst().orElse(null);
			for (String pattern : info.getPatternValues()) {
				for (String method : methods) {
					endpoints.add(new Endpoint(method, pattern, handler, required, rules.get(0).equals("public"), consumes, produces));
				}
			}
		});
		return endpoints;
	}

	private static List<String> declarations(HandlerMethod handler) {
		return RULES.entrySet().stream()
			.filter(rule -> AnnotatedElementUtils.hasAnnotation(handler.getMethod(), rule.getKey())
					|| AnnotatedElementUtils.hasAnnotation(handler.getBeanType(), rule.getKey()))
			.map(Map.Entry::getValue)
			.toList();
	}

	private Map<String, String> setupIds() {
		Map<String, String> ids = new LinkedHashMap<>();
		String agent = records.findByField("User", "Username", ApiClient.AGENT).get(0).id();
		ids.put("User", agent);
		ids.put("Profile", records.get("User", agent, List.of("ProfileId")).getString("ProfileId"));
		ids.put("PermissionSetAssignment", records.related("PermissionSetAssignment", "AssigneeId", agent, 10).get(0).id());
		ids.put("PermissionSet", records.get("PermissionSetAssignment", ids.get("PermissionSetAssignment"), List.of("PermissionSetId"))
			.getString("PermissionSetId"));
		return ids;
	}

	private Map<String, Map<String, CrmRecord>> setupSnapshot() {
		return SetupRecords.snapshot(records);
	}

	private long latestAudit() {
		return audit.recent(1).stream().mapToLong(AuditEntry::id).findFirst().orElse(0);
	}

	private static String abbreviate(String text) {
		return text == null ? "" : text.length() > 160 ? text.substring(0, 160) + "…" : text;
	}

	/** One method and path of a handler, and how to call it with the least that gets past argument binding. */
	private record Endpoint(String method, String pattern, HandlerMethod handler, Set<String> required, boolean publicEndpoint,
			MediaType consumes, MediaType produces) {

		boolean api() {
			return pattern.startsWith("/api/") || pattern.startsWith("/webhooks/");
		}

		boolean sideEffectFree() {
			return method.equals("GET") || method.equals("HEAD");
		}

		HttpResponse<String> call(Caller caller, Map<String, String> variables) {
			return call(caller, variables, Map.of());
		}

		HttpResponse<String> call(Caller caller, Map<String, String> variables, Map<String, String> fields) {
			Matcher matcher = VARIABLE.matcher(pattern);
			StringBuilder path = new StringBuilder();
			while (matcher.find()) {
				String name = matcher.group(1);
				String value = variables.getOrDefault(name, name.equals("object") ? "Contact" : "1");
				matcher.appendReplacement(path, Matcher.quoteReplacement(URLEncoder.encode(value, StandardCharsets.UTF_8)));
			}
			matcher.appendTail(path);
			String query = requiredParameters();
			String accept = produces != null ? produces.toString() : api() ? "application/json" : "text/html";
			if (sideEffectFree() || method.equals("DELETE")) {
				return caller.send(method, path + query, null, null, accept);
			}
			if (consumes != null && consumes.isCompatibleWith(MediaType.MULTIPART_FORM_DATA)) {
				String boundary = "matrixboundary";
				String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"text\"\r\n\r\nx\r\n--" + boundary + "--\r\n";
				return caller.send(method, path + query, "multipart/form-data; boundary=" + boundary, body, accept);
			}
			if (!api()) {
				String form = fields.entrySet().stream()
					.map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
					.collect(Collectors.joining("&"));
				return caller.send(method, path + query, "application/x-www-form-urlencoded", form.isEmpty() ? "x=1" : form, accept);
			}
			return caller.send(method, path + query, "application/json", jsonBody(fields), accept);
		}

		private String jsonBody(Map<String, String> fields) {
			for (MethodParameter parameter : handler.getMethodParameters()) {
				if (parameter.hasParameterAnnotation(RequestBody.class)
						&& (Collection.class.isAssignableFrom(parameter.getParameterType()) || parameter.getParameterType().isArray())) {
					return "[]";
				}
			}
			return fields.entrySet().stream().map(e -> "\"" + e.getKey() + "\":\"" + e.getValue() + "\"")
				.collect(Collectors.joining(",", "{", "}"));
		}

		/** Required request parameters, so that a refusal is never a 400 for a missing one. */
		private String requiredParameters() {
			List<String> parameters = new ArrayList<>();
			for (MethodParameter parameter : handler.getMethodParameters()) {
				RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
				if (param != null && param.required() && param.defaultValue().equals(ValueConstants.DEFAULT_NONE)
						&& !Map.class.isAssignableFrom(parameter.getParameterType())
						&& !MultiValueMap.class.isAssignableFrom(parameter.getParameterType())) {
					String name = !param.name().isEmpty() ? param.name() : !param.value().isEmpty() ? param.value() : parameter.getParameterName();
					parameters.add(name + "=1");
				}
			}
			return parameters.isEmpty() ? "" : "?" + String.join("&", parameters);
		}

		@Override
		public String toString() {
			return method + " " + pattern;
		}
	}
}
