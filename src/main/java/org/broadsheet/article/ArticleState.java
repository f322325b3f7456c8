package org.broadsheet.article;

import java.time.Instant;

/**
 * Where an article stands in the workflow, as its row says.
 *
 * @param createdBy the account that created it; null for imported articles
 * @param liveRevision the revision the row holds (what readers see once published)
 * @param latestRevision the newest revision, which the editor shows
 * @param scheduledRevision the revision approved to go live at {@code goLiveAt}, or null
 * @param goLiveAt when the scheduled revision goes live (UTC), or null
 * @param unpublishAt when the article leaves the site by itself (UTC), or null
 */
record ArticleState(ArticleStatus status, Long createdBy, Long liveRevision, Long latestRevision,
		Long scheduledRevision, Instant goLiveAt, Instant unpublishAt) {

	/**
	 * @return whether the newest revision is not what readers see (and not what is
	 * scheduled)
	 */
	boolean hasUnpublishedChanges() {
		return status.pinned() && latestRevision != null && !latestRevision.equals(liveRevision)
				&& !latestRevision.equals(scheduledRevision);
	}

	/**
	 * @return whether a published article has a newer revision scheduled to go live
	 */
	boolean hasScheduledChanges() {
		return status == ArticleStatus.PUBLISHED && scheduledRevision != null;
	}

}
