package org.switchboard.benchmarks;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.switchboard.crm.CrmRecords;
import org.switchboard.platform.secrets.Secrets;

/**
 * Screen-pop latency: the product in a JVM of its own ({@link ScreenPopServer}) holding N Contacts+Leads, and this
 * JVM as Webex and the agent's browser ({@link PopLoad}): signed inbound-call deliveries due at a fixed rate (open
 * loop) to {@code /webhooks/webex} while the agent's SSE stream ({@code /api/calling/events}) is read. Latency runs
 * from the moment a call is due to the moment its {@code call} event is read; the server's own webhook-in to
 * event-out time and the CPU per pop of client, server and PostgreSQL are reported beside it. A warm-up ({@code --warm-up}, 5 s
 * by default) at a quarter, half and the whole rate comes first. Then the dialer's type-ahead, in the server's process.
 */
final class ScreenPopBenchmark {

	static final String SECRET = "screen-pop-secret";
	static final String PERSON = "Y2lzY29zcGFyazovL3VzL1BFT1BMRS9iZW5jaC1hZ2VudA";
	static final String WEBHOOK_ID = "Y2lzY29zcGFyazovL3VzL1dFQkhPT0svc2NyZWVuLXBvcA";

	private ScreenPopBenchmark() {
	}

	static void main(String[] args) throws Exception {
		Options options = Options.parse(args);
		int records = options.integer("records", 1_000_000);
		int rate = options.integer("rate", 200);
		int seconds = (int) options.duration("seconds", ChronoUnit.SECONDS, Duration.ofSeconds(30)).toSeconds();
		String keep = options.text("keep", null);
		Settings settings = new Settings(options.words("server-jvm"), options.text("jfr", null),
				(int) options.duration("warm-up", ChronoUnit.SECONDS, Duration.ofSeconds(5)).toSeconds(), options.flag("type-ahead", true),
				options.flag("pops", true));
		for (String kind : options.databases()) {
			run(keep == null ? BenchDatabase.create(kind) : BenchDatabase.kept(kind, keep), records, rate, seconds, settings);
		}
	}

	/**
	 * {@code --server-jvm="…"}: flags for the server's JVM; {@code --jfr=FILE}: a flight recording of the measured run;
	 * {@code --warm-up=5s}: each of the three warm-up steps (a young JVM spends much of its CPU compiling);
	 * {@code --type-ahead=false}: screen pops only; {@code --pops=false}: the type-ahead only.
	 */
	private record Settings(List<String> jvmFlags, String recording, int warmUpSeconds, boolean typeAhead, boolean pops) {
	}

	/** With {@code --keep=NAME} the records are generated once into a kept store and later runs measure on it. */
	private static void run(BenchDatabase database, int records, int rate, int seconds, Settings options) throws Exception {
		String kind = database.kind();
		Path numbers = Files.createTempFile("caller-numbers", ".txt");
		Path typeAhead = Files.createTempDirectory("type-ahead");
		ServerProcess server = null;
		try {
			System.out.printf("%n== %s: screen pop at %d calls/s for %d s over %,d Contacts+Leads ==%n", kind, rate, seconds, records);
			server = ServerProcess.start(ScreenPopServer.ENTRY, List.of(kind, Integer.toString(records), numbers.toString()), database,
					options.jvmFlags());
			server.awaitReady(3_600);
			if (options.pops()) {
				PopLoad load = new PopLoad(server.port(), Files.readAllLines(numbers));
				// Ramped, as a server meets traffic after a start: the full rate on a cold JVM and cold caches builds a
				// backlog on the connection pool that the measured run would then inherit.
				for (int step : new int[] { Math.max(1, rate / 4), Math.max(1, rate / 2), rate }) {
					load.run(step, options.warmUpSeconds(), String.format("warm-up %3d/s", step));
				}
				measure(server, load, kind, String.format("at %d calls/s, %,d records", rate, records), rate, seconds, options.recording());
			}
			if (options.typeAhead()) {
				server.send("TYPE-AHEAD " + typeAhead.toAbsolutePath());
				server.await("TYPE-AHEAD", 900);
				typeAhead(typeAhead, kind);
			}
			server.send("EXIT");
			server.awaitExit(120);
		}
		finally {
			if (server != null) {
				server.kill();
			}
			Files.deleteIfExists(numbers);
			Files.deleteIfExists(typeAhead.resolve("names.txt"));
			Files.deleteIfExists(typeAhead.resolve("digits.txt"));
			Files.deleteIfExists(typeAhead);
			database.drop();
		}
	}

