package org.broadsheet.comment;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.broadsheet.delivery.PagesChanged;
import org.broadsheet.delivery.Surrogates;
import org.broadsheet.shared.Digests;
import org.broadsheet.shared.InvalidInput;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Comments received from the fediverse (ActivityPub {@code Note}s replying to an article
 * or to a comment): stored under the readers' rules (comments open, the rate limit per
 * author (per actor), the fields' checks, the blocklist), always held for moderation
 * ({@link CommentStatus#PENDING}, or {@link CommentStatus#SPAM} on a blocklisted word),
 * with their author's profile and avatar in {@code comment_remote}. A comment's
 * ActivityPub id is its article's URL with the fragment {@code #comment-<id>} (the anchor
 * of the comment on the page).
 */
@Service
public class FederatedComments {

	private static final Pattern FRAGMENT = Pattern.compile("comment-([1-9][0-9]{0,17})");

	private final JdbcClient jdbc;

	private final Comments comments;

	private final ReaderThrottle throttle;

	private final Clock clock;

	private final TransactionTemplate transaction;

	private final ApplicationEventPublisher events;

	FederatedComments(JdbcClient jdbc, Comments comments, ReaderThrottle throttle, Clock clock,
			TransactionTemplate transaction, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.comments = comments;
		this.throttle = throttle;
		this.clock = clock;
		this.transaction = transaction;
		this.events = events;
	}

	/**
	 * @param fragment a URL's fragment, e.g. {@code comment-12}
	 * @return the comment id it names
	 */
	public static Optional<Long> commentId(String fragment) {
		var matcher = fragment == null ? null : FRAGMENT.matcher(fragment);
		return matcher != null && matcher.matches() ? Optional.of(Long.parseLong(matcher.group(1))) : Optional.empty();
	}

	/**
	 * @return the fragment of the comment's ActivityPub id: {@code comment-<id>}
	 */
	public static String fragment(long commentId) {
		return "comment-" + commentId;
	}

	/**
	 * Stores a reply, once per Note id: receiving the same id again returns the stored
	 * comment unchanged.
	 * @param publishedAt the article's publication instant (UTC), for automatic closing
	 * @return the comment, {@link CommentStatus#PENDING} or {@link CommentStatus#SPAM}
	 * @throws CommentRejected comments closed, or fields at fault ({@code name},
	 * {@code website} (the profile), {@code text}, {@code parent}: not an approved
	 * comment of the article)
	 * @throws Throttled when the author sent too many comments (the readers' limits, per
	 * actor)
	 */
	public Comment receive(FederatedComment input, Instant publishedAt) {
		var stored = find(input.objectId());
		if (stored.isPresent()) {
			return stored.get();
		}
		if (!comments.isOpen(input.articleId(), publishedAt)) {
			throw new CommentRejected(CommentRejected.Reason.CLOSED, Map.of("form", "comment.error.closed"));
		}
		throttle.comment("ap:" + input.actorId());
		Map<String, String> problems = new LinkedHashMap<>();
		var fields = CommentFields.check(input.name(), "", "", input.text(), comments.settings().maxLength(), false,
				problems);
		if (input.parentId() != null && comments.find(input.articleId(), input.parentId()).isEmpty()) {
			problems.put("parent", "comment.error.parent");
		}
		if (!problems.isEmpty()) {
			throw CommentRejected.invalid(problems);
		}
		CommentStatus status = comments.blocklisted(fields) ? CommentStatus.SPAM : CommentStatus.PENDING;
		return transaction.execute(tx -> {
			Instant now = clock.instant();
			var id = jdbc.sql("""
					INSERT INTO comment (article_id, parent_id, author_name, author_url, body, status, created_at,
					                     import_key)
					VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (import_key) DO NOTHING RETURNING id""")
				.params(input.articleId(), input.parentId(), fields.name(), profile(input.profileUrl()), fields.text(),
						status.key(), now.toEpochMilli(), key(input.objectId()))
				.query(Long.class)
				.optional();
			if (id.isEmpty()) {
				return find(input.objectId()).orElseThrow();
			}
			jdbc.sql("""
					INSERT INTO comment_remote (comment_id, actor_id, object_id, profile_url, avatar_url)
					VALUES (?, ?, ?, ?, ?)""")
				.params(id.get(), input.actorId(), input.objectId(), input.profileUrl(), input.avatarUrl())
				.update();
			events.publishEvent(new CommentEvent.CommentChanged(id.get(), CommentEvent.What.POSTED));
			return new Comment(id.get(), input.articleId(), input.parentId(), fields.name(), null,
					profile(input.profileUrl()), fields.text(), status, now);
		});
	}

	/**
	 * @return the comment received as the Note with this id, whatever its status
	 */
	public Optional<Comment> find(String objectId) {
		return jdbc.sql("SELECT " + Comments.COLUMNS + " FROM comment WHERE import_key = ?")
			.param(key(objectId))
			.query(Comments::row)
			.optional();
	}

	/**
	 * Replaces the text of the comment received as that Note. An approved comment goes
	 * back to moderation ({@link CommentStatus#PENDING}): what was approved is not what
	 * readers would see; a blocklisted word makes it spam. Unknown Note: nothing.
	 * @param actorId who sent the update (the signer)
	 * @return whether a comment was changed
	 * @throws InvalidInput naming {@code actor} when the sender is not the Note's author,
	 * or {@code text} when the new text is empty or too long
	 */
	@Transactional
	public boolean revise(String objectId, String actorId, String text) {
		var comment = find(objectId);
		if (comment.isEmpty()) {
			return false;
		}
		requireAuthor(comment.get().id(), actorId);
		Map<String, String> problems = new LinkedHashMap<>();
		var fields = CommentFields.check(comment.get().authorName(), "", "", text, comments.settings().maxLength(),
				false, problems);
		if (problems.containsKey("text")) {
			throw new InvalidInput("text", problems.get("text"));
		}
		CommentStatus status = comments.blocklisted(fields) ? CommentStatus.SPAM
				: comment.get().status() == CommentStatus.APPROVED ? CommentStatus.PENDING : comment.get().status();
		jdbc.sql("UPDATE comment SET body = ?, status = ? WHERE id = ?")
			.params(fields.text(), status.key(), comment.get().id())
			.update();
		changed(comment.get(), CommentEvent.What.EDITED);
		return true;
	}

	/**
	 * Deletes the comment received as that Note; its replies move up to its parent (they
	 * are others' words). Unknown Note: nothing.
	 * @param actorId who sent the deletion (the signer)
	 * @return whether a comment was deleted
	 * @throws InvalidInput naming {@code actor} when the sender is not the Note's author
	 */
	@Transactional
	public boolean remove(String objectId, String actorId) {
		var comment = find(objectId);
		if (comment.isEmpty()) {
			return false;
		}
		requireAuthor(comment.get().id(), actorId);
		delete(comment.get());
		return true;
	}

	/**
	 * Deletes every comment this actor sent (their account was deleted), as
	 * {@link #remove} does one.
	 * @return how many were deleted
	 */
	@Transactional
	public int removeAll(String actorId) {
		List<Comment> theirs = jdbc
			.sql("SELECT " + Comments.COLUMNS + " FROM comment WHERE id IN"
					+ " (SELECT comment_id FROM comment_remote WHERE actor_id = ?) ORDER BY id DESC")
			.param(actorId)
			.query(Comments::row)
			.list();
		theirs.forEach(this::delete);
		return theirs.size();
	}

	/**
	 * @return the avatar (https) and profile of the comment's fediverse author, if it
	 * came from the fediverse
	 */
	public Optional<RemoteAuthor> author(long commentId) {
		return jdbc.sql("SELECT actor_id, profile_url, avatar_url FROM comment_remote WHERE comment_id = ?")
			.param(commentId)
			.query((rs, n) -> new RemoteAuthor(rs.getString(1), rs.getString(2), rs.getString(3)))
			.optional();
	}

	/**
	 * @param commentIds comments (a page of the moderation queue: keep it bounded)
	 * @return the fediverse authors of those that came from the fediverse, by comment id
	 * (one query on {@code comment_remote}'s primary key)
	 */
	public Map<Long, RemoteAuthor> authors(Collection<Long> commentIds) {
		if (commentIds.isEmpty()) {
			return Map.of();
		}
		Map<Long, RemoteAuthor> found = new HashMap<>();
		jdbc.sql("SELECT comment_id, actor_id, profile_url, avatar_url FROM comment_remote WHERE comment_id IN (:ids)")
			.param("ids", List.copyOf(commentIds))
			.query(rs -> {
				found.put(rs.getLong(1), new RemoteAuthor(rs.getString(2), rs.getString(3), rs.getString(4)));
			});
		return found;
	}

	/**
	 * A comment's fediverse author.
	 *
	 * @param actorId their actor id
	 * @param profileUrl their profile page
	 * @param avatarUrl their avatar (https), or null
	 */
	public record RemoteAuthor(String actorId, String profileUrl, String avatarUrl) {
	}

	private void delete(Comment comment) {
		jdbc.sql("UPDATE comment SET parent_id = ? WHERE parent_id = ?")
			.params(comment.parentId(), comment.id())
			.update();
		jdbc.sql("DELETE FROM comment WHERE id = ?").param(comment.id()).update();
		changed(comment, CommentEvent.What.DELETED);
	}

	private void changed(Comment comment, CommentEvent.What what) {
		events.publishEvent(PagesChanged.of(Surrogates.article(comment.articleId())));
		events.publishEvent(new CommentEvent.CommentChanged(comment.id(), what));
	}

	private void requireAuthor(long commentId, String actorId) {
		if (author(commentId).filter(a -> a.actorId().equals(actorId)).isEmpty()) {
			throw new InvalidInput("actor", "fediverse.error.notAuthor", actorId);
		}
	}

	/**
	 * @return the profile as the comment's website: an http(s) address (Mastodon's
	 * {@code https://host/@user} included, which readers' websites may not be) that fits
	 * the column, else null
	 */
	private static String profile(String url) {
		String lower = url == null ? "" : url.toLowerCase(Locale.ROOT);
		boolean web = lower.startsWith("https://") || lower.startsWith("http://");
		return web && url.length() <= CommentSettings.MAX_URL
				&& url.chars().noneMatch(ch -> ch <= ' ' || ch == '"' || ch == '<' || ch == '>' || ch == '`') ? url
						: null;
	}

	private static String key(String objectId) {
		return "ap:" + Digests.sha256Hex(objectId);
	}

}
