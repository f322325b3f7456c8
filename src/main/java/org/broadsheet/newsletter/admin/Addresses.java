package org.broadsheet.newsletter.admin;

import java.util.Locale;

/**
 * E-mail addresses as subscribers are kept: checked once on the way in (an import) and
 * compared by their key.
 */
final class Addresses {

	/** Longest address (RFC 5321 §4.5.3.1: a path of 256 octets less the brackets). */
	static final int MAX_LENGTH = 254;

	private Addresses() {
	}

	/**
	 * @return the address as compared ({@code subscriber.email_key}): trimmed, the domain
	 * lower-cased (the local part may be case-sensitive, RFC 5321 §2.4)
	 */
	static String key(String email) {
		String trimmed = email.strip();
		int at = trimmed.lastIndexOf('@');
		return at < 0 ? trimmed : trimmed.substring(0, at + 1) + trimmed.substring(at + 1).toLowerCase(Locale.ROOT);
	}

	/**
	 * A plain mailbox {@code local@domain.tld} (RFC 5321 §4.1.2) that a message header
	 * can carry as it is: no display name, comment, quoting, spaces or control
	 * characters; a local part of at most 64 characters and a domain with a dot whose
	 * labels are letters, digits and inner hyphens (or an internationalised name).
	 * @param email trimmed
	 */
	static boolean valid(String email) {
		int at = email.lastIndexOf('@');
		if (email.isEmpty() || email.length() > MAX_LENGTH || at < 1 || at > 64 || at == email.length() - 1
				|| email.indexOf('@') != at) {
			return false;
		}
		String local = email.substring(0, at);
		String domain = email.substring(at + 1);
		if (local.startsWith(".") || local.endsWith(".") || local.contains("..")) {
			return false;
		}
		for (int i = 0; i < local.length(); i++) {
			char c = local.charAt(i);
			if (c <= ' ' || c == 0x7f || "\"(),:;<>[\\]".indexOf(c) >= 0) {
				return false;
			}
		}
		String[] labels = domain.split("\\.", -1);
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
	 * @return whether {@code text} holds a character that may not stand in a header: CR,
	 * LF or another control character (header injection, RFC 5322 §2.2)
	 */
	static boolean hasControl(String text) {
		return text.codePoints().anyMatch(c -> Character.getType(c) == Character.CONTROL);
	}

}
