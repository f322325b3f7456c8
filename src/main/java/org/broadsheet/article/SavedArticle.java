package org.broadsheet.article;

/**
 * What storing an article did.
 *
 * @param path where readers find it, percent-encoded (e.g. {@code /news/a-story})
 * @param created whether it is new rather than an update of an article with its slug or
 * title
 */
public record SavedArticle(long id, String path, boolean created) {
}
