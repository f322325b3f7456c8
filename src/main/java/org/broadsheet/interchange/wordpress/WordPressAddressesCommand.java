package org.broadsheet.interchange.wordpress;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Function;

import org.broadsheet.shared.Links;
import org.broadsheet.shared.OfflineCommand;
import org.springframework.context.ConfigurableApplicationContext;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code wordpress-addresses [--site URL] [--check BASE_URL] [--failures]}: the migration
 * report of WordPress imports. It lists every old address an import remembered (post
 * links, {@code ?p=ID}, the permalink structure's addresses, pages, attachment pages,
 * archives and feeds) with where it answers now, one line each, tab-separated:
 * {@code status, old URL, address now}. Without {@code --check} the status is what the
 * table says (301, or 404 when its article or page is not public); with {@code --check}
 * each old address is requested from a running Broadsheet over HTTP (redirects not
 * followed; a 301 or 308 is followed once) so an editor sees exactly what readers will
 * get before switching DNS. Exit code 0, or 1 when {@code --check} found an address that
 * does not answer 200 or one redirect to a 200.
 */
@Command(name = "wordpress-addresses", mixinStandardHelpOptions = true,
		description = "List every old address of imported WordPress sites (permalinks, ?p=ID, pages, attachments, "
				+ "archives, feeds) and where it answers now; with --check, ask a running site over HTTP.")
public class WordPressAddressesCommand extends OfflineCommand {

	@Option(names = "--site", paramLabel = "URL",
			description = "only the import of this WordPress site (its wp:base_blog_url, e.g. https://example.com)")
	String site;

	@Option(names = "--check", paramLabel = "BASE_URL",
			description = "request each old address from this running Broadsheet (e.g. http://localhost:8080)")
	String check;

	@Option(names = "--failures", description = "list only the addresses that do not reach a page")
	boolean failuresOnly;

	/**
	 * @param context starts the application, given Spring options, without its web server
	 */
	public WordPressAddressesCommand(Function<String[], ConfigurableApplicationContext> context) {
		super(context);
	}

	/** What an old address answers: its status, and where a redirect leads. */
	record Answer(int status, String location, boolean reaches) {
	}

	@Override
	protected int run(ConfigurableApplicationContext app, PrintWriter out, PrintWriter err) {
		if (check != null && !Links.isWebUrl(check)) {
			err.println("refused  --check: an absolute http(s) address, not '" + check + "'");
			return 2;
		}
		var addresses = app.getBean(WordPressAddresses.class);
		var entries = addresses.list(site == null ? null : "wxr:" + site.strip());
		HttpClient http = check == null ? null
				: HttpClient.newBuilder()
					.followRedirects(HttpClient.Redirect.NEVER)
					.connectTimeout(Duration.ofSeconds(10))
					.build();
		int direct = 0;
		int redirected = 0;
		int failed = 0;
		for (var entry : entries) {
			Answer answer = http == null
					? entry.target().map(t -> new Answer(301, t, true)).orElse(new Answer(404, "", false))
					: request(http, check, entry.oldUrl());
			if (!answer.reaches()) {
				failed++;
			}
			else if (answer.status() == 200) {
				direct++;
			}
			else {
				redirected++;
			}
			if (!failuresOnly || !answer.reaches()) {
				out.println(answer.status() + "\t" + entry.oldUrl() + "\t" + answer.location());
			}
		}
		out.printf("%d old addresses: %d answer 200, %d one redirect to a page, %d reach no page%s%n", entries.size(),
				direct, redirected, failed, http == null ? " (from the table; --check asks the site)" : "");
		return http != null && failed > 0 ? 1 : 0;
	}

	/**
	 * Requests {@code oldUrl}'s path and query from {@code base}; a redirect is followed
	 * once and reaches a page only if that answers 200.
	 */
	static Answer request(HttpClient http, String base, String oldUrl) {
		try {
			URI first = URI.create(trimmed(base) + pathAndQuery(oldUrl));
			var response = get(http, first);
			int status = response.statusCode();
			if (status == 200) {
				return new Answer(200, "", true);
			}
			String location = response.headers().firstValue("Location").orElse("");
			if ((status == 301 || status == 308) && !location.isEmpty()) {
				int then = get(http, first.resolve(location)).statusCode();
				return new Answer(status, location + (then == 200 ? "" : " → " + then), then == 200);
			}
			return new Answer(status, location, false);
		}
		catch (IllegalArgumentException | IOException ex) {
			return new Answer(0, "cannot request: " + ex.getMessage(), false);
		}
	}

	private static HttpResponse<Void> get(HttpClient http, URI uri) throws IOException {
		try {
			return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).GET().build(),
					HttpResponse.BodyHandlers.discarding());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException(ex);
		}
	}

	/**
	 * @return the path and query of an absolute URL (the fragment dropped)
	 */
	static String pathAndQuery(String url) {
		String raw = url.strip();
		int hash = raw.indexOf('#');
		if (hash >= 0) {
			raw = raw.substring(0, hash);
		}
		int scheme = raw.indexOf("://");
		if (scheme < 0) {
			return raw.startsWith("/") ? raw : "/" + raw;
		}
		int slash = raw.indexOf('/', scheme + 3);
		int question = raw.indexOf('?', scheme + 3);
		if (slash < 0 || question >= 0 && question < slash) {
			return "/" + (question < 0 ? "" : raw.substring(question));
		}
		return raw.substring(slash);
	}

	private static String trimmed(String base) {
		String b = base.strip();
		return b.endsWith("/") ? b.substring(0, b.length() - 1) : b;
	}

}
