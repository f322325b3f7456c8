package org.broadsheet.newsletter.subscription;

import java.util.Locale;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

import org.broadsheet.shared.InvalidInput;

/**
 * The rules for a subscriber's address and name, in one place for every way in (the
 * sign-up form, the newsroom's CSV import): checked before anything is written, and each
 * refusal names its field.
 */
public final class SubscriberInput {

	/**
	 * The longest address SMTP carries (RFC 5321 §4.5.3.1: a 256-octet path, less <>).
	 */
	static final int MAX_EMAIL = 254;

	/** The longest display name ({@code subscriber.name}). */
	public static final int MAX_NAME = 200;

	/** The longest source address kept in the consent record. */
	static final int MAX_SOURCE = 500;

	private SubscriberInput() {
	}

	/**
	 * @return the address, trimmed: one mailbox, {@code local@domain}, no display name or
	 * group (Jakarta Mail's strict RFC 822 parsing), at most {@value #MAX_EMAIL}
	 * characters
	 * @throws InvalidInput ({@code newsletter.invalid.email}) for anything else
	 */
	public static String email(String field, String value) {
		String email = value == null ? "" : value.strip();
		if (email.isEmpty() || email.length() > MAX_EMAIL || email.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
			throw new InvalidInput(field, "newsletter.invalid.email");
		}
		try {
			var parsed = new InternetAddress(email, true);
			parsed.validate();
			if (!email.equals(parsed.getAddress()) || parsed.isGroup() || email.indexOf('@') < 1) {
				throw new InvalidInput(field, "newsletter.invalid.email");
			}
		}
		catch (AddressException ex) {
			throw new InvalidInput(field, "newsletter.invalid.email");
		}
		return email;
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
	 * (it goes into the To header: header injection)
	 */
	public static String name(String field, String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String name = value.strip();
		if (name.length() > MAX_NAME || hasControl(name)) {
			throw new InvalidInput(field, "newsletter.invalid.name");
		}
		return name;
	}

	/**
	 * @return whether {@code text} holds a line break or another control character, which
	 * may not stand in a mail header (header injection, RFC 5322 §2.2)
	 */
	public static boolean hasControl(String text) {
		return text.codePoints().anyMatch(Character::isISOControl);
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
