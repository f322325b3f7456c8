package org.broadsheet.author;

import java.util.Arrays;
import java.util.List;

import org.broadsheet.shared.Permalinks;

/**
 * An author as readers see them: byline name and the profile shown in the bio box.
 *
 * @param slug unique, in the writer's script; the author page is {@link #path()}
 * @param title job title, e.g. "Senior fellow"; may be null
 * @param affiliation organisation, e.g. "Carnegie Moscow Centre"; may be null
 * @param bio plain-text biography shown under the article; may be null
 * @param photoKey storage key of the portrait in the media library, or null
 * @param links the author's own pages, one absolute http(s) URL a line; may be null
 */
public record Author(long id, String slug, String name, String title, String affiliation, String bio, String photoKey,
		String links) {

	/** An author known by name only (not stored yet). */
	public Author(long id, String slug, String name, String title, String affiliation, String bio) {
		this(id, slug, name, title, affiliation, bio, null, null);
	}

	/**
	 * @return the author page's path, percent-encoded (RFC 3986)
	 */
	public String path() {
		return Permalinks.author(slug);
	}

	/**
	 * @return the portrait's path, or null
	 */
	public String photoUrl() {
		return photoKey == null ? null : "/media/" + photoKey;
	}

	/**
	 * @return the links, in order
	 */
	public List<String> linkList() {
		return links == null ? List.of()
				: Arrays.stream(links.split("\\R")).map(String::strip).filter(l -> !l.isEmpty()).toList();
	}

}
