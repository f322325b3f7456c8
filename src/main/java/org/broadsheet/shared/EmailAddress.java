package org.broadsheet.shared;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

/**
 * The one check of an e-mail address that is stored and mailed to: newsletter sign-up,
 * the subscribers' CSV import, newsroom accounts (whose address receives test sends) and
 * the newsletter e-mails themselves. An address passes when it is
 * <ul>
 * <li>at most {@value #MAX_LENGTH} characters (RFC 5321 §4.5.3.1.3: a path of 256 octets,
 * less the angle brackets), a local part of at most {@value #MAX_LOCAL_PART}
 * (§4.5.3.1.1);</li>
 * <li>free of control and line-breaking characters (C0, C1, U+2028, U+2029: a CR or LF in
 * a header is header injection, RFC 5322 §2.2);</li>
 * <li>accepted by Jakarta Mail's strict parse ({@code new InternetAddress(email, true)},
 * RFC 822 syntax) as exactly itself: a bare mailbox, so no display name, comment, angle
 * brackets, group ({@code name: a@b;}) or list;</li>
 * <li>without quoting, white space or a domain literal ({@code [127.0.0.1]}), which are
 * legal but which a newsletter's readers never have and many servers mishandle;</li>
 * <li>on a domain name with a dot, whose labels are letters (internationalised names
 * allowed), digits and inner hyphens, at most 63 characters each.</li>
 * </ul>
 */
public final class EmailAddress {

	/** The longest address, in characters. */
	public static final int MAX_LENGTH = 254;

	/** The longest local part (before the {@code @}), in characters. */
	public static final int MAX_LOCAL_PART = 64;

	private static final String NEVER = "\"()<>[]\\,;:";

	private EmailAddress() {
	}

	/**
	 * @param email the address as typed, already trimmed; null is not one
	 * @return whether it is a mailbox address by the rules above
	 */
	public static boolean valid(String email) {
		if (email == null || email.isEmpty() || email.length() > MAX_LENGTH || hasControl(email)) {
			return false;
		}
		for (int i = 0; i < email.length(); i++) {
			if (Character.isWhitespace(email.charAt(i)) || NEVER.indexOf(email.charAt(i)) >= 0) {
				return false;
			}
		}
		try {
			var parsed = new InternetAddress(email, true);
			if (parsed.isGroup() || parsed.getPersonal() != null || !email.equals(parsed.getAddress())) {
				return false;
			}
		}
		catch (AddressException ex) {
			return false;
		}
		int at = email.lastIndexOf('@');
		return at >= 1 && at <= MAX_LOCAL_PART && email.indexOf('@') == at && domainName(email.substring(at + 1));
	}

	/**
	 * @param field the form or file field, named by the error
	 * @param key the message key of the refusal
	 * @param value the address as typed, or null
	 * @return the address, trimmed
	 * @throws InvalidInput ({@code field}, {@code key}) unless it is {@linkplain #valid
	 * valid}
	 */
	public static String checked(String field, String key, String value) {
		String email = value == null ? "" : value.strip();
		if (!valid(email)) {
			throw new InvalidInput(field, key);
		}
		return email;
	}

	/**
	 * @return whether {@code text} holds a control character (C0, DEL, C1: CR and LF
	 * among them) or a Unicode line or paragraph separator, none of which may stand in a
	 * mail header (header injection, RFC 5322 §2.2)
	 */
	public static boolean hasControl(String text) {
		return text.codePoints().anyMatch(c -> Character.isISOControl(c) || c == 0x2028 || c == 0x2029);
	}

	private static boolean domainName(String domain) {
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

}
