package org.broadsheet.newsletter.subscription;

import java.util.Locale;

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
	 * @return the address, trimmed
	 * @throws InvalidInput ({@code newsletter.invalid.email}) unless it is
	 * {@linkplain #valid valid}
	 */
	public static String email(String field, String value) {
		String email = value == null ? "" : value.strip();
		if (!valid(email)) {
			throw new InvalidInput(field, "newsletter.invalid.email");
		}
		return email;
	}

	/**
	 * A plain mailbox {@code local@domain.tld} (RFC 5321 §4.1.2) that a message header
	 * can carry as it is: no display name, comment, quoting, spaces or control
	 * characters; at most {@value #MAX_EMAIL} characters, a local part of at most 64 and
	 * a domain with a dot whose labels are letters, digits and inner hyphens (or an
	 * internationalised name).
	 * @param email trimmed
	 * @return whether it is one
	 */
	public static boolean valid(String email) {
		int at = email.lastIndexOf('@');
		if (email.isEmpty() || email.length() > MAX_EMAIL || at < 1 || at > 64 || at == email.length() - 1
				|| email.indexOf('@') != at) {
			return false;
		}
		String local = email.substring(0, at);
		if (local.startsWith(".") || local.endsWith(".") || local.contains("..")) {
			return false;
		}
		for (int i = 0; i < local.length(); i++) {
			char c = local.charAt(i);
			if (c <= ' ' || c == 0x7f || "\"(),:;<>[\\]".indexOf(c) >= 0) {
				return false;
			}
		}
		String[] labels = email.substring(at + 1).split("\\.", -1);
		if (labels.length < 2) {
			return false;
		}
		for (String label : labels) {
			if (label.isEmpty() || label.length() > 63 || label.startsWith("-") || label.endsWith("-")
					|| !label.codePoints().allMatch(c -> c == '-' || Character.isLetterOrDigit(c))) {
				return false;
			}
		}
		return true;
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
