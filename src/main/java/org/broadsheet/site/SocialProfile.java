package org.broadsheet.site;

import java.net.URI;
import java.util.Locale;
import java.util.Map;

/**
 * A link to the outlet's profile elsewhere, as the footer shows it.
 *
 * @param url absolute http(s) URL
 * @param network the known network it is on ({@code social.<network>} names it, and the
 * footer's class {@code social-<network>} draws its icon), or null for another site
 * @param host the URL's host without {@code www.}, shown for another site
 */
public record SocialProfile(String url, String network, String host) {

	/** Hosts of the networks with a name and an icon. */
	private static final Map<String, String> NETWORKS = Map.ofEntries(Map.entry("x.com", "x"),
			Map.entry("twitter.com", "x"), Map.entry("facebook.com", "facebook"),
			Map.entry("instagram.com", "instagram"), Map.entry("youtube.com", "youtube"),
			Map.entry("linkedin.com", "linkedin"), Map.entry("bsky.app", "bluesky"),
			Map.entry("threads.net", "threads"), Map.entry("tiktok.com", "tiktok"), Map.entry("t.me", "telegram"),
			Map.entry("github.com", "github"));

	/**
	 * @param url an absolute http(s) URL (the settings checked it)
	 * @return the profile, its network recognized by host
	 */
	static SocialProfile of(String url) {
		String host = URI.create(url).getHost().toLowerCase(Locale.ROOT);
		host = host.startsWith("www.") ? host.substring(4) : host;
		return new SocialProfile(url, NETWORKS.get(host), host);
	}

}
