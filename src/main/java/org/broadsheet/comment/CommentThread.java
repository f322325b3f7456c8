package org.broadsheet.comment;

import java.util.List;

/**
 * One page of an article's comments, as readers see them.
 *
 * @param items the page's threads, flattened: each top-level comment followed by its
 * replies (depth first, oldest reply first)
 * @param approved how many approved comments the article has (all pages)
 * @param page 1-based; {@code pageCount} at least 1
 * @param newestFirst whether threads are ordered newest first
 */
public record CommentThread(List<Item> items, int approved, int page, int pageCount, boolean newestFirst) {

	/**
	 * @param depth 0 for a top-level comment, at most the setting {@code max-depth}
	 * @param replyTo the comment answered, or null at depth 0
	 * @param awaitingModeration held, and shown only to the reader who wrote it
	 * @param canReply whether a reply to it is allowed here (not past the deepest level)
	 */
	public record Item(Comment comment, int depth, Comment replyTo, boolean awaitingModeration, boolean canReply) {

		/**
		 * @return the text as paragraphs of segments ({@link CommentText})
		 */
		public List<List<CommentText.Segment>> paragraphs() {
			return CommentText.paragraphs(comment.body());
		}

	}

}
