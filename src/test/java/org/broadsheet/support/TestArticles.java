package org.broadsheet.support;

import java.time.Instant;
import java.util.List;

import org.broadsheet.account.SystemActor;
import org.broadsheet.article.ArticleDraft;
import org.broadsheet.article.ArticleStatus;
import org.broadsheet.article.ArticleWorkflow;
import org.broadsheet.author.AuthorProfile;

/** Articles for tests that need one on a running site. */
public final class TestArticles {

	/** Who the tests' stored articles are by, in the audit log. */
	public static final SystemActor ACTOR = new SystemActor("test");

	private TestArticles() {
	}

	/**
	 * Replaces a published (or unpublished) article's content and publishes it, as an
	 * editor does with Save and Publish changes.
	 */
	public static void republish(ArticleWorkflow workflow, long id, ArticleDraft draft) {
		workflow.save(ACTOR, id, draft);
		workflow.publish(ACTOR, id);
	}

	/**
	 * Publishes an article by "Staff" in the section "Talk".
	 * @param publishedAt UTC instant
	 * @return its path, percent-encoded
	 */
	public static String publish(RunningSite site, String title, Instant publishedAt) {
		return site.bean(ArticleWorkflow.class)
			.store(ACTOR, new ArticleDraft(null, title, "Talk", List.of(AuthorProfile.named("Staff")), "About " + title,
					"Body of " + title, null, List.of(), null, ArticleStatus.PUBLISHED, publishedAt, null, null))
			.path();
	}

}
