package org.broadsheet.demo;

import java.util.List;

import org.broadsheet.account.SystemActor;
import org.broadsheet.page.PageStatus;
import org.broadsheet.page.StaticPageDraft;
import org.broadsheet.page.StaticPages;

/**
 * The demo site's static pages, linked from its footer: About, Contact, Corrections
 * policy and Privacy (which says what the comment form collects, and what becomes of it:
 * see {@code comment.ReaderKeys} and {@code site.ReaderCookie}).
 */
final class DemoPages {

	private DemoPages() {
	}

	static final List<StaticPageDraft> PAGES = List.of(page("about", "About", 1, "Who we are and how we work.", """
			The Broadsheet demo is a small independent newsroom covering harbours, rivers, \
			railways and the towns between them.

			We report what we have checked ourselves, say where our information comes from, \
			and keep our opinion pieces in the Opinion section, clearly labelled.

			Our editors decide what we publish. Advertisers and sponsors do not."""),
			page("contact", "Contact", 2, "How to reach the newsroom.", """
					- **News tips:** tips@example.com
					- **Corrections:** corrections@example.com (see our [corrections policy](/page/corrections-policy))
					- **Letters to the editor:** letters@example.com

					We read everything and answer what we can. Do not send confidential documents by \
					ordinary e-mail: ask us first for a safer way."""),
			page("corrections-policy", "Corrections policy", 3, "What we do when we get something wrong.", """
					When we publish something that is wrong, we correct it as soon as we know.

					1. A correction says what was wrong and what is right, at the end of the article, \
					with the date.
					2. We do not quietly change facts. Typos and broken links we fix without a note.
					3. If an error changes the meaning of a story, we say so at the top.

					Tell us about an error at corrections@example.com."""),
			page("privacy", "Privacy", 4, "What we collect when you read and comment, and why.", """
					**Reading** this site loads nothing from other companies: no advertising, no trackers.

					**Commenting** asks for your name, your e-mail address and, if you like, a website. \
					Your name and website are shown with your comment; your e-mail address is never \
					shown and is used only if an editor needs to reach you about your comment.

					To stop abuse we also keep, for a short time, a **one-way hash of your IP address** \
					(the daily secret behind it is deleted after two days, after which nobody can link \
					it to you).

					**Commenting or liking** sets one cookie, `broadsheet_reader`, holding a random \
					number (no personal data) so that you see your own comments awaiting moderation \
					and like an article once. It expires after a year.

					To have your comments and the details stored with them removed, write to \
					privacy@example.com."""));

	private static StaticPageDraft page(String slug, String title, int order, String description, String body) {
		return new StaticPageDraft(slug, title, description, body, null, PageStatus.PUBLISHED, true, order);
	}

	/** Adds the pages as published pages in the footer, once: keyed by their slug. */
	static void load(StaticPages pages) {
		for (StaticPageDraft draft : PAGES) {
			pages.restore(SystemActor.DEMO, "demo:" + draft.slug(), draft);
		}
	}

}
