package org.broadsheet.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;

/**
 * A real Varnish (Debian's {@code varnish}) in front of test nodes, running
 * {@code docs/varnish.vcl} with the nodes as its backends. Tests that need it are skipped
 * where {@code varnishd} is not installed ({@code .ci/run} installs it).
 */
public final class Varnish implements AutoCloseable {

	private static final Path VARNISHD = Path.of("/usr/sbin/varnishd");

	private final Path folder;

	private final int port;

	private Path vcl;

	private Process process;

	private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	private Varnish(Path folder, int port) {
		this.folder = folder;
		this.port = port;
	}

	/**
	 * @return whether varnishd is installed here
	 */
	public static boolean installed() {
		return Files.isExecutable(VARNISHD);
	}

	/**
	 * @return a Varnish with a free port chosen and not started yet (the nodes need its
	 * address before it needs theirs)
	 */
	public static Varnish create() {
		try {
			// varnishd reads the VCL as its own unprivileged user.
			Path folder = Files.createTempDirectory("varnish");
			Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-xr-x"));
			return new Varnish(folder, freePort());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Starts Varnish in front of the nodes listening on {@code ports} and waits until it
	 * serves the front page through them.
	 */
	public void start(List<Integer> ports) {
		startBefore(ports);
		awaitServing();
	}

	/**
	 * Starts Varnish in front of nodes that are still to start on {@code ports} (as in
	 * production, where the cache is up before the nodes send their first purges); waits
	 * only until Varnish answers.
	 */
	public void startBefore(List<Integer> ports) {
		try {
			vcl = folder.resolve("broadsheet.vcl");
			Files.writeString(vcl, vcl(Files.readString(Path.of("docs/varnish.vcl")), ports));
			launch();
			Awaitility.await("varnishd answers")
				.atMost(Duration.ofSeconds(30))
				.pollInterval(Duration.ofMillis(100))
				.until(() -> get("/") != null);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Waits until Varnish serves the front page through its nodes. */
	public void awaitServing() {
		Awaitility.await("Varnish serves the front page")
			.atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(200))
			.ignoreExceptions()
			.until(() -> get("/").statusCode() == 200);
	}

	/**
	 * @return {@code template} (docs/varnish.vcl) with its backends block naming
	 * {@code ports} on this machine
	 */
	static String vcl(String template, List<Integer> ports) {
		var backends = new StringBuilder("""
				probe ready {
				    .url = "/actuator/health/readiness";
				    .interval = 500ms;
				    .timeout = 1s;
				    .window = 3;
				    .threshold = 2;
				}
				""");
		var director = new StringBuilder("sub vcl_init {\n    new nodes = directors.round_robin();\n");
		for (int i = 0; i < ports.size(); i++) {
			backends.append("backend node%d { .host = \"127.0.0.1\"; .port = \"%d\"; .probe = ready; }\n"
				.formatted(i + 1, ports.get(i)));
			director.append("    nodes.add_backend(node%d);\n".formatted(i + 1));
		}
		director.append("}\n");
		int begin = template.indexOf('\n', template.indexOf("# BACKENDS BEGIN")) + 1;
		int end = template.indexOf("# BACKENDS END");
		return template.substring(0, begin) + backends + "\n" + director + template.substring(end);
	}

	/** Starts varnishd again, in the foreground as a child of this JVM. */
	public void start() throws IOException {
		launch();
		awaitServing();
	}

	private void launch() throws IOException {
		process = new ProcessBuilder(VARNISHD.toString(), "-F", "-n", folder.resolve("work").toString(), "-a",
				"127.0.0.1:" + port, "-f", vcl.toString(), "-s", "malloc,64m")
			.redirectErrorStream(true)
			.redirectOutput(folder.resolve("varnishd.log").toFile())
			.start();
	}

	/** Stops varnishd (its cache is lost, as after a crash). */
	public void stop() {
		if (process != null) {
			process.destroy();
			try {
				process.waitFor(10, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			process.destroyForcibly();
			process = null;
		}
	}

	/**
	 * @return the base URL readers use, e.g. {@code http://127.0.0.1:6081}
	 */
	public String url() {
		return "http://127.0.0.1:" + port;
	}

	/**
	 * @param path absolute path, percent-encoded
	 * @return the response through Varnish; null when Varnish does not answer
	 */
	public HttpResponse<String> get(String path) {
		return get(path, new String[0]);
	}

	/**
	 * @param path absolute path, percent-encoded
	 * @param headers request header names and values, alternating
	 * @return the response through Varnish; null when Varnish does not answer
	 */
	public HttpResponse<String> get(String path, String... headers) {
		var request = HttpRequest.newBuilder(URI.create(url() + path));
		if (headers.length > 0) {
			request.headers(headers);
		}
		try {
			return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			return null;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** Reads {@code path} through Varnish until Varnish serves it from its cache. */
	public void awaitCached(String path) {
		Awaitility.await("cached in Varnish: " + path)
			.atMost(Duration.ofSeconds(10))
			.pollInterval(Duration.ofMillis(100))
			.ignoreExceptions()
			.until(() -> {
				var response = get(path);
				return response.statusCode() == 200
						&& response.headers().firstValue("X-Cache").orElse("").equals("HIT");
			});
	}

	/**
	 * @return how many bans Varnish has taken since it started ({@code MAIN.bans_added})
	 */
	public long bansAdded() {
		try {
			var stat = new ProcessBuilder("varnishstat", "-n", folder.resolve("work").toString(), "-1", "-f",
					"MAIN.bans_added")
				.redirectErrorStream(true)
				.start();
			String out = new String(stat.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			stat.waitFor(10, TimeUnit.SECONDS);
			return Long.parseLong(out.strip().split("\\s+")[1]);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	public static int freePort() throws IOException {
		try (var socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	@Override
	public void close() {
		stop();
	}

}
