package org.broadsheet.article;

import org.broadsheet.shared.Conflict;

/**
 * An article action refused because of the article's stored state, not the input: a
 * status that does not allow it ({@code status}), nothing scheduled to cancel, or a slug
 * another article in the section holds ({@code slug}). An API answers 409.
 */
public class ArticleConflict extends InvalidArticle implements Conflict {

	private static final long serialVersionUID = 1L;

	/**
	 * @param field the field at fault, e.g. {@code status} or {@code slug}
	 * @param key a key of {@code messages.properties}
	 * @param arguments for the message's placeholders
	 */
	public ArticleConflict(String field, String key, Object... arguments) {
		super(field, key, arguments);
	}

}
