package org.broadsheet.fediverse.interaction;

import java.net.URI;
import java.time.Instant;
import java.util.Optional;

import org.broadsheet.article.PublishedArticles;
import org.broadsheet.comment.FederatedComments;
import org.broadsheet.fediverse.actor.Actors;
import org.springframework.stereotype.Component;

/**
 * Finds what an ActivityPub id on this site names: a public article (its id is its page's
 * URL, as {@code actor.ArticleObjects} gives it) or a comment on one (the article's URL
 * with {@code #comment-<id>}, see {@link FederatedComments}).
 */
@Component
class ReplyTargets {

	/**
	 * A public article, or a comment on it.
	 *
	 * @param articleId the article
	 * @param publishedAt its publication instant (UTC)
	 * @param commentId the comment named, or null for the article itself
	 */
	record Target(long articleId, Instant publishedAt, Long commentId) {
	}

	private final PublishedArticles articles;

	private final Actors actors;

	ReplyTargets(PublishedArticles articles, Actors actors) {
		this.articles = articles;
		this.actors = actors;
	}

	/**
	 * @param id an absolute URL
	 * @return the public article (or comment) it names; empty for another site's URL, an
	 * unknown or non-public article, or a fragment that is not a comment's
	 */
	Optional<Target> find(URI id) {
		URI base = URI.create(actors.absolute("/"));
		if (id.getScheme() == null || !id.getScheme().equalsIgnoreCase(base.getScheme()) || id.getRawAuthority() == null
				|| !id.getRawAuthority().equalsIgnoreCase(base.getRawAuthority()) || id.getPath() == null) {
			return Optional.empty();
		}
		String basePath = base.getPath() == null ? "/" : base.getPath();
		String path = id.getPath();
		if (!path.startsWith(basePath)) {
			return Optional.empty();
		}
		String[] segments = path.substring(basePath.length()).split("/", -1);
		if (segments.length != 2 || segments[0].isEmpty() || segments[1].isEmpty()) {
			return Optional.empty();
		}
		Long commentId = null;
		if (id.getFragment() != null) {
			var named = FederatedComments.commentId(id.getFragment());
			if (named.isEmpty()) {
				return Optional.empty();
			}
			commentId = named.get();
		}
		Long comment = commentId;
		return articles.published(segments[0], segments[1])
			.map(article -> new Target(article.id(), article.publishedAt(), comment));
	}

}
