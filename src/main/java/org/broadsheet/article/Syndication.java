package org.broadsheet.article;

/**
 * Where a syndicated article first appeared.
 *
 * @param publication the original publication's name, e.g. "Carnegie Commentary"
 * @param note the sentence shown under the article, e.g. "The longer version of this commentary
 *        first appeared in Carnegie Commentary"
 * @param url the original's absolute http(s) URL, or null when unknown; when known the page's
 *        canonical URL points to it
 */
public record Syndication(String publication, String note, String url) {

	public Syndication {
		url = url == null || url.isBlank() ? null : url.strip();
	}

	/** @return whether the note already ends with sentence punctuation, so none need be added */
	public boolean noteEndsSentence() {
		return note != null && note.strip().matches("(?s).*[.!?…。؟]$");
	}

	/** @return whether the original's URL is known */
	public boolean hasOriginalUrl() {
		return url != null;
	}

}
