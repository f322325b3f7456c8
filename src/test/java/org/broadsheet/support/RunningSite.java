package org.broadsheet.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.broadsheet.BroadsheetApplication;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The real application on a random port, as a reader reaches it: over HTTP, redirects not
 * followed.
 */
public final class RunningSite implements AutoCloseable {

	private final ConfigurableApplicationContext context;

	private final String base;

	private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	private RunningSite(ConfigurableApplicationContext context) {
		this.context = context;
		this.base = "http://localhost:" + context.getEnvironment().getProperty("local.server.port");
	}

	/**
	 * Starts the site on {@code data}, with demo content off; {@code options} are Spring
	 * options.
	 */
	public static RunningSite start(Path data, String... options) {
		return start(data, null, options);
	}

	/**
	 * Starts the site on {@code data}, with demo content off, reading the time from
	 * {@code clock} (the system's when null); {@code options} are Spring options.
	 */
	public static RunningSite start(Path data, Clock clock, String... options) {
		return startWith(data, context -> {
			if (clock != null) {
				context.getBeanFactory().registerSingleton("testClock", clock);
			}
		}, options);
	}

	/**
	 * Starts the site on {@code data}, with demo content off, after {@code setup} has
	 * prepared its context (a test's own beans, e.g. a counting bean post-processor);
	 * {@code options} are Spring options.
	 */
	public static RunningSite startWith(Path data, ApplicationContextInitializer<ConfigurableApplicationContext> setup,
			String... options) {
		List<String> args = new ArrayList<>(
				List.of("--server.port=0", "--broadsheet.data=" + data, "--broadsheet.demo.enabled=false"));
		args.addAll(List.of(options));
		return new RunningSite(new SpringApplicationBuilder(BroadsheetApplication.class).initializers(setup)
			.run(args.toArray(String[]::new)));
	}

	/** A response with its body parsed as HTML. */
	public record Page(int status, HttpResponse<String> response, Document html) {

		public String header(String name) {
			return response.headers().firstValue(name).orElse(null);
		}

	}

	/**
	 * @param path absolute path, percent-encoded
	 * @param headers request header names and values, alternating
	 */
	public Page get(String path, String... headers) {
		var request = HttpRequest.newBuilder(URI.create(base + path)).GET();
		if (headers.length > 0) {
			request.headers(headers);
		}
		var response = send(http, request.build());
		return new Page(response.statusCode(), response, Jsoup.parse(response.body(), base + path));
	}

	/**
	 * Sends a request and reads the body as text, failing the test on an I/O error.
	 */
	public static HttpResponse<String> send(HttpClient http, HttpRequest request) {
		try {
			return http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	public String url(String path) {
		return base + path;
	}

	/**
	 * @return the port the site listens on
	 */
	public int port() {
		return Integer.parseInt(base.substring(base.lastIndexOf(':') + 1));
	}

	public <T> T bean(Class<T> type) {
		return context.getBean(type);
	}

	@Override
	public void close() {
		context.close();
	}

}
