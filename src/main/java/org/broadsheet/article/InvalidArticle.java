package org.broadsheet.article;

import org.broadsheet.shared.InvalidInput;

/**
 * An article, or a value of one, that breaks {@link ArticleRules}: refused before
 * anything is written. {@link #field()} names the field ({@code title}, {@code tags[3]},
 * {@code authors[0].name}, {@code image.caption}, {@code published}, …) as the article's
 * interchange formats name it, and {@link #key()} the message in
 * {@code messages.properties} ({@code article.invalid.*}).
 */
public class InvalidArticle extends InvalidInput {

	private static final long serialVersionUID = 1L;

	/**
	 * @param field the field at fault, as named in the article's interchange formats
	 * @param key a key of {@code messages.properties}, e.g. {@code article.invalid.nul}
	 * @param arguments for the message's placeholders
	 */
	public InvalidArticle(String field, String key, Object... arguments) {
		super(field, key, arguments);
	}

}
