package org.broadsheet.fediverse.signature;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Fedify harness in {@code src/test/fedify} (package.json pins
 * {@code @fedify/fedify}), run under the machine's Node.js: {@code npm ci} once (again
 * only when package-lock.json is newer than the installed tree), then
 * {@code node harness.mjs} with a batch of jobs.
 */
public final class FedifyPeer {

	public static final Path HARNESS = Path.of("src", "test", "fedify");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private FedifyPeer() {
	}

	/**
	 * @return null when Node.js and npm are usable here, else why not (the test is
	 * skipped)
	 */
	public static String unavailable() {
		for (String tool : List.of("node", "npm")) {
			try {
				Process process = new ProcessBuilder(tool, "--version").redirectErrorStream(true).start();
				process.getInputStream().readAllBytes();
				if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
					return tool + " --version failed";
				}
			}
			catch (IOException ex) {
				return tool + " is not installed (Node.js 20+ with npm runs the Fedify peer)";
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return "interrupted";
			}
		}
		return null;
	}

	/**
	 * Runs {@code npm ci} unless node_modules is already installed from the current lock
	 * file.
	 */
	public static synchronized void install() throws IOException, InterruptedException {
		Path installed = HARNESS.resolve("node_modules").resolve(".package-lock.json");
		Path lock = HARNESS.resolve("package-lock.json");
		if (Files.exists(installed)
				&& Files.getLastModifiedTime(installed).compareTo(Files.getLastModifiedTime(lock)) >= 0) {
			return;
		}
		long start = System.nanoTime();
		String output = run(List.of("npm", "ci", "--no-audit", "--no-fund"), null, 600);
		System.out.printf("FedifyPeer: npm ci took %d s%n%s%n", (System.nanoTime() - start) / 1_000_000_000L, output);
	}

	/**
	 * @param jobs the harness's jobs (see harness.mjs)
	 * @return one result per job, in order
	 */
	static List<JsonNode> run(List<Map<String, Object>> jobs) throws IOException, InterruptedException {
		install();
		String output = run(List.of("node", "harness.mjs"), JSON.writeValueAsString(Map.of("jobs", jobs)), 120);
		JsonNode results = JSON.readTree(output).path("results");
		List<JsonNode> list = new java.util.ArrayList<>();
		results.forEach(list::add);
		for (JsonNode result : list) {
			if (result.has("error")) {
				throw new AssertionError("the Fedify harness failed: " + result.path("error").asString());
			}
		}
		return list;
	}

	private static String run(List<String> command, String input, int seconds)
			throws IOException, InterruptedException {
		Path errors = Files.createTempFile("fedify", ".err");
		try {
			Process process = new ProcessBuilder(command).directory(HARNESS.toFile())
				.redirectError(errors.toFile())
				.start();
			if (input != null) {
				process.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
			}
			process.getOutputStream().close();
			String output;
			try (InputStream out = process.getInputStream()) {
				output = new String(out.readAllBytes(), StandardCharsets.UTF_8);
			}
			if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				throw new AssertionError(command + " took more than " + seconds + " s");
			}
			if (process.exitValue() != 0) {
				throw new AssertionError(command + " exited " + process.exitValue() + ": " + Files.readString(errors));
			}
			return output;
		}
		finally {
			Files.deleteIfExists(errors);
		}
	}

}
