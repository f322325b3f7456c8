package org.broadsheet.account;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

import org.broadsheet.shared.InvalidInput;

/**
 * The one password policy of the newsroom, the {@code user} command and password resets
 * (NIST SP 800-63B: length over complexity, no known-bad passwords, no composition
 * rules): at least {@value #MIN} characters, at most {@value #MAX_BYTES} bytes of UTF-8
 * (bcrypt reads no further), not the sign-in email, not one character repeated, not one
 * of the commonest passwords.
 */
public final class PasswordRules {

	/** Shortest password accepted, in characters. */
	public static final int MIN = 10;

	/** Longest password accepted, in bytes of UTF-8 (bcrypt's limit). */
	public static final int MAX_BYTES = 72;

	/** The commonest passwords of at least {@value #MIN} characters in breach lists. */
	private static final Set<String> COMMON = Set.of("1234567890", "12345678910", "123456789a", "qwertyuiop",
			"1q2w3e4r5t", "password12", "password123", "password1234", "iloveyou12", "qwerty1234", "1qaz2wsx3edc",
			"abcdefghij", "0987654321", "passw0rd12", "letmein123", "administrator", "newsroom123", "broadsheet");

	private PasswordRules() {
	}

	/**
	 * @param field the form field to name when refused, e.g. {@code password}
	 * @param password plain text
	 * @param email the account's sign-in email, which the password may not be; may be
	 * null
	 * @throws InvalidInput naming {@code field}, with a message saying what is wrong
	 */
	public static void check(String field, String password, String email) {
		if (password == null || password.codePointCount(0, password.length()) < MIN) {
			throw new InvalidInput(field, "account.invalid.password", MIN);
		}
		if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
			throw new InvalidInput(field, "account.invalid.password-long", MAX_BYTES);
		}
		String lower = password.strip().toLowerCase(Locale.ROOT);
		if (password.codePoints().distinct().count() == 1 || COMMON.contains(lower)
				|| (email != null && lower.equals(email.strip().toLowerCase(Locale.ROOT)))) {
			throw new InvalidInput(field, "account.invalid.password-guessable");
		}
	}

}
