package org.broadsheet.article;

import org.broadsheet.shared.Links;

/**
 * Where a syndicated article first appeared.
 *
 * @param publication the original publication's name, e.g. "Carnegie Commentary"
 * @param note the sentence shown under the article, e.g. "The longer version of this
 * commentary first appeared in Carnegie Commentary"
 * @param url the original's absolute http(s) URL, or null when unknown; when known the
 * page's canonical URL points to it
 */
public record Syndication(String publication, String note, String url) {

	/** Longest publication name, note and URL, in characters. */
	public static final int MAX_PUBLICATION = 300;

	public static final int MAX_NOTE = 1_000;

	public static final int MAX_URL = 2_000;

	/**
	 * @throws IllegalArgumentException naming the field: too long, or a URL that is not
	 * absolute http(s)
	 */
	public Syndication {
		url = url == null || url.isBlank() ? null : url.strip();
		check("syndication.publication", publication, MAX_PUBLICATION);
		check("syndication.note", note, MAX_NOTE);
		check("syndication.url", url, MAX_URL);
		if (url != null && !Links.isWebUrl(url)) {
			throw new InvalidArticle("syndication.url", "article.invalid.syndication-url", url);
		}
	}

	private static void check(String field, String value, int max) {
		if (value != null && value.length() > max) {
			throw new InvalidArticle(field, "article.invalid.too-long", max, value.length());
		}
	}

	/**
	 * @return whether the note already ends with sentence punctuation, so none need be
	 * added
	 */
	public boolean noteEndsSentence() {
		return note != null && note.strip().matches("(?s).*[.!?…。؟]$");
	}

	/**
	 * @return whether the original's URL is known
	 */
	public boolean hasOriginalUrl() {
		return url != null;
	}

}
