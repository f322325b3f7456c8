package org.broadsheet.support;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * A reader's browser for comment and like tests: keeps its cookies, does not follow
 * redirects, and sends the article page's forms with the tokens the page carried.
 */
public final class ReaderBrowser {

	private final RunningSite site;

	private final HttpClient http;

	private Map<String, String> hidden = Map.of();

	public ReaderBrowser(RunningSite site) {
		this.site = site;
		this.http = HttpClient.newBuilder()
			.cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
	}

	/**
	 * Opens a page and remembers the hidden fields of its comment form (CSRF and timing
	 * tokens).
	 */
	public Document open(String path) {
		var response = send(HttpRequest.newBuilder(URI.create(site.url(path))).GET().build());
		return remember(Jsoup.parse(response.body(), site.url(path)));
	}

	/**
	 * @return the value of a hidden field of the form seen last (e.g. {@code token}), or
	 * null
	 */
	public String field(String name) {
		return hidden.get(name);
	}

	private Document remember(Document page) {
		Map<String, String> fields = new LinkedHashMap<>();
		page.select("form#respond input[type=hidden], form#like input[type=hidden]")
			.forEach(input -> fields.put(input.attr("name"), input.val()));
		hidden = fields;
		return page;
	}

	/**
	 * Posts the comment form of the page seen last, with these fields added (they win),
	 * then sees the next page as a browser would: the article after a redirect, else the
	 * page answered. Each form token sends one comment, so the next comment goes with the
	 * next page's form.
	 */
	public HttpResponse<String> comment(String articlePath, Map<String, String> fields) {
		Map<String, String> all = new LinkedHashMap<>(hidden);
		all.remove("parent");
		all.putAll(fields);
		var response = post(articlePath + "/comments", all);
		if (response.statusCode() == 302) {
			open(articlePath);
		}
		else {
			remember(Jsoup.parse(response.body(), site.url(articlePath)));
		}
		return response;
	}

	/**
	 * Likes an article as the form would (page opened last), asking for JSON when
	 * {@code json}.
	 */
	public HttpResponse<String> like(String articlePath, boolean json) {
		Map<String, String> all = new LinkedHashMap<>();
		all.put("_csrf", hidden.getOrDefault("_csrf", ""));
		var request = form(articlePath + "/like", all);
		if (json) {
			request.header("Accept", "application/json");
		}
		return send(request.build());
	}

	/** Posts any form fields as they are (no tokens added). */
	public HttpResponse<String> post(String path, Map<String, String> fields) {
		return send(form(path, fields).build());
	}

	private HttpRequest.Builder form(String path, Map<String, String> fields) {
		var body = new StringJoiner("&");
		fields.forEach((name, value) -> body.add(encode(name) + "=" + encode(value)));
		return HttpRequest.newBuilder(URI.create(site.url(path)))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body.toString()));
	}

	private HttpResponse<String> send(HttpRequest request) {
		return RunningSite.send(http, request);
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
