package org.broadsheet.interchange.wordpress;

import java.util.List;
import java.util.Map;

/**
 * What a WordPress eXtended RSS (WXR 1.0–1.2) export holds, entry by entry, as
 * {@link WxrReader} reads it. WXR is RSS 2.0 with WordPress's {@code wp:} elements
 * (https://wordpress.org/export/1.2/; WordPress's {@code wp-admin/includes/export.php}
 * writes it, the WordPress Importer plugin's {@code parsers/class-wxr-parser-xml.php}
 * reads it). Text is as the file has it: HTML stays HTML, dates stay strings. Absent
 * elements are empty strings.
 */
final class Wxr {

	private Wxr() {
	}

	/** One entry of the channel, in file order. */
	sealed interface Entry permits Author, Category, Tag, TaxonomyTerm, Item {

	}

	/**
	 * {@code wp:author}.
	 *
	 * @param id {@code wp:author_id}, the user's id (WordPress answers
	 * {@code ?author=ID}), or empty
	 */
	record Author(String id, String login, String email, String displayName, int line) implements Entry {
	}

	/**
	 * {@code wp:category}.
	 *
	 * @param termId {@code wp:term_id} (WXR 1.1 and later; WordPress answers
	 * {@code ?cat=ID}), or empty
	 * @param parent the parent's nicename, or empty for a top-level category
	 */
	record Category(String termId, String nicename, String name, String parent, String description,
			int line) implements Entry {
	}

	/**
	 * {@code wp:tag}.
	 *
	 * @param termId {@code wp:term_id} (WXR 1.1 and later; WordPress answers
	 * {@code ?tag_id=ID}), or empty
	 */
	record Tag(String termId, String slug, String name, int line) implements Entry {
	}

	/**
	 * {@code wp:term}: a term of another taxonomy, such as Co-Authors Plus's
	 * {@code author} terms.
	 *
	 * @param taxonomy {@code wp:term_taxonomy}, e.g. {@code author}, {@code nav_menu}
	 * @param description for Co-Authors Plus: "display name, first name, last name,
	 * login, id, email" joined by single spaces
	 */
	record TaxonomyTerm(String taxonomy, String slug, String name, String description, int line) implements Entry {
	}

	/**
	 * One {@code <category>} of an item.
	 *
	 * @param domain {@code category}, {@code post_tag}, {@code post_format},
	 * {@code nav_menu}, …; empty in hand-written files, read as a category
	 */
	record Term(String domain, String nicename, String name) {
	}

	/**
	 * {@code wp:comment}.
	 *
	 * @param approved {@code 1}, {@code 0}, {@code spam}, {@code trash}
	 * @param type empty or {@code comment} for comments; {@code pingback},
	 * {@code trackback}, …
	 * @param parent the parent comment's id, {@code 0} or empty for none
	 */
	record Comment(String id, String author, String authorEmail, String authorUrl, String dateGmt, String date,
			String content, String approved, String type, String parent) {
	}

	/**
	 * An {@code <item>}: a post, page, attachment, menu item, …
	 *
	 * @param line where the item starts, for messages
	 * @param meta {@code wp:postmeta} keys and values; a key given several times keeps
	 * every value
	 */
	record Item(int line, String title, String link, String pubDate, String guid, String creator, String content,
			String excerpt, String postId, String postDate, String postDateGmt, String modifiedGmt,
			String commentStatus, String postName, String status, String postParent, String postType, String password,
			String sticky, String attachmentUrl, List<Term> terms, Map<String, List<String>> meta,
			List<Comment> comments) implements Entry {

		/**
		 * @return the first value of a meta key, or empty
		 */
		String meta(String key) {
			List<String> values = meta.get(key);
			return values == null || values.isEmpty() ? "" : values.get(0);
		}

	}

}
