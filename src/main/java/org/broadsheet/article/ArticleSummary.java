package org.broadsheet.article;

import java.time.Instant;
import java.util.List;

import org.broadsheet.author.Author;
import org.broadsheet.taxonomy.Section;

/**
 * An article in the newsroom's list, in any status.
 *
 * @param publishedAt UTC instant, or null for a draft never published
 * @param updatedAt UTC instant of the last change
 */
public record ArticleSummary(long id, String title, Section section, List<Author> authors, ArticleStatus status,
		Instant publishedAt, Instant updatedAt) {

}
