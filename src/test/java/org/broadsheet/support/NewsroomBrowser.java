package org.broadsheet.support;

import java.io.ByteArrayOutputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.StringJoiner;

import javax.net.ssl.SSLContext;

import org.jsoup.Jsoup;

/**
 * A browser for newsroom tests: keeps cookies, does not follow redirects, sends forms
 * with their CSRF token.
 */
public final class NewsroomBrowser {

	private final String base;

	private final HttpClient http;

	public NewsroomBrowser(RunningSite site) {
		this(site.url(""));
	}

	/**
	 * @param base the site's address, e.g. {@code http://127.0.0.1:8080}
	 */
	public NewsroomBrowser(String base) {
		this(base, null);
	}

	/**
	 * @param base the site's address, e.g. {@code https://localhost:8443}
	 * @param tls what this browser trusts for https (a test's own certificate), or null
	 * for the JDK's default
	 */
	public NewsroomBrowser(String base, SSLContext tls) {
		this.base = base;
		var builder = HttpClient.newBuilder()
			.cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NEVER);
		if (tls != null) {
			builder.sslContext(tls);
		}
		this.http = builder.build();
	}

	public HttpResponse<String> get(String path) {
		return send(HttpRequest.newBuilder(URI.create(base + path)).GET().build());
	}

	/** Posts a form, with the CSRF token of this browser's session. */
	public HttpResponse<String> post(String path, Map<String, String> fields) {
		var form = new StringJoiner("&");
		form.add("_csrf=" + encode(token()));
		fields.forEach((name, value) -> form.add(encode(name) + "=" + encode(value)));
		return send(HttpRequest.newBuilder(URI.create(base + path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form.toString()))
			.build());
	}

	/**
	 * Posts a multipart form with one file, the CSRF token in the query string (as the
	 * upload form does).
	 */
	public HttpResponse<String> upload(String path, String filename, byte[] content, Map<String, String> fields) {
		String boundary = "----broadsheet" + System.nanoTime();
		var body = new ByteArrayOutputStream();
		fields.forEach((name, value) -> write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\""
				+ name + "\"\r\n\r\n" + value + "\r\n"));
		write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
				+ "\"\r\nContent-Type: application/octet-stream\r\n\r\n");
		body.writeBytes(content);
		write(body, "\r\n--" + boundary + "--\r\n");
		return send(HttpRequest.newBuilder(URI.create(base + path + "?_csrf=" + encode(token())))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
			.build());
	}

	private static void write(ByteArrayOutputStream out, String text) {
		out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
	}

	/** Signs in; @return this browser */
	public NewsroomBrowser signIn(String email, String password) {
		var response = post("/login", Map.of("email", email, "password", password));
		if (!response.headers().firstValue("Location").orElse("").endsWith("/newsroom")) {
			throw new IllegalStateException("Sign-in failed for " + email + ": " + response.headers().map());
		}
		// As a browser does: the redirect's page gives the session its CSRF token
		// (signing
		// in drops the old one), which requests sent at once afterwards then share
		// instead
		// of each making its own.
		get("/newsroom");
		return this;
	}

	private String token() {
		var login = get("/login");
		var input = Jsoup.parse(login.body()).selectFirst("input[name=_csrf]");
		if (login.statusCode() != 200 || input == null) {
			throw new IllegalStateException("No CSRF token from /login: " + login.statusCode() + " " + login.body());
		}
		return input.val();
	}

	private HttpResponse<String> send(HttpRequest request) {
		return RunningSite.send(http, request);
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
