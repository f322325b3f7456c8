package org.broadsheet.newsletter.subscription;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.broadsheet.site.Chrome;
import org.broadsheet.site.PageMeta;
import org.springframework.security.web.csrf.CsrfToken;

/** The models of the newsletter pages' templates ({@code src/main/jte/newsletter}). */
public final class NewsletterPages {

	private NewsletterPages() {
	}

	/**
	 * The sign-up page ({@code /newsletter}), also shown again with what was typed and
	 * the fields at fault.
	 *
	 * @param lists list key → name, in order
	 * @param chosen the keys ticked
	 * @param problems field ({@code email}, {@code name}, {@code list}) → message key
	 * @param notice a message key shown above the form, or null
	 */
	public record SignUpPage(Chrome chrome, PageMeta meta, Map<String, String> lists, Collection<String> chosen,
			String email, String name, Map<String, String> problems, CsrfToken csrf, String notice) {
	}

	/**
	 * A page that says one thing: check your inbox, confirmed, unsubscribed, a bad link.
	 *
	 * @param heading a message key
	 * @param text a message key
	 * @param argument for the text's placeholder, or null
	 */
	public record MessagePage(Chrome chrome, PageMeta meta, String heading, String text, String argument) {
	}

	/**
	 * The preferences page of a signed link.
	 *
	 * @param token the link's token, sent back with the form
	 * @param saved a message key for what was just saved, or null
	 * @param problems field → message key
	 */
	public record PreferencesPage(Chrome chrome, PageMeta meta, Subscriptions.Preferences preferences, String token,
			CsrfToken csrf, String saved, Map<String, String> problems) {
	}

	/**
	 * The page a confirmation link opens: what will be confirmed, and the button that
	 * confirms it (a POST with the reader CSRF token and the link's {@code s}, {@code e},
	 * {@code t}).
	 *
	 * @param email the address being confirmed
	 * @param lists the names of the sign-up's lists, in order
	 * @param subscriberId the link's {@code s}
	 * @param expiresAt the link's {@code e}, UTC epoch ms
	 * @param token the link's {@code t}
	 */
	public record ConfirmPage(Chrome chrome, PageMeta meta, String email, List<String> lists, long subscriberId,
			long expiresAt, String token, CsrfToken csrf) {
	}

	/**
	 * The page of a one-click unsubscribe link, with its button (a POST to the same
	 * address, RFC 8058).
	 *
	 * @param action the link's address, the form's action
	 */
	public record UnsubscribePage(Chrome chrome, PageMeta meta, String action) {
	}

}
