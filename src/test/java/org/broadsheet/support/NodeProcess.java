package org.broadsheet.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;

/**
 * A Broadsheet node in a JVM of its own (the test's classpath, the application's main
 * class), as in production: it can be killed with SIGKILL and replaced. Its output goes
 * to {@code node.log} in its data folder.
 */
public final class NodeProcess implements AutoCloseable {

	private static final HttpClient HTTP = HttpClient.newBuilder()
		.connectTimeout(Duration.ofSeconds(2))
		.followRedirects(HttpClient.Redirect.NEVER)
		.build();

	private final int port;

	private final Path data;

	private final Process process;

	private NodeProcess(int port, Path data, Process process) {
		this.port = port;
		this.data = data;
		this.process = process;
	}

	/**
	 * Starts a node on {@code port} with its data folder {@code data}; {@code options}
	 * are Spring options. Does not wait for it (see {@link #awaitReady}).
	 */
	public static NodeProcess start(int port, Path data, List<String> options) {
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx384m",
						"-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
						"org.broadsheet.BroadsheetApplication", "--server.port=" + port, "--broadsheet.data=" + data));
		command.addAll(options);
		try {
			var process = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.appendTo(data.resolve("node.log").toFile()))
				.start();
			return new NodeProcess(port, data, process);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Waits until the node's readiness probe answers 200.
	 * @return how long that took from now
	 */
	public Duration awaitReady(Duration atMost) {
		long start = System.nanoTime();
		Awaitility.await("node on port " + port + " ready (log: " + data.resolve("node.log") + ")")
			.atMost(atMost)
			.pollInterval(Duration.ofMillis(100))
			.ignoreExceptions()
			.until(() -> {
				if (!process.isAlive()) {
					throw new IllegalStateException(
							"node on port " + port + " exited: see " + data.resolve("node.log"));
				}
				return status("/actuator/health/readiness") == 200;
			});
		return Duration.ofNanos(System.nanoTime() - start);
	}

	/**
	 * @return the status of a GET of {@code path} on this node
	 */
	public int status(String path) throws IOException, InterruptedException {
		return HTTP
			.send(HttpRequest.newBuilder(URI.create(url() + path)).timeout(Duration.ofSeconds(5)).build(),
					HttpResponse.BodyHandlers.discarding())
			.statusCode();
	}

	/**
	 * @return the node's address, e.g. {@code http://127.0.0.1:8081}
	 */
	public String url() {
		return "http://127.0.0.1:" + port;
	}

	public int port() {
		return port;
	}

	/** SIGKILL: no shutdown hook runs, nothing is flushed. */
	public void kill() throws InterruptedException {
		process.destroyForcibly();
		process.waitFor(30, TimeUnit.SECONDS);
	}

	/** SIGTERM: the node drains and stops (graceful shutdown). */
	@Override
	public void close() {
		process.destroy();
		try {
			if (!process.waitFor(60, TimeUnit.SECONDS)) {
				process.destroyForcibly();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			process.destroyForcibly();
		}
	}

}
