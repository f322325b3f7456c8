package org.broadsheet.site;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A plain share link (no third-party script).
 *
 * @param network short key, used as CSS class: email, x, facebook, linkedin, telegram,
 * whatsapp
 * @param url the network's share URL with the page's URL and title as query parameters
 */
public record ShareLink(String network, String url) {

	/**
	 * @return links for sharing {@code pageUrl} (absolute) titled {@code title}
	 */
	static List<ShareLink> forPage(String pageUrl, String title) {
		String u = encode(pageUrl);
		String t = encode(title);
		return List.of(new ShareLink("email", "mailto:?subject=" + t + "&body=" + u),
				new ShareLink("x", "https://x.com/intent/post?url=" + u + "&text=" + t),
				new ShareLink("facebook", "https://www.facebook.com/sharer/sharer.php?u=" + u),
				new ShareLink("linkedin", "https://www.linkedin.com/sharing/share-offsite/?url=" + u),
				new ShareLink("telegram", "https://t.me/share/url?url=" + u + "&text=" + t),
				new ShareLink("whatsapp", "https://wa.me/?text=" + t + "%20" + u));
	}

	/**
	 * Percent-encoding for a query value; spaces as %20, which mailto: needs (RFC 6068).
	 */
	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
	}

}
