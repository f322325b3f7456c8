package org.broadsheet.shared;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * Input that breaks a rule, refused before anything is written: {@link #field()} names
 * the field at fault ({@code email}, {@code tags[3]}, {@code goLiveAt}, …) and
 * {@link #key()} the message in {@code messages.properties}, with {@link #arguments()}
 * for its placeholders, so that a page can show it beside the field in the reader's
 * language. The exception's message reads {@code field: text} in the site's default
 * (English) wording, for logs and commands. It is an {@link IllegalArgumentException}, so
 * every caller that refuses bad arguments handles it.
 */
public class InvalidInput extends IllegalArgumentException {

	private static final long serialVersionUID = 1L;

	private static final String BUNDLE = "messages";

	private final String field;

	private final String key;

	private final transient Object[] arguments;

	/**
	 * @param field the field at fault, as the form or file names it
	 * @param key a key of {@code messages.properties}, e.g. {@code account.invalid.email}
	 * @param arguments for the message's placeholders ({@link MessageFormat})
	 */
	public InvalidInput(String field, String key, Object... arguments) {
		super(field + ": " + text(key, arguments));
		this.field = field;
		this.key = key;
		this.arguments = arguments.clone();
	}

	/**
	 * @return the field at fault, e.g. {@code email} or {@code tags[3]}
	 */
	public String field() {
		return field;
	}

	/**
	 * @return the message key in {@code messages.properties}
	 */
	public String key() {
		return key;
	}

	/**
	 * @return the message's arguments
	 */
	public Object[] arguments() {
		return arguments.clone();
	}

	/**
	 * @return the problem without the field, in the default wording, e.g. "must be in the
	 * future"
	 */
	public String problem() {
		return text(key, arguments);
	}

	/**
	 * @param key a key of {@code messages.properties}
	 * @param arguments for the message's placeholders ({@link MessageFormat})
	 * @return the message in the site's default (English) wording
	 */
	public static String text(String key, Object... arguments) {
		String pattern = ResourceBundle.getBundle(BUNDLE, Locale.ROOT).getString(key);
		return new MessageFormat(pattern, Locale.ROOT).format(arguments);
	}

}
