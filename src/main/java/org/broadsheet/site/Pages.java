package org.broadsheet.site;

import java.util.List;

import org.broadsheet.article.Article;
import org.broadsheet.article.ArticleList;
import org.broadsheet.article.ArticleTeaser;
import org.broadsheet.article.Neighbours;
import org.broadsheet.author.Author;
import org.broadsheet.comment.Comment;

/** The models of the reader pages' templates ({@code src/main/jte/site}). */
public final class Pages {

	private Pages() {
	}

	/**
	 * @param lang the article's language (BCP 47), for its {@code <article lang>}
	 * @param dir {@code ltr} or {@code rtl}, for its {@code <article dir>}
	 * @param pageUrl this page's own absolute URL (what share links share)
	 * @param comments approved, oldest first
	 */
	public record ArticlePage(Chrome chrome, PageMeta meta, String lang, String dir, Article article, String pageUrl,
			List<ShareLink> share,
			List<Comment> comments, List<ArticleTeaser> related, Neighbours neighbours) {
	}

	/** @param lead the newest article, shown large on the first page; null on later pages */
	public record HomePage(Chrome chrome, PageMeta meta, ArticleTeaser lead, ArticleList latest) {
	}

	/**
	 * A section, tag or author page.
	 *
	 * @param author the profile to show above the list, on author pages; else null
	 * @param basePath the list's path, for pagination links
	 */
	public record ListingPage(Chrome chrome, PageMeta meta, String heading, Author author, ArticleList articles,
			String basePath) {
	}

	/** The search page: the query as read, its results and facets. */
	public record SearchPage(Chrome chrome, PageMeta meta, org.broadsheet.search.SearchResults results) {

		/** @return the search page's address with the current query, one parameter changed (null removes it) */
		public String with(String name, Object value) {
			var q = results.query();
			java.util.Map<String, Object> params = new java.util.LinkedHashMap<>();
			params.put("q", q.text().isEmpty() ? null : q.text());
			params.put("section", q.section());
			params.put("author", q.author());
			params.put("tag", q.tag());
			params.put("year", q.year());
			params.put("sort", q.newestFirst() ? "newest" : null);
			params.put(name, value);
			if (!name.equals("page")) {
				params.remove("page");
			}
			return org.broadsheet.text.Links.withQuery("/search", params);
		}

	}

	/** @param status HTTP status code */
	public record ErrorPage(Chrome chrome, PageMeta meta, int status, String heading, String message) {
	}

}
