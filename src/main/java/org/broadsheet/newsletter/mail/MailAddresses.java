package org.broadsheet.newsletter.mail;

import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

import org.broadsheet.shared.EmailAddress;

/**
 * Addresses with display names that cannot break a header. Jakarta Mail quotes a display
 * name but passes CR and LF through, so a subscriber named {@code "Eve\r\nBcc: …"} would
 * add a header: every control character (C0, C1, U+2028 and U+2029 included) becomes a
 * space here, runs of spaces one, and a non-ASCII name is written as an RFC 2047 encoded
 * word.
 */
final class MailAddresses {

	/** Longest display name kept, in characters. */
	static final int MAX_NAME = 200;

	private MailAddresses() {
	}

	/**
	 * @param name as stored, or null
	 * @return the name with every control or line-breaking character replaced by a space
	 * and spaces collapsed; null when nothing is left
	 */
	static String displayName(String name) {
		if (name == null) {
			return null;
		}
		var out = new StringBuilder(Math.min(name.length(), MAX_NAME));
		name.codePoints().forEach(c -> {
			boolean space = Character.isISOControl(c) || Character.isWhitespace(c) || c == 0x2028 || c == 0x2029
					|| Character.getType(c) == Character.FORMAT && c != 0x200C && c != 0x200D;
			if (space) {
				if (out.length() > 0 && out.charAt(out.length() - 1) != ' ') {
					out.append(' ');
				}
			}
			else {
				out.appendCodePoint(c);
			}
		});
		String clean = out.toString().strip();
		if (clean.length() > MAX_NAME) {
			clean = clean.substring(0, Character.isHighSurrogate(clean.charAt(MAX_NAME - 1)) ? MAX_NAME - 1 : MAX_NAME)
				.strip();
		}
		return clean.isEmpty() ? null : clean;
	}

	/**
	 * @param email the address, checked by {@link EmailAddress#valid} (the check of
	 * sign-up and import)
	 * @param name the display name, or null
	 * @return the address with its name made safe ({@link #displayName})
	 * @throws AddressException for an address that is not one (never a header's worth of
	 * text)
	 */
	static InternetAddress address(String email, String name) throws AddressException {
		if (!EmailAddress.valid(email)) {
			throw new AddressException("Not a mailbox address", email);
		}
		var address = new InternetAddress(email, true);
		String safe = displayName(name);
		if (safe != null) {
			try {
				address.setPersonal(safe, StandardCharsets.UTF_8.name());
			}
			catch (UnsupportedEncodingException ex) {
				throw new IllegalStateException("UTF-8 is part of every Java runtime", ex);
			}
		}
		return address;
	}

}
