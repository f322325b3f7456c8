package org.broadsheet.article;

/**
 * The articles published just before and just after one article.
 *
 * @param previous older neighbour, or null at the start
 * @param next newer neighbour, or null at the end
 */
public record Neighbours(ArticleTeaser previous, ArticleTeaser next) {
}
