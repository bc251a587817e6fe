package dev.switchboard.sandbox.people;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import dev.switchboard.sandbox.http.ApiError;
import dev.switchboard.sandbox.http.Paging;
import dev.switchboard.sandbox.http.Request;
import dev.switchboard.sandbox.http.Response;
import dev.switchboard.sandbox.http.Router;

/** The seeded people and bot, token authentication, and {@code /v1/people}. */
public class People implements Router.Filter {

	/** OAuth's own endpoints: a browser and a client with its secret call them, not a token holder. */
	private static final Set<String> UNAUTHENTICATED = Set.of("/v1/authorize", "/v1/access_token");

	private static final int MAX_IDS = 85;

	private final Map<String, Person> byToken = new ConcurrentHashMap<>();
	private final Map<String, Person> byId = new ConcurrentHashMap<>();
	private final List<Person> all;
	private volatile Function<String, Person> issuedTokens = token -> null;

	public People(List<Person> seeded) {
		this.all = List.copyOf(seeded);
		seeded.forEach(p -> {
			byToken.put(p.token(), p);
			byId.put(p.id(), p);
		});
	}

	/** Also accepts the access tokens OAuth issued (the resolver answers null for unknown or expired ones). */
	public void acceptIssuedTokens(Function<String, Person> resolver) {
		this.issuedTokens = resolver;
	}

	public void routes(Router router) {
		router.on("GET", "/v1/people/me", r -> Response.ok(caller(r).toJson()))
			.on("GET", "/v1/people/{personId}", r -> Response.ok(byId(r.path("personId")).toJson()))
			.on("GET", "/v1/people", this::list)
			.on("GET", "/sandbox/people", r -> Response.ok(Map.of("items", all)));
	}

	/** Every {@code /v1} call needs a valid bearer token, as in Webex. */
	@Override
	public void before(Request request) {
		String path = request.uri().getPath();
		if (path.startsWith("/v1/") && !UNAUTHENTICATED.contains(path) && caller(request) == null) {
			throw ApiError.unauthorized();
		}
	}

	public Person caller(Request request) {
		String token = request.bearerToken();
		Person person = token == null ? null : Optional.ofNullable(byToken.get(token)).orElseGet(() -> issuedTokens.apply(token));
		if (person == null) {
			throw ApiError.unauthorized();
		}
		return person;
	}

	public Person byId(String id) {
		return Optional.ofNullable(byId.get(id)).orElseThrow(() -> ApiError.notFound("No person " + id));
	}

	public Optional<Person> find(String id) {
		return Optional.ofNullable(byId.get(id));
	}

	public Optional<Person> byEmail(String email) {
		return all.stream().filter(p -> p.email().equalsIgnoreCase(email)).findFirst();
	}

	public List<Person> all() {
		return all;
	}

	/** Whether the person holds the org's full-admin role (org-level webhooks need it). */
	public boolean isOrgAdmin(Person person) {
		return person.orgAdmin();
	}

	private Response list(Request request) {
		String email = request.query("email");
		String name = request.query("displayName");
		String ids = request.query("id");
		if (email == null && name == null && ids == null) {
			throw ApiError.badRequest("email, displayName or id is required");
		}
		List<String> wanted = ids == null ? null : Arrays.stream(ids.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
		if (wanted != null && (wanted.isEmpty() || wanted.size() > MAX_IDS)) {
			throw ApiError.badRequest("id takes 1 to " + MAX_IDS + " comma-separated person ids");
		}
		List<Person> found = all.stream()
			.filter(p -> email == null || p.email().equalsIgnoreCase(email))
			.filter(p -> name == null || p.displayName().toLowerCase().startsWith(name.toLowerCase()))
			.filter(p -> wanted == null || wanted.contains(p.id()))
			.sorted(java.util.Comparator.comparing(Person::id))
			.toList();
		return Paging.page(request, found, Person::id, Person::toJson, 100, 1000);
	}
}
