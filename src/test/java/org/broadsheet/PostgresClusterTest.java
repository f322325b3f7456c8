package org.broadsheet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

import org.broadsheet.support.NewsroomBrowser;
import org.broadsheet.support.NodeProcess;
import org.broadsheet.support.PostgresSchemas;
import org.broadsheet.support.S3Server;
import org.broadsheet.support.TestDatabases;
import org.broadsheet.support.TestImages;
import org.broadsheet.support.Varnish;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Three nodes, each in a JVM of its own, on one PostgreSQL behind a real Varnish running
 * docs/varnish.vcl, with media in an S3 server (s3proxy), as in production (README,
 * "Production"). Readers go through Varnish; editors through Varnish or on one node.
 * Checks what a cluster promises: a publish is served fresh through Varnish within 2 s,
 * an image uploaded on one node is served by the others, a scheduled article is published
 * once, and a node killed with SIGKILL during a burst of writes loses no acknowledged
 * write while readers notice nothing, then is replaced. Figures go to
 * {@code target/cluster-figures.txt} (docs/performance.md).
 */
@EnabledIfEnvironmentVariable(named = TestDatabases.POSTGRES_URL_VARIABLE, matches = ".+",
		disabledReason = "set BROADSHEET_TEST_POSTGRES_URL to a JDBC URL to run the cluster test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PostgresClusterTest {

	static final String EDITOR = "editor@example.com";

	static final String PASSWORD = "broadsheet-demo";

	@RegisterExtension
	static final PostgresSchemas schemas = new PostgresSchemas();

	final List<NodeProcess> nodes = new ArrayList<>();

	final Map<String, String> figures = Collections.synchronizedMap(new LinkedHashMap<>());

	List<String> options;

	String schema;

	Varnish varnish;

	S3Server s3;

	@BeforeAll
	void start() throws IOException {
		assumeTrue(Varnish.installed(), "varnishd is not installed (apt-get install varnish)");
		varnish = Varnish.create();
		options = new ArrayList<>(schemas.newSchemaOptions());
		schema = options.stream()
			.filter(o -> o.startsWith("--spring.flyway.default-schema="))
			.findFirst()
			.orElseThrow()
			.split("=")[1];
		options.addAll(List.of("--broadsheet.cdn.purger=varnish", "--broadsheet.cdn.varnish=" + varnish.url(),
				"--logging.level.root=warn"));
		s3 = S3Server.start("cluster-media");
		options.addAll(s3.options("cluster-media"));
		// Varnish first, as in production: the nodes' first purges (the demo content)
		// find
		// it. The first node migrates the database and loads the demo newsroom; the
		// others
		// find both done.
		Set<Integer> free = new LinkedHashSet<>();
		while (free.size() < 3) {
			free.add(Varnish.freePort());
		}
		List<Integer> ports = List.copyOf(free);
		varnish.startBefore(ports);
		nodes.add(node(ports.get(0), true));
		nodes.get(0).awaitReady(Duration.ofSeconds(120));
		nodes.add(node(ports.get(1), false));
		nodes.add(node(ports.get(2), false));
		for (var node : nodes) {
			node.awaitReady(Duration.ofSeconds(120));
		}
		varnish.awaitServing();
	}

	private NodeProcess node(int port, boolean demo) throws IOException {
		var nodeOptions = new ArrayList<>(options);
		nodeOptions.add("--broadsheet.demo.enabled=" + demo);
		return NodeProcess.start(port, Files.createTempDirectory("node"), nodeOptions);
	}

	@AfterAll
	void stop() throws IOException {
		if (varnish == null) {
			return;
		}
		varnish.close();
		nodes.forEach(NodeProcess::close);
		s3.close();
		var report = new StringBuilder();
		figures.forEach((name, value) -> report.append(name).append(": ").append(value).append('\n'));
		Files.createDirectories(Path.of("target"));
		Files.writeString(Path.of("target/cluster-figures.txt"), report);
		System.out.print("Cluster figures:\n" + report);
	}

	private NewsroomBrowser throughVarnish() {
		return new NewsroomBrowser(varnish.url()).signIn(EDITOR, PASSWORD);
	}

	private NewsroomBrowser editorOn(NodeProcess node) {
		return new NewsroomBrowser(node.url()).signIn(EDITOR, PASSWORD);
	}

	/**
	 * Creates a draft through the newsroom; @return its id, or -1 when the node did not
	 * acknowledge it
	 */
	private static long draft(NewsroomBrowser editor, String title, String section) {
		var response = editor.post("/newsroom/articles",
				Map.of("title", title, "section", section, "authors", "Cluster Desk", "summary",
						"Standfirst of " + title, "body", "Body of " + title + ".", "tags", "Cluster", "language",
						"en"));
		String location = response.headers().firstValue("Location").orElse("");
		var id = Pattern.compile("/newsroom/articles/(\\d+)\\?saved").matcher(location);
		return response.statusCode() == 302 && id.find() ? Long.parseLong(id.group(1)) : -1;
	}

	private static void act(NewsroomBrowser editor, long id, String action, Map<String, String> fields) {
		var response = editor.post("/newsroom/articles/" + id + "/" + action, fields);
		assertThat(response.statusCode()).as(action + ": " + response.body()).isEqualTo(302);
	}

	private long count(String sql, Object... parameters) {
		String url = System.getenv(TestDatabases.POSTGRES_URL_VARIABLE);
		try (var connection = DriverManager
			.getConnection(url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema);
				var statement = connection.prepareStatement(sql)) {
			for (int i = 0; i < parameters.length; i++) {
				statement.setObject(i + 1, parameters[i]);
			}
			try (var result = statement.executeQuery()) {
				result.next();
				return result.getLong(1);
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Test
	@Order(1)
	void aPublishOnOneNodeIsServedFreshThroughVarnishWithinTwoSeconds() throws Exception {
		List<Long> requests = new ArrayList<>();
		List<Long> fresh = new ArrayList<>();
		for (int i = 0; i < nodes.size(); i++) {
			var editor = editorOn(nodes.get(i));
			String title = "Quay crane number " + i;
			varnish.awaitCached("/news/");
			// Every node holds the page too: Varnish must not fetch it again from one
			// that
			// has not dropped it yet.
			for (var node : nodes) {
				for (int read = 0; read < 2; read++) {
					assertThat(node.status("/news/")).isEqualTo(200);
				}
			}
			long id = draft(editor, title, "News");
			assertThat(id).isPositive();
			long start = System.nanoTime();
			act(editor, id, "publish", Map.of());
			long acknowledged = System.nanoTime();
			await().atMost(Duration.ofSeconds(2))
				.pollInterval(Duration.ofMillis(10))
				.untilAsserted(() -> assertThat(varnish.get("/news/").body()).contains(title));
			requests.add(TimeUnit.NANOSECONDS.toMillis(acknowledged - start));
			fresh.add(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - acknowledged));
			for (int read = 0; read < 3; read++) {
				assertThat(varnish.get("/news/").body()).as("through Varnish, read again").contains(title);
			}
		}
		figures.put("publish request on a node (ms, one per node)", requests.toString());
		figures.put("publish acknowledged → section page fresh through Varnish (ms, one per node)", fresh.toString());
	}

	@Test
	@Order(2)
	void anImageUploadedOnOneNodeIsServedByTheOthers() throws Exception {
		var editor = editorOn(nodes.get(0));
		byte[] photo = TestImages.jpeg(1600, 900);
		var upload = editor.upload("/newsroom/media", "harbour.jpg", photo, Map.of("alt", "The harbour"));
		assertThat(upload.statusCode()).as(upload.body()).isEqualTo(302);
		var urls = Pattern.compile("/media/[0-9a-f]{64}\\.jpg|/media/variants/[0-9a-f]{64}-\\d+\\.jpg")
			.matcher(editor.get("/newsroom/media").body())
			.results()
			.map(m -> m.group())
			.distinct()
			.toList();
		assertThat(urls).isNotEmpty();
		for (var node : nodes.subList(1, nodes.size())) {
			for (String url : urls) {
				assertThat(node.status(url)).as(node.url() + url).isEqualTo(200);
			}
		}
		for (String url : urls) {
			assertThat(varnish.get(url).statusCode()).as("through Varnish: " + url).isEqualTo(200);
		}
	}

	@Test
	@Order(3)
	void aScheduledArticleIsPublishedOnceByThreeNodes() {
		var editor = editorOn(nodes.get(1));
		String title = "Tide tables for the new year";
		long id = draft(editor, title, "News");
		var goLive = LocalDateTime.now(ZoneOffset.UTC).plusSeconds(4).truncatedTo(ChronoUnit.SECONDS);
		act(editor, id, "schedule", Map.of("at", goLive.format(DateTimeFormatter.ISO_LOCAL_DATE_TIME)));
		long start = System.nanoTime();
		await().atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(100))
			.untilAsserted(() -> assertThat(varnish.get("/news/").body()).contains(title));
		figures.put("scheduled publish seen through Varnish after scheduling (ms, go-live 4 s ahead)",
				Long.toString(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)));
		assertThat(count("SELECT COUNT(*) FROM audit_log WHERE article_id = ? AND actor = 'scheduler'", id))
			.as("scheduler entries")
			.isEqualTo(1);
		assertThat(count(
				"SELECT COUNT(*) FROM change_log WHERE subject = 'article' AND subject_id = ? AND kind = 'published'",
				id))
			.isEqualTo(1);
	}

	/**
	 * Waits until every change is purged: one change at a time, since changes waiting
	 * together go out as one request.
	 */
	private void allPurged() {
		await().atMost(Duration.ofSeconds(5))
			.pollInterval(Duration.ofMillis(20))
			.until(() -> count("SELECT COUNT(*) FROM purge_log WHERE purged_at IS NULL") == 0);
	}

	@Test
	@Order(4)
	void eachChangeIsPurgedFromVarnishExactlyOnce() {
		// What earlier tests changed, some of it perhaps waiting out a failed purge's
		// backoff
		// (at most a minute).
		await().atMost(Duration.ofSeconds(75))
			.until(() -> count("SELECT COUNT(*) FROM purge_log WHERE purged_at IS NULL") == 0);
		long firstRow = count("SELECT COALESCE(MAX(id), 0) FROM purge_log") + 1;
		long bans = varnish.bansAdded();
		for (int i = 0; i < nodes.size(); i++) {
			var editor = editorOn(nodes.get(i));
			long id = draft(editor, "Pilot boat " + i, "News");
			allPurged();
			act(editor, id, "publish", Map.of());
			allPurged();
		}
		long changes = count("SELECT COUNT(*) FROM purge_log WHERE id >= ?", firstRow);
		assertThat(changes).isGreaterThanOrEqualTo(nodes.size());
		assertThat(count("SELECT COUNT(*) FROM purge_log WHERE id >= ? AND purge_attempts > 1", firstRow))
			.as("changes claimed more than once")
			.isZero();
		// Varnish's counters are published within a second. A publish's change and the
		// related lists it updated (changes of their own) may go out in one request.
		await().atMost(Duration.ofSeconds(5)).until(() -> varnish.bansAdded() - bans >= nodes.size());
		assertThat(varnish.bansAdded() - bans).as("bans Varnish received").isBetween((long) nodes.size(), changes);
		figures.put("changes / bans received by Varnish", changes + " / " + (varnish.bansAdded() - bans));
	}

	@Test
	@Order(5)
	void aNodeKilledDuringABurstOfWritesLosesNothingAcknowledgedAndReadersNoticeNothing() throws Exception {
		// Editors through Varnish, like readers: sessions live in the database, so any
		// node
		// takes any editor's request; a write the dying node had taken is not
		// acknowledged.
		List<NewsroomBrowser> editors = List.of(throughVarnish(), throughVarnish(), throughVarnish());
		Set<Long> acknowledged = ConcurrentHashMap.newKeySet();
		AtomicInteger refused = new AtomicInteger();
		AtomicInteger readerErrors = new AtomicInteger();
		AtomicInteger reads = new AtomicInteger();
		AtomicBoolean writing = new AtomicBoolean(true);
		ExecutorService pool = Executors.newFixedThreadPool(4);
		List<Future<?>> work = new ArrayList<>();
		for (int w = 0; w < 3; w++) {
			int writer = w;
			work.add(pool.submit(() -> {
				for (int i = 0; i < 40; i++) {
					var editor = editors.get((writer + i) % editors.size());
					try {
						long id = draft(editor, "Burst " + writer + "-" + i, "News");
						if (id > 0) {
							acknowledged.add(id);
						}
						else {
							refused.incrementAndGet();
						}
					}
					catch (RuntimeException ex) {
						// The node died under this request: not acknowledged.
						refused.incrementAndGet();
					}
				}
			}));
		}
		work.add(pool.submit(() -> {
			while (writing.get()) {
				for (String path : List.of("/", "/news/", "/search?q=crane")) {
					HttpResponse<String> response = varnish.get(path);
					reads.incrementAndGet();
					if (response == null || response.statusCode() != 200) {
						readerErrors.incrementAndGet();
					}
				}
			}
		}));
		await().atMost(Duration.ofSeconds(60)).until(() -> acknowledged.size() >= 20);
		var victim = nodes.get(1);
		victim.kill();
		for (var future : work.subList(0, 3)) {
			future.get(5, TimeUnit.MINUTES);
		}
		writing.set(false);
		work.get(3).get(1, TimeUnit.MINUTES);
		pool.shutdown();

		assertThat(acknowledged).hasSizeGreaterThan(60);
		assertThat(count("SELECT COUNT(*) FROM article WHERE id IN ("
				+ String.join(",", acknowledged.stream().map(String::valueOf).toList()) + ")"))
			.as("acknowledged drafts in the database")
			.isEqualTo(acknowledged.size());
		assertThat(readerErrors.get()).as("reader requests through Varnish that failed, of " + reads.get()).isZero();
		figures.put("burst through Varnish: drafts acknowledged / not acknowledged (the killed node's)",
				acknowledged.size() + " / " + refused);
		figures.put("reader requests through Varnish during the burst and the kill / failed",
				reads.get() + " / " + readerErrors.get());

		// Replace the node: a new JVM on the same address, empty data folder.
		var replacement = node(victim.port(), false);
		nodes.set(1, replacement);
		Duration ready = replacement.awaitReady(Duration.ofSeconds(120));
		figures.put("replacement node: start to ready (ms)", Long.toString(ready.toMillis()));
		assertThat(replacement.status("/news/")).isEqualTo(200);
		assertThat(varnish.get("/news/").statusCode()).isEqualTo(200);
	}

}
