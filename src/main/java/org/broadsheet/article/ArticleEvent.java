package org.broadsheet.article;

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
	 * @return a short name for the change log: published, updated, unpublished, deleted
	 */
	String kind();

	/** An article became public (or will, at its publication instant). */
	record ArticlePublished(long articleId) implements ArticleEvent {
		public String kind() {
			return "published";
		}
	}

	/** An article's stored content changed without a change of status. */
	record ArticleUpdated(long articleId) implements ArticleEvent {
		public String kind() {
			return "updated";
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
