package org.broadsheet.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import com.sun.net.httpserver.HttpServer;

/**
 * A real HTTP receiver on a random local port: records every request (headers, body) and
 * answers 500 to the first {@link #failNext} requests (or all, while
 * {@link #failAlways}), 204 otherwise.
 */
public final class WebhookReceiver implements AutoCloseable {

	/** A request as it arrived; {@code status} is what it was answered. */
	public record Received(Map<String, List<String>> headers, String body, int status) {

		public String header(String name) {
			return headers.entrySet()
				.stream()
				.filter(e -> e.getKey().equalsIgnoreCase(name))
				.map(e -> e.getValue().get(0))
				.findFirst()
				.orElse(null);
		}

		public String id() {
			return header("webhook-id");
		}

		public boolean ok() {
			return status < 300;
		}

	}

	private final HttpServer server;

	private final List<Received> received = new ArrayList<>();

	public final AtomicInteger failNext = new AtomicInteger();

	public volatile boolean failAlways;

	public WebhookReceiver() {
		try {
			server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		server.createContext("/hook", exchange -> {
			String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
			boolean fail = failAlways || failNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
			int status = fail ? 500 : 204;
			synchronized (received) {
				received.add(new Received(new HashMap<>(exchange.getRequestHeaders()), body, status));
				received.notifyAll();
			}
			exchange.sendResponseHeaders(status, -1);
			exchange.close();
		});
		server.start();
	}

	public String url() {
		return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
	}

	public List<Received> all() {
		synchronized (received) {
			return List.copyOf(received);
		}
	}

	/**
	 * Waits until {@code count} requests matching {@code which} have arrived.
	 * @return them, in arrival order
	 * @throws AssertionError after {@code atMost}
	 */
	public List<Received> await(Predicate<Received> which, int count, Duration atMost) {
		long deadline = System.nanoTime() + atMost.toNanos();
		synchronized (received) {
			while (true) {
				List<Received> matching = received.stream().filter(which).toList();
				if (matching.size() >= count) {
					return matching;
				}
				long left = deadline - System.nanoTime();
				if (left <= 0) {
					throw new AssertionError("expected " + count + " matching requests within " + atMost + ", got "
							+ matching.size() + " of " + received.size());
				}
				try {
					received.wait(Math.max(1, left / 1_000_000));
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					throw new AssertionError(ex);
				}
			}
		}
	}

	@Override
	public void close() {
		server.stop(0);
	}

}
