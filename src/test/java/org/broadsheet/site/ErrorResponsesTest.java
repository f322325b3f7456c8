package org.broadsheet.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.broadsheet.support.RunningSite;
import org.broadsheet.support.TestDatabases;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Requests refused before any controller (by Tomcat, by Spring Security's firewall, by
 * the parameter check) still get the site's error page and the security headers, and
 * leave at most a short line in the log. Sent over raw sockets: HTTP clients refuse to
 * send most of them.
 */
@ExtendWith(OutputCaptureExtension.class)
class ErrorResponsesTest {

	static RunningSite site;

	@BeforeAll
	static void start() {
		site = RunningSite.start(TestDatabases.newDataFolder());
	}

	@AfterAll
	static void stop() {
		site.close();
	}

	/** A raw response: status, headers (lower-case names) and body. */
	record Raw(int status, Map<String, String> headers, String body) {
	}

	/**
	 * Sends {@code requestLine} and a Host header as they are, and reads the whole
	 * response.
	 */
	static Raw send(String requestLine) {
		URI base = URI.create(site.url("/"));
		try (var socket = new Socket(base.getHost(), base.getPort())) {
			socket.setSoTimeout(10_000);
			socket.getOutputStream()
				.write((requestLine + "\r\nHost: localhost\r\nConnection: close\r\n\r\n")
					.getBytes(StandardCharsets.ISO_8859_1));
			String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			String head = response.substring(0, response.indexOf("\r\n\r\n"));
			String[] lines = head.split("\r\n");
			Map<String, String> headers = new LinkedHashMap<>();
			for (int i = 1; i < lines.length; i++) {
				int colon = lines[i].indexOf(':');
				headers.put(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT),
						lines[i].substring(colon + 1).strip());
			}
			return new Raw(Integer.parseInt(lines[0].split(" ")[1]), headers, response.substring(head.length() + 4));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static final List<String> REFUSED = List.of("GET // HTTP/1.1", "GET /%2e%2e/x HTTP/1.1", "GET /a;b/c HTTP/1.1",
			"GET /%zz HTTP/1.1", "GET /a|b<c> HTTP/1.1", "GET /news/%00 HTTP/1.1", "GET /?q=%zz HTTP/1.1",
			"GET /search?q=%E0%A4 HTTP/1.1", "GET /feed/rss?section=%00 HTTP/1.1", "GET /a%2F..%2Fb HTTP/1.1");

	@Test
	void everyRefusalIsTheSitesPageWithTheSecurityHeaders() {
		for (String request : REFUSED) {
			Raw raw = send(request);
			assertThat(raw.status()).as(request).isEqualTo(400);
			assertThat(raw.headers().get("content-security-policy")).as(request).contains("script-src 'self'");
			assertThat(raw.headers()).as(request)
				.containsEntry("x-frame-options", "SAMEORIGIN")
				.containsEntry("x-content-type-options", "nosniff");
			var page = Jsoup.parse(raw.body());
			assertThat(page.title()).as(request).isEqualTo("Bad request – The Broadsheet Review");
			assertThat(page.select("header.masthead nav.sections")).as(request).hasSize(1);
			assertThat(raw.body()).as(request).doesNotContain("Apache Tomcat", "HTTP Status 400");
		}
	}

	@Test
	void malformedRequestsLeaveNoStackTraceAndNoError(CapturedOutput output) {
		int before = output.getAll().length();
		for (int i = 0; i < 5; i++) {
			for (String request : REFUSED) {
				assertThat(send(request).status()).as(request).isGreaterThanOrEqualTo(400);
			}
		}
		assertThat(output.getAll().substring(before)).doesNotContain("ERROR", "Exception", "\tat ");
	}

}
