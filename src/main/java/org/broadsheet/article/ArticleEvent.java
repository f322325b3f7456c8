package org.broadsheet.article;

import java.time.Instant;

import org.broadsheet.shared.LoggedChange;

/**
 * Something happened to an article. Published inside the transaction that made the change
 * and written to the change log; listeners that update derived state listen after commit
 * (or follow the change log).
 */
public sealed interface ArticleEvent extends LoggedChange {

	long articleId();

	@Override
	default Subject subject() {
		return Subject.ARTICLE;
	}

	@Override
	default long subjectId() {
		return articleId();
	}

	/**
	 * @return a short name for the change log: published, scheduled, updated,
	 * unpublished, deleted
	 */
	String kind();

	/** An article became public (or will, at its publication instant). */
	record ArticlePublished(long articleId) implements ArticleEvent {
		public String kind() {
			return "published";
		}
	}

	/**
	 * An editor approved the article's latest revision to go live by itself at {@code at}
	 * (a UTC instant): a new article, or scheduled changes to a published one. Nothing
	 * readers see has changed yet; {@link ArticlePublished} (or {@link ArticleUpdated}
	 * for scheduled changes) follows when it goes live.
	 */
	record ArticleScheduled(long articleId, Instant at) implements ArticleEvent {
		public String kind() {
			return "scheduled";
		}
	}

	/** What readers see of an article changed without a change of status. */
	record ArticleUpdated(long articleId) implements ArticleEvent {
		public String kind() {
			return "updated";
		}
	}

	/**
	 * An article changed in the newsroom only: a revision saved that waits for "publish
	 * changes" or its schedule, a draft saved or submitted, a schedule cancelled, an
	 * unpublication scheduled. Nothing readers see changed, so the search index, caches
	 * and webhooks have nothing to follow.
	 */
	record ArticleRevised(long articleId) implements ArticleEvent {

		/** Its kind in the change log. */
		public static final String KIND = "revised";

		public String kind() {
			return KIND;
		}
	}

	/** A public article stopped being public. */
	record ArticleUnpublished(long articleId) implements ArticleEvent {
		public String kind() {
			return "unpublished";
		}
	}

	/** An article was deleted with its revisions, comments and redirects. */
	record ArticleDeleted(long articleId) implements ArticleEvent {
		public String kind() {
			return "deleted";
		}
	}

}
