package org.broadsheet.webhook;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;

import org.broadsheet.shared.InvalidInput;
import org.broadsheet.shared.PublicAddresses;

/**
 * Where deliveries may go: absolute {@code http} or {@code https} URLs without
 * credentials, at most {@value #MAX_URL} characters, whose host resolves to public
 * addresses only ({@link PublicAddresses}, the rule fediverse fetches follow too). A
 * subscription to a loopback, private, link-local or metadata address would let whoever
 * manages webhooks make the server call its own network (server-side request forgery);
 * {@code
 * broadsheet.webhooks.allow-private-addresses=true} allows them (tests, receivers on an
 * internal network). Addresses are checked when a URL is given and again before each
 * attempt, since a name may resolve elsewhere later.
 */
final class Targets {

	/** Longest URL, in characters. */
	static final int MAX_URL = 2000;

	private static final String UNKNOWN = "unknown host ";

	private Targets() {
	}

	/**
	 * @return the URL, stripped, with a lower-case scheme
	 * @throws InvalidInput naming {@code url} when it is malformed or goes where it may
	 * not
	 */
	static URI check(String url, boolean allowPrivate) {
		String stripped = url == null ? "" : url.strip();
		URI uri;
		try {
			uri = new URI(stripped);
		}
		catch (URISyntaxException ex) {
			throw new InvalidInput("url", "webhook.invalid.url", MAX_URL);
		}
		String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
		if (stripped.isEmpty() || stripped.length() > MAX_URL || !(scheme.equals("http") || scheme.equals("https"))
				|| uri.getHost() == null || uri.getRawUserInfo() != null) {
			throw new InvalidInput("url", "webhook.invalid.url", MAX_URL);
		}
		String refusal = refusal(uri, allowPrivate);
		if (refusal != null) {
			throw new InvalidInput("url",
					refusal.startsWith(UNKNOWN) ? "webhook.invalid.host" : "webhook.invalid.address", uri.getHost());
		}
		return URI.create(scheme + stripped.substring(scheme.length()));
	}

	/**
	 * @return why deliveries may not go to {@code uri}'s host now, or null when they may
	 */
	static String refusal(URI uri, boolean allowPrivate) {
		InetAddress[] addresses;
		try {
			addresses = InetAddress.getAllByName(uri.getHost());
		}
		catch (UnknownHostException ex) {
			return UNKNOWN + uri.getHost();
		}
		if (allowPrivate) {
			return null;
		}
		for (InetAddress address : addresses) {
			if (!PublicAddresses.isPublic(address)) {
				return "private address " + address.getHostAddress();
			}
		}
		return null;
	}

}
