package org.broadsheet.search;

import java.util.List;

import org.broadsheet.article.Article;
import org.jsoup.Jsoup;

/**
 * What the index holds of an article.
 *
 * @param bodyText the body as plain text
 * @param publishedAt UTC epoch milliseconds
 * @param language BCP 47 tag, empty for the site's language (related articles prefer the
 * same)
 */
record IndexedArticle(long id, String path, String title, String summary, String bodyText, String section,
		List<String> authors, List<String> tags, long publishedAt, String language) {

	static IndexedArticle of(Article a) {
		return new IndexedArticle(a.id(), a.path(), a.title(), a.summary() == null ? "" : a.summary(),
				Jsoup.parse(a.bodyHtml()).text(), a.section().name(), a.authors().stream().map(x -> x.name()).toList(),
				a.tags().stream().map(t -> t.name()).toList(), a.publishedAt().toEpochMilli(),
				a.language() == null ? "" : a.language());
	}

}
