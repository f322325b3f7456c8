package org.broadsheet.newsroom;

import java.time.Instant;
import java.util.List;

import org.broadsheet.newsletter.sending.NewsletterSend;
import org.broadsheet.site.Chrome;
import org.springframework.security.web.csrf.CsrfToken;

/**
 * An article's newsletter panel ({@link NewsletterController}).
 *
 * @param audience subscribers a send would reach now; null when the article is not public
 * @param confirm whether to show the confirmation step
 * @param notice what was just done, in the newsroom's language, or null
 * @param error what went wrong, or null
 */
public record NewsletterPanel(Chrome chrome, CsrfToken csrf, long articleId, String title, boolean available,
		Integer audience, List<NewsletterSend> history, boolean confirm, String notice, String error) {

	/**
	 * @return the article's send (not a test), or null when it was never sent
	 */
	public NewsletterSend articleSend() {
		return history.stream().filter(s -> "article".equals(s.kind())).findFirst().orElse(null);
	}

	/**
	 * @return a UTC epoch-millisecond instant as the newsroom shows times
	 */
	public String time(Long epochMs) {
		return epochMs == null ? "" : chrome.dateTime(Instant.ofEpochMilli(epochMs));
	}

}