	private static void measure(ServerProcess server, PopLoad load, String kind, String what, int rate, int seconds, String recording)
			throws Exception {
		server.send("MARK");
		if (recording != null) {
			server.jcmd("JFR.start", "name=screen-pop", "settings=profile");
		}
		CpuUse start = CpuUse.now(server.process());
		PopLoad.Run run = load.run(rate, seconds, "screen pop   ");
		CpuUse end = CpuUse.now(server.process());
		if (recording != null) {
			server.jcmd("JFR.stop", "name=screen-pop", "filename=" + Path.of(recording).toAbsolutePath());
			System.out.println("flight recording of the measured run: " + recording);
		}
		System.out.println("              " + end.since(start, run.popped(), "pop"));
		Report.latency("screen-pop", "client side " + what, kind, run.latencies(), "p99 ≤ 10 ms");
		server.send("SERVER-SIDE");
		String[] side = server.await("SERVER-SIDE", 60).split(" ");
		System.out.printf("server side   p50 ≤ %s ms  p99 ≤ %s ms  (n=%s, histogram bucket bounds)%n", side[0], side[1], side[2]);
		Report.FIGURES_ADD.accept(new Report.Figure("screen-pop", "server side (webhook in → SSE written) " + what, kind,
				"ms (bucket bound)", null, bound(side[0]), bound(side[1]), "p99 ≤ 10 ms", null));
		Report.value("screen-pop", "server CPU per screen pop " + what, kind, "ms", end.serverMillisPerDelivery(start, run.popped()), null);
	}

	private static Double bound(String millis) {
		return millis.equals("-") ? null : Double.valueOf(millis);
	}

	private static void typeAhead(Path dir, String kind) throws Exception {
		Latencies names = Latencies.read(dir.resolve("names.txt"));
		Latencies digits = Latencies.read(dir.resolve("digits.txt"));
		System.out.println("dialer name  " + names.summary());
		System.out.println("dialer digits " + digits.summary());
		Report.latency("screen-pop", "dialer type-ahead by name", kind, names, "p99 ≤ 2 ms");
		Report.latency("screen-pop", "dialer type-ahead by digits from the start of a group of the number", kind, digits, "p99 ≤ 2 ms");
	}

	static void linkAgent(ConfigurableApplicationContext context, JdbcClient jdbc) {
		String agent = context.getBean(CrmRecords.class).findByField("User", "Username", "agent@switchboard.test").get(0).id();
		Secrets secrets = context.getBean(Secrets.class);
		jdbc.sql("INSERT INTO webex_account (user_id, person_id, email, display_name, token_encrypted, linked_date) VALUES (?, ?, ?, ?, ?, ?)")
			.params(agent, PERSON, "agent@switchboard.test", "Agent", secrets.encrypt("unused"), OffsetDateTime.now()).update();
		jdbc.sql("INSERT INTO webex_webhook (id, name, resource, event, target_url, secret_encrypted, owner_person_id, created_date) VALUES (?, 'bench', 'telephony_calls', 'all', 'x', ?, ?, ?)")
			.params(WEBHOOK_ID, secrets.encrypt(SECRET), PERSON, OffsetDateTime.now()).update();
	}

	/** Stored numbers, written the way a caller id shows them, so that every call matches a record. */
	static List<String> callerNumbers(JdbcClient jdbc) {
		return jdbc.sql("SELECT e164 FROM crm_phone WHERE object_name IN ('Contact', 'Lead') ORDER BY record_id LIMIT 100000")
			.query(String.class).list();
	}

	/** Caller ids as phone systems pass them on: E.164, national with a trunk 1, 00-international, spaced. */
	static String asCallerId(String e164, int n) {
		boolean nanp = e164.startsWith("+1") && e164.length() == 12;
		return switch (n % 4) {
			case 0 -> e164;
			case 1 -> nanp ? e164.substring(1) : "00" + e164.substring(1);
			case 2 -> nanp ? "(" + e164.substring(2, 5) + ") " + e164.substring(5, 8) + "-" + e164.substring(8) : e164.replaceAll("(\\d{3})", "$1 ").trim();
			default -> "00" + e164.substring(1);
		};
	}

	static String sign(byte[] body) {
		return HexFormat.of().formatHex(signer().doFinal(body));
	}

	/** An HMAC-SHA1 keyed with the webhook's secret; {@code doFinal} leaves it ready for the next body. */
	static Mac signer() {
		try {
			Mac mac = Mac.getInstance("HmacSHA1");
			mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
			return mac;
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}
}
