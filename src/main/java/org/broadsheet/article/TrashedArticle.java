package org.broadsheet.article;

import java.time.Instant;

/**
 * An article in the {@link Trash}.
 *
 * @param trashedAt when it was deleted (UTC)
 * @param purgeAt when it is deleted for good (UTC)
 */
public record TrashedArticle(long id, String title, Instant trashedAt, Instant purgeAt) {
}
