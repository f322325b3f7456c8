package org.broadsheet.fediverse.interaction;

import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.broadsheet.fediverse.inbox.InboxActivity;
import org.broadsheet.fediverse.inbox.InboxHandler;
import org.broadsheet.shared.InvalidInput;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Likes and boosts of articles (ActivityPub §7.10 {@code Like}, §7.11 {@code Announce};
 * their {@code object} an article's URL): counted in {@code fediverse_reaction}, once per
 * activity id, and taken back by {@code Undo} through {@link #undo(InboxActivity)}. Like
 * readers' likes of comments, they are neither audited nor logged. A blocked account's or
 * domain's reactions are ignored; reactions to other objects (a comment, another site's
 * post) are ignored too.
 */
@Component
public class FediverseReactions implements InboxHandler {

	/**
	 * An article's counts.
	 *
	 * @param likes {@code Like}s
	 * @param boosts {@code Announce}s
	 */
	public record Counts(int likes, int boosts) {
	}

	private final JdbcClient jdbc;

	private final Clock clock;

	private final ReplyTargets targets;

	private final FediverseBlocks blocks;

	FediverseReactions(JdbcClient jdbc, Clock clock, ReplyTargets targets, FediverseBlocks blocks) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.targets = targets;
		this.blocks = blocks;
	}

	@Override
	public Set<String> types() {
		// "Undo" alone: an Undo naming its object by id only (Mastodon embeds it).
		return Set.of("Like", "Announce", "Undo:Like", "Undo:Announce", "Undo");
	}

	/**
	 * @throws InvalidInput naming {@code id} when the activity has none, {@code object}
	 * when it names no public article here
	 */
	@Override
	public void handle(InboxActivity activity) {
		if (blocks.blocked(activity.signer())) {
			return;
		}
		if ("Undo".equals(activity.type())) {
			undo(activity);
			return;
		}
		String id = Json.uri(Json.text(activity.activity(), "id"), "id").toString();
		String object = Json.id(activity.activity(), "object");
		var target = targets.find(Json.uri(object, "object"))
			.orElseThrow(() -> new InvalidInput("object", "fediverse.error.object", object));
		if (target.commentId() != null) {
			return;
		}
		jdbc.sql("""
				INSERT INTO fediverse_reaction (article_id, actor_id, kind, activity_id, created_at)
				VALUES (?, ?, ?, ?, ?) ON CONFLICT (activity_id) DO NOTHING""")
			.params(target.articleId(), activity.signer().toString(), activity.type().toLowerCase(Locale.ROOT), id,
					clock.millis())
			.update();
	}

	/**
	 * Takes back a like or boost: the inbox hands this handler every {@code Undo} of a
	 * {@code Like} or {@code Announce}, and every {@code Undo} naming its object by id
	 * only.
	 * @param activity an {@code Undo} whose {@code object} is the {@code Like} or
	 * {@code Announce} (embedded, or its id)
	 * @return whether it was one of this handler's: an embedded {@code Like} or
	 * {@code Announce}, or the id of a reaction stored here (removed only when the signer
	 * sent it; idempotent)
	 */
	public boolean undo(InboxActivity activity) {
		JsonNode object = activity.activity().get("object");
		String type = object != null && object.isObject() ? Json.text(object, "type") : null;
		String id = Json.id(activity.activity(), "object");
		if (id == null) {
			return "Like".equals(type) || "Announce".equals(type);
		}
		int removed = jdbc.sql("DELETE FROM fediverse_reaction WHERE activity_id = ? AND actor_id = ?")
			.params(id, activity.signer().toString())
			.update();
		return removed > 0 || "Like".equals(type) || "Announce".equals(type);
	}

	/**
	 * @return the article's likes and boosts from the fediverse
	 */
	public Counts counts(long articleId) {
		int[] counts = new int[2];
		jdbc.sql("SELECT kind, COUNT(*) FROM fediverse_reaction WHERE article_id = ? GROUP BY kind")
			.param(articleId)
			.query(rs -> {
				counts[rs.getString(1).equals("like") ? 0 : 1] = rs.getInt(2);
			});
		return new Counts(counts[0], counts[1]);
	}

	/**
	 * An announced article's counts.
	 *
	 * @param articleId the article
	 * @param announcedAt when its {@code Create} was queued, UTC epoch milliseconds
	 */
	public record Announced(long articleId, long announcedAt, Counts counts) {
	}

	/**
	 * @param limit how many articles, at most
	 * @return the most recently announced articles (still public) with their likes and
	 * boosts, newest first: two indexed queries ({@code fediverse_article_outbox},
	 * {@code fediverse_reaction_article}) whatever the archive's size
	 */
	public List<Announced> recent(int limit) {
		Map<Long, Long> announced = new LinkedHashMap<>();
		jdbc.sql(
				"SELECT article_id, created_at FROM fediverse_article ORDER BY created_at DESC, article_id DESC LIMIT ?")
			.param(limit)
			.query(rs -> {
				announced.put(rs.getLong(1), rs.getLong(2));
			});
		if (announced.isEmpty()) {
			return List.of();
		}
		Map<Long, int[]> counts = new HashMap<>();
		jdbc.sql("SELECT article_id, kind, COUNT(*) FROM fediverse_reaction WHERE article_id IN (:ids) "
				+ "GROUP BY article_id, kind")
			.param("ids", List.copyOf(announced.keySet()))
			.query(rs -> {
				counts.computeIfAbsent(rs.getLong(1), id -> new int[2])[rs.getString(2).equals("like") ? 0 : 1] = rs
					.getInt(3);
			});
		return announced.entrySet().stream().map(e -> {
			int[] c = counts.getOrDefault(e.getKey(), new int[2]);
			return new Announced(e.getKey(), e.getValue(), new Counts(c[0], c[1]));
		}).toList();
	}

}
