package org.broadsheet.newsletter.subscription;

import java.util.Locale;

import org.broadsheet.shared.EmailAddress;
import org.broadsheet.shared.InvalidInput;

/**
 * The rules for a subscriber's address and name, in one place for every way in (the
 * sign-up form, the newsroom's CSV import): checked before anything is written, and each
 * refusal names its field.
 */
public final class SubscriberInput {

	/** The longest display name ({@code subscriber.name}). */
	public static final int MAX_NAME = 200;

	/** The longest source address kept in the consent record. */
	static final int MAX_SOURCE = 500;

	private SubscriberInput() {
	}

	/**
	 * @return the address, trimmed
	 * @throws InvalidInput ({@code newsletter.invalid.email}) unless it is
	 * {@linkplain EmailAddress#valid valid} (the one check of every way in)
	 */
	public static String email(String field, String value) {
		return EmailAddress.checked(field, "newsletter.invalid.email", value);
	}

	/**
	 * @return the address as compared ({@code subscriber.email_key}): the domain
	 * lower-cased; the local part is kept, as RFC 5321 lets it be case-sensitive
	 */
	public static String emailKey(String email) {
		int at = email.lastIndexOf('@');
		return email.substring(0, at + 1) + email.substring(at + 1).toLowerCase(Locale.ROOT);
	}

	/**
	 * @return the name trimmed, or null when blank
	 * @throws InvalidInput ({@code newsletter.invalid.name}) when longer than
	 * {@value #MAX_NAME} characters or holding a line break or another control character
	 * ({@link EmailAddress#hasControl}: it goes into the To header, header injection)
	 */
	public static String name(String field, String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String name = value.strip();
		if (name.length() > MAX_NAME || EmailAddress.hasControl(name)) {
			throw new InvalidInput(field, "newsletter.invalid.name");
		}
		return name;
	}

	/**
	 * @return the page the form was on when it is a site-relative path of at most
	 * {@value #MAX_SOURCE} characters, else {@code /newsletter}
	 */
	static String source(String value) {
		boolean path = value != null && value.startsWith("/") && !value.startsWith("//") && value.length() <= MAX_SOURCE
				&& value.chars().allMatch(c -> c > 0x20 && c < 0x7f);
		return path ? value : "/newsletter";
	}

}
