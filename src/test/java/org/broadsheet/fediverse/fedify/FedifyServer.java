package org.broadsheet.fediverse.fedify;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.broadsheet.fediverse.signature.FedifyPeer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Fedify peer ({@code src/test/fedify/peer.mjs}) as a child process: {@code node
 * peer.mjs} with {@code NODE_EXTRA_CA_CERTS} naming the site's certificate, listening on
 * 127.0.0.1 at the port it prints; driven through its JSON control API
 * ({@code /control/...}). Its standard error goes to a file whose text is in every
 * failure.
 */
final class FedifyServer implements AutoCloseable {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final Process process;

	private final Path errors;

	private final String base;

	private FedifyServer(Process process, Path errors, int port) {
		this.process = process;
		this.errors = errors;
		this.base = "http://127.0.0.1:" + port;
	}

	/**
	 * Installs the peer's packages when needed ({@code npm ci}) and starts it.
	 * @param trusted PEM certificate that the peer trusts for https (the site's)
	 */
	static FedifyServer start(Path trusted) throws IOException, InterruptedException {
		FedifyPeer.install();
		Path errors = Files.createTempFile("fedify-peer", ".err");
		var builder = new ProcessBuilder("node", "peer.mjs").directory(FedifyPeer.HARNESS.toFile())
			.redirectError(errors.toFile());
		builder.environment().put("NODE_EXTRA_CA_CERTS", trusted.toAbsolutePath().toString());
		Process process = builder.start();
		String line = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))
			.readLine();
		if (line == null) {
			process.waitFor(10, TimeUnit.SECONDS);
			throw new AssertionError("the Fedify peer did not start: " + Files.readString(errors));
		}
		return new FedifyServer(process, errors, JSON.readTree(line).get("port").asInt());
	}

	/** The peer's address, e.g. {@code http://127.0.0.1:41234}. */
	String base() {
		return base;
	}

	/** The peer's actor, alice. */
	String alice() {
		return base + "/users/alice";
	}

	/**
	 * @param operation a control operation of peer.mjs ({@code follow}, {@code reply}, …)
	 * @param body its JSON parameters
	 * @return its JSON answer; an error of the peer fails the test with its message
	 */
	JsonNode control(String operation, Map<String, ?> body) {
		var response = send(HttpRequest.newBuilder(URI.create(base + "/control/" + operation))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
		if (response.statusCode() != 200) {
			throw new AssertionError("peer " + operation + ": " + response.statusCode() + " " + response.body()
					+ "\npeer's stderr:\n" + stderr());
		}
		return JSON.readTree(response.body());
	}

	/**
	 * @return {@code received} (activities the inbox took, as Fedify parsed them),
	 * {@code inbound} and {@code sent} (signature style and status of each request in and
	 * out)
	 */
	JsonNode received() {
		return JSON.readTree(send(HttpRequest.newBuilder(URI.create(base + "/control/received")).GET()).body());
	}

	HttpResponse<String> send(HttpRequest.Builder request) {
		try {
			return http.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new AssertionError("peer unreachable: " + ex + "\n" + stderr(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError(ex);
		}
	}

	String stderr() {
		try {
			return Files.readString(errors);
		}
		catch (IOException ex) {
			return ex.toString();
		}
	}

	@Override
	public void close() throws IOException, InterruptedException {
		process.destroy();
		if (!process.waitFor(10, TimeUnit.SECONDS)) {
			process.destroyForcibly();
		}
		Files.deleteIfExists(errors);
	}

}
