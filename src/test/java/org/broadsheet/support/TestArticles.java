package org.broadsheet.support;

import java.time.Instant;
import java.util.List;

import org.broadsheet.article.ArticleDraft;
import org.broadsheet.article.ArticleStatus;
import org.broadsheet.article.Articles;
import org.broadsheet.author.AuthorProfile;

/** Articles for tests that need one on a running site. */
public final class TestArticles {

	private TestArticles() {
	}

	/**
	 * Publishes an article by "Staff" in the section "Talk".
	 *
	 * @param publishedAt UTC instant
	 * @return its path, percent-encoded
	 */
	public static String publish(RunningSite site, String title, Instant publishedAt) {
		return site.bean(Articles.class).save(new ArticleDraft(null, title, "Talk", List.of(AuthorProfile.named("Staff")),
				"About " + title, "Body of " + title, null, List.of(), null, ArticleStatus.PUBLISHED, publishedAt, null,
				null)).path();
	}

}
