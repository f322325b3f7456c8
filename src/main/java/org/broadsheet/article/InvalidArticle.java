package org.broadsheet.article;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * An article, or a value of one, that breaks {@link ArticleRules}: refused before anything is
 * written. {@link #field()} names the field ({@code title}, {@code tags[3]}, {@code authors[0].name},
 * {@code image.caption}, {@code published}, …) and {@link #key()} the message in
 * {@code messages.properties} ({@code article.invalid.*}), with {@link #arguments()} for its
 * placeholders. The message reads {@code field: text} in the site's default (English) wording.
 * It is an {@link IllegalArgumentException}, so every caller that already refuses bad arguments
 * (the newsroom's 400, an import's skipped entry) handles it.
 */
public class InvalidArticle extends IllegalArgumentException {

	private static final String BUNDLE = "messages";

	private final String field;

	private final String key;

	private final transient Object[] arguments;

	/**
	 * @param field the field at fault, as named in the article's interchange formats
	 * @param key a key of {@code messages.properties}, e.g. {@code article.invalid.nul}
	 * @param arguments for the message's placeholders
	 */
	public InvalidArticle(String field, String key, Object... arguments) {
		super(field + ": " + text(key, arguments));
		this.field = field;
		this.key = key;
		this.arguments = arguments.clone();
	}

	/** @return the field at fault, e.g. {@code tags} or {@code tags[3]} */
	public String field() {
		return field;
	}

	/** @return the message key in {@code messages.properties} */
	public String key() {
		return key;
	}

	/** @return the message's arguments */
	public Object[] arguments() {
		return arguments.clone();
	}

	/** @return the problem without the field, e.g. "contains a NUL character" */
	public String problem() {
		return text(key, arguments);
	}

	private static String text(String key, Object[] arguments) {
		String pattern = ResourceBundle.getBundle(BUNDLE, Locale.ROOT).getString(key);
		return new MessageFormat(pattern, Locale.ROOT).format(arguments);
	}

}
