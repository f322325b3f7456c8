package org.broadsheet.interchange.wordpress;

import static org.broadsheet.interchange.wordpress.WxrValues.gmtOrLocal;
import static org.broadsheet.interchange.wordpress.WxrValues.plainLine;
import static org.broadsheet.interchange.wordpress.WxrValues.plainText;
import static org.broadsheet.interchange.wordpress.WxrValues.shorten;
import static org.broadsheet.interchange.wordpress.WxrValues.stableKey;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.broadsheet.comment.CommentStatus;
import org.broadsheet.comment.Comments;
import org.broadsheet.comment.ImportedComment;
import org.broadsheet.interchange.wordpress.WordPressReport.Kind;

/**
 * The comments of one WordPress import: threads kept (parents restored before replies),
 * statuses mapped (1 → approved, 0 → pending, spam, trash → rejected), linkbacks and
 * duplicates skipped, each comment in a savepoint of its own. Keys are
 * {@code <origin>#comment-<id>}.
 */
final class WordPressComments {

	private final Comments comments;

	private final WordPressReport report;

	private final String origin;

	private final Savepoints savepoints;

	WordPressComments(Comments comments, WordPressReport report, String origin, Savepoints savepoints) {
		this.comments = comments;
		this.report = report;
		this.origin = origin;
		this.savepoints = savepoints;
	}

	/**
	 * Imports the comments of one post into the article it became (reported by kind and
	 * reason).
	 */
	void importComments(Wxr.Item item, long articleId) {
		Map<String, Wxr.Comment> byId = new LinkedHashMap<>();
		Map<String, String> texts = new HashMap<>();
		for (Wxr.Comment c : item.comments()) {
			String type = c.type().strip();
			String text = type.isEmpty() || type.equals("comment") ? plainText(c.content()) : null;
			if (text == null) {
				report.skipped(Kind.COMMENT, type + ": Broadsheet keeps readers' comments, not linkbacks");
			}
			else if (text.isEmpty()) {
				report.skipped(Kind.COMMENT, "no text");
			}
			else if (byId.putIfAbsent(c.id().strip(), c) != null) {
				report.skipped(Kind.COMMENT, "duplicate comment id: the first comment with it is kept");
			}
			else {
				texts.put(c.id().strip(), text);
			}
		}
		// Parents before replies: by depth in the thread, then by date (undated first).
		Map<String, Integer> depth = new HashMap<>();
		Map<String, Instant> created = new HashMap<>();
		byId.forEach((id, c) -> {
			depth.put(id, depth(c, byId));
			created.put(id, gmtOrLocal(c));
		});
		List<String> ordered = new ArrayList<>(byId.keySet());
		// Undated is no date (null), not the epoch: a comment of 1970-01-01 is dated.
		ordered.sort(Comparator.comparing((String id) -> depth.get(id))
			.thenComparing(created::get, Comparator.nullsFirst(Comparator.naturalOrder())));
		for (String id : ordered) {
			Wxr.Comment c = byId.get(id);
			String parent = c.parent().strip();
			boolean hasParent = !parent.isEmpty() && !parent.equals("0");
			String parentKey = null;
			if (hasParent && byId.containsKey(parent) && depth.get(id) > 0) {
				parentKey = commentKey(parent);
			}
			else if (hasParent) {
				report.changed("reply to a comment not imported → new thread");
			}
			String name = plainLine(c.author());
			String email = c.authorEmail().strip();
			// Comments.restore keeps a website only when it is a safe http(s) address.
			var imported = new ImportedComment(articleId, commentKey(id), parentKey,
					name.isEmpty() ? "Anonymous" : shorten(name, 200),
					email.isEmpty() || email.length() > 254 ? null : email,
					c.authorUrl().isBlank() ? null : c.authorUrl().strip(), texts.get(id),
					commentStatus(c.approved().strip()), created.get(id));
			savepoints.run(Kind.COMMENT, "comment " + id, () -> {
				switch (comments.restore(imported)) {
					case CREATED -> report.created(Kind.COMMENT);
					case UPDATED -> report.updated(Kind.COMMENT);
					case UNCHANGED -> report.unchanged(Kind.COMMENT);
				}
			});
		}
	}

	/**
	 * @return how many ancestors a comment has among those imported; 0 for a top-level
	 * one or a cycle
	 */
	private int depth(Wxr.Comment comment, Map<String, Wxr.Comment> byId) {
		int depth = 0;
		Set<String> seen = new HashSet<>();
		for (String parent = comment.parent().strip(); byId.containsKey(parent)
				&& seen.add(parent); parent = byId.get(parent).parent().strip()) {
			depth++;
		}
		return seen.contains(comment.id().strip()) ? 0 : depth;
	}

	private CommentStatus commentStatus(String approved) {
		CommentStatus status = switch (approved) {
			case "1", "approve", "approved" -> CommentStatus.APPROVED;
			case "spam" -> CommentStatus.SPAM;
			case "trash", "post-trashed" -> CommentStatus.REJECTED;
			default -> CommentStatus.PENDING;
		};
		report.changed("comment " + (approved.isEmpty() ? "(no status)" : approved) + " → " + status.key());
		return status;
	}

	private String commentKey(String commentId) {
		return stableKey(origin + "#comment-" + commentId);
	}

}
