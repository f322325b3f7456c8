package org.broadsheet.newsletter.mail;

import java.util.Locale;

import org.springframework.context.MessageSource;

/**
 * The texts of the e-mails, in the site's language ({@code messages*.properties}, keys
 * {@code newsletter.mail.*}), for the templates and the plain-text part.
 */
public record MailWords(MessageSource messages, Locale locale) {

	/**
	 * @return the message for {@code key} with {@code args} filled in
	 */
	public String t(String key, Object... args) {
		return messages.getMessage(key, args, locale);
	}

	/**
	 * @return what stands before name {@code index} of {@code count} in a byline: "", ",
	 * " or " and "
	 */
	public String separator(int index, int count) {
		return index == 0 ? "" : index == count - 1 ? t("byline.and") : ", ";
	}

}
