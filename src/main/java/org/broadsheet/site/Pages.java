package org.broadsheet.site;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.broadsheet.article.Article;
import org.broadsheet.article.ArticleList;
import org.broadsheet.article.ArticleTeaser;
import org.broadsheet.article.Correction;
import org.broadsheet.article.Neighbours;
import org.broadsheet.author.Author;
import org.broadsheet.comment.Comment;
import org.broadsheet.comment.CommentThread;
import org.broadsheet.comment.Likes;
import org.broadsheet.search.SearchQuery;
import org.broadsheet.search.SearchResults;
import org.broadsheet.shared.Links;
import org.springframework.security.web.csrf.CsrfToken;

/** The models of the reader pages' templates ({@code src/main/jte/site}). */
public final class Pages {

	private Pages() {
	}

	/**
	 * @param lang the article's language (BCP 47), for its {@code <article lang>}
	 * @param dir {@code ltr} or {@code rtl}, for its {@code <article dir>}
	 * @param pageUrl this page's own absolute URL (what share links share)
	 * @param discussion comments and likes, as this reader sees them
	 * @param languages its translations: hreflang alternates and the language switcher
	 * @param corrections its corrections and editor's notes, oldest first
	 */
	public record ArticlePage(Chrome chrome, PageMeta meta, String lang, String dir, Article article, String pageUrl,
			List<ShareLink> share, Discussion discussion, List<ArticleTeaser> related, Neighbours neighbours,
			LanguageVersions languages, List<Correction> corrections) {

		/**
		 * @return the corrections shown at {@code placement}, oldest first
		 */
		public List<Correction> corrections(Correction.Placement placement) {
			return corrections.stream().filter(c -> c.placement() == placement).toList();
		}

	}

	/**
	 * The comments section and the like button of an article page.
	 *
	 * @param thread the page of comments shown
	 * @param open whether readers may comment now
	 * @param csrf the token forms carry; null where the page has no forms (the newsroom's
	 * preview)
	 * @param formToken the comment form's timing token
	 * @param form what the reader typed, shown again after a refused comment
	 * @param problems field → message key, for a refused comment
	 * @param replyTo the comment being answered, or null
	 * @param notice a message key shown above the form (e.g. too many comments), or null
	 */
	public record Discussion(CommentThread thread, boolean open, CsrfToken csrf, String formToken, CommentForm form,
			Map<String, String> problems, Comment replyTo, String notice, Likes.State likes) {

		/**
		 * @return the message key for a field's problem, or null
		 */
		public String problem(String field) {
			return problems.get(field);
		}

		/**
		 * @return the article page's address for replying to a comment, on the page of
		 * comments shown
		 */
		public String replyLink(String articlePath, long commentId) {
			var params = new LinkedHashMap<String, Object>();
			params.put("corder", thread.newestFirst() ? "newest" : null);
			params.put("cpage", thread.page() > 1 ? thread.page() : null);
			params.put("replyto", commentId);
			return Links.withQuery(articlePath, params) + "#respond";
		}

		/**
		 * @return the article page's address for another page of comments, or another
		 * order
		 */
		public String commentsPage(String articlePath, int page, boolean newestFirst) {
			var params = new LinkedHashMap<String, Object>();
			params.put("corder", newestFirst ? "newest" : null);
			params.put("cpage", page > 1 ? page : null);
			return Links.withQuery(articlePath, params) + "#comments";
		}

	}

	/** A comment form's fields as typed; empty strings for a new form. */
	public record CommentForm(String name, String email, String website, String text, Long parent) {

		static final CommentForm EMPTY = new CommentForm("", "", "", "", null);

	}

	/**
	 * @param lead the newest article, shown large on the first page; null on later pages
	 */
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

	/**
	 * The search page: the query as read, its results and facets.
	 *
	 * @param lang the reader's language ({@code lang}, a BCP 47 tag) every link of the
	 * page keeps, or null
	 */
	public record SearchPage(Chrome chrome, PageMeta meta, SearchResults results, String lang) {

		/**
		 * @return the search page's address with the current query and language (first
		 * page), one parameter changed (null removes it)
		 */
		public String with(String name, Object value) {
			return address(results.query(), lang, name, value);
		}

		/**
		 * @param lang the reader's language to keep, or null
		 * @return the search page's address for {@code q} (first page), one parameter
		 * changed (null removes it)
		 */
		static String address(SearchQuery q, String lang, String name, Object value) {
			Map<String, Object> params = new LinkedHashMap<>();
			params.put("q", q.text().isEmpty() ? null : q.text());
			params.put("section", q.section());
			params.put("author", q.author());
			params.put("tag", q.tag());
			params.put("year", q.year());
			params.put("sort", q.newestFirst() ? "newest" : null);
			params.put("lang", lang == null || lang.isBlank() ? null : lang);
			params.put(name, value);
			return Links.withQuery("/search", params);
		}

	}

	/**
	 * @param status HTTP status code
	 */
	public record ErrorPage(Chrome chrome, PageMeta meta, int status, String heading, String message) {
	}

}
