package org.broadsheet.newsroom;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.broadsheet.comment.FederatedComments.RemoteAuthor;
import org.broadsheet.fediverse.delivery.DeliveryState;
import org.broadsheet.fediverse.interaction.FediverseBlocks;
import org.broadsheet.fediverse.interaction.FediverseReactions;
import org.broadsheet.site.Chrome;
import org.springframework.security.web.csrf.CsrfToken;

/** The models of the newsroom's fediverse page ({@link FediverseController}). */
public final class FediversePages {

	private FediversePages() {
	}

	/**
	 * One local actor's followers.
	 *
	 * @param kind {@code site}, {@code author} or {@code section}
	 * @param name the publication's, author's or section's name
	 */
	public record ActorRow(String kind, String name, long accepted, long pending) {
	}

	/**
	 * A follower waiting for approval.
	 *
	 * @param id its {@code fediverse_follower.id}
	 * @param follows the name of the actor it follows
	 * @param follower its actor id
	 * @param at when it followed
	 */
	public record PendingRow(long id, String follows, String follower, Instant at) {

		/**
		 * @return the follower's actor id when it is an http(s) address (linked), else
		 * null
		 */
		public String link() {
			return FediversePages.link(follower);
		}

	}

	/**
	 * A recently announced article with its likes and boosts.
	 *
	 * @param title the article's title ("#id" when it is gone)
	 */
	public record ReactionRow(long articleId, String title, Instant announcedAt, int likes, int boosts) {
	}

	/**
	 * The fediverse page.
	 *
	 * @param blocks the blocks, or null when the reader of the page may not moderate
	 * @param blockValue what was typed in the block form, to show again after a refusal
	 * @param blockProblem why the block form was refused, or null
	 * @param notice a message key about the last change, or null
	 * @param error why the last action was refused, or null
	 */
	public record FediversePage(Chrome chrome, CsrfToken csrf, List<ActorRow> actors, List<PendingRow> pending,
			boolean approveFollowers, DeliveryState.Summary deliveries, List<FediverseBlocks.Block> blocks,
			List<ReactionRow> reactions, String blockValue, String blockProblem, String notice, String error) {

		/**
		 * @return a count as shown: "10,000+" style at the cap
		 */
		public String count(long count) {
			return count >= DeliveryState.COUNT_CAP ? chrome.t("fediverse.delivery.atLeast", count)
					: String.valueOf(count);
		}

		/**
		 * @return the instant (UTC epoch ms) in the site's time zone
		 */
		public String time(long epochMillis) {
			return chrome.dateTime(Instant.ofEpochMilli(epochMillis));
		}

		public List<String> statuses() {
			return DeliveryState.STATUSES;
		}

	}

	/** The counts per article of {@link FediverseReactions#recent(int)}, with titles. */
	static List<ReactionRow> reactions(List<FediverseReactions.Announced> recent, Map<Long, String> titles) {
		return recent.stream()
			.map(a -> new ReactionRow(a.articleId(), titles.getOrDefault(a.articleId(), "#" + a.articleId()),
					Instant.ofEpochMilli(a.announcedAt()), a.counts().likes(), a.counts().boosts()))
			.toList();
	}

	/**
	 * @return the address when it is http(s) without characters that would break out of
	 * an attribute, else null
	 */
	static String link(String url) {
		return url != null && (url.startsWith("https://") || url.startsWith("http://"))
				&& url.chars().noneMatch(ch -> ch <= ' ' || ch == '"' || ch == '<' || ch == '>' || ch == '`') ? url
						: null;
	}

	/**
	 * @return the avatar of a comment's fediverse author when it is an https address (as
	 * stored: https only), else null
	 */
	public static String avatar(RemoteAuthor author) {
		String url = author == null ? null : link(author.avatarUrl());
		return url != null && url.startsWith("https://") ? url : null;
	}

	/**
	 * @return the profile of a comment's fediverse author (its page, else its actor id),
	 * or null
	 */
	public static String profile(RemoteAuthor author) {
		if (author == null) {
			return null;
		}
		String page = link(author.profileUrl());
		return page != null ? page : link(author.actorId());
	}

}
