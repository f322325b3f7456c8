package org.broadsheet.site;

import java.util.List;
import java.util.Map;

import org.broadsheet.article.Article;
import org.broadsheet.article.ArticleTranslations;
import org.broadsheet.article.Correction;
import org.broadsheet.article.Corrections;
import org.broadsheet.article.PublishedArticles;
import org.broadsheet.comment.Comment;
import org.broadsheet.comment.Comments;
import org.broadsheet.comment.Likes;
import org.broadsheet.delivery.ResponsePart;
import org.broadsheet.delivery.Surrogates;
import org.broadsheet.search.RelatedArticles;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Component;

/**
 * Builds the model of the article page ({@code site/article}): for readers, and for the
 * newsroom's preview of the exact page before publishing.
 */
@Component
public class ArticlePages {

	private static final int RELATED = 4;

	private final PublishedArticles articles;

	private final Comments comments;

	private final RelatedArticles related;

	private final SiteContext site;

	private final SeoMetadata seo;

	private final Likes likes;

	private final ArticleTranslations translations;

	private final Corrections corrections;

	ArticlePages(PublishedArticles articles, Comments comments, Likes likes, RelatedArticles related, SiteContext site,
			SeoMetadata seo, ArticleTranslations translations, Corrections corrections) {
		this.translations = translations;
		this.corrections = corrections;
		this.articles = articles;
		this.comments = comments;
		this.likes = likes;
		this.related = related;
		this.site = site;
		this.seo = seo;
	}

	/**
	 * What one reader sees of an article's comments and likes.
	 *
	 * @param reader the reader cookie's value, or null
	 * @param commentPage 1-based
	 * @param csrf null for a page without forms (the newsroom's preview)
	 * @param form what the reader typed, or null for an empty form
	 * @param problems field → message key, empty when none
	 * @param replyTo the id of the comment answered, or null
	 * @param notice a message key for the form's notice, or null
	 */
	public record Reader(String reader, int commentPage, boolean newestFirst, CsrfToken csrf, Pages.CommentForm form,
			Map<String, String> problems, Long replyTo, String notice) {

		/**
		 * A reader with no cookie, on the first page of comments, oldest first, without
		 * forms.
		 */
		public static final Reader PREVIEW = new Reader(null, 1, false, null, null, Map.of(), null, null);

	}

	/**
	 * @return the page model for {@code article}, whose publication instant must be set
	 */
	public Pages.ArticlePage page(Article article, Reader reader) {
		return page(article, reader, null);
	}

	/**
	 * @param keys the page's surrogate keys, to which every article, section, tag and
	 * author the page shows is added; null when the page is not cached
	 * @return the page model for {@code article}, whose publication instant must be set
	 */
	Pages.ArticlePage page(Article article, Reader reader, Surrogates keys) {
		String pageUrl = site.absolute(article.path());
		String language = article.language() != null ? article.language() : site.settings().language();
		var around = articles.around(article, related.related(article.id(), RELATED));
		var relatedTeasers = around.related();
		var neighbours = around.neighbours();
		var group = translations.publicGroup(article.id());
		if (keys != null) {
			group.forEach(translation -> keys.add(Surrogates.article(translation.id())));
			keys.add(Surrogates.article(article.id()), Surrogates.related(article.id()),
					Surrogates.section(article.section().id()), Surrogates.NAV);
			article.tags().forEach(tag -> keys.add(Surrogates.tag(tag.id())));
			article.authors().forEach(author -> keys.add(Surrogates.author(author.id())));
			relatedTeasers.forEach(teaser -> keys.add(Surrogates.article(teaser.id())));
			if (neighbours.previous() != null) {
				keys.add(Surrogates.article(neighbours.previous().id()));
			}
			if (neighbours.next() != null) {
				keys.add(Surrogates.article(neighbours.next().id()));
			}
		}
		var notes = article.id() == 0 ? List.<Correction>of() : corrections.of(article.id());
		return new Pages.ArticlePage(site.chrome(), seo.article(article, pageUrl, notes), language,
				SiteContext.direction(language), article, pageUrl, ShareLink.forPage(pageUrl, article.title()),
				discussion(article, reader), relatedTeasers, neighbours,
				LanguageVersions.of(group, article.id(), language, pageUrl, site.settings().language(), site::absolute),
				notes);
	}

	/**
	 * A cached page gets the form token spliced in per response
	 * ({@link CommentTokenPart}).
	 */
	private String formToken(long articleId, CsrfToken csrf) {
		return csrf instanceof PlaceholderCsrfToken
				? ResponsePart.placeholder(CommentTokenPart.NAME, Long.toString(articleId))
				: comments.formToken(articleId);
	}

	private Pages.Discussion discussion(Article article, Reader reader) {
		var thread = comments.thread(article.id(), reader.reader(), reader.commentPage(), reader.newestFirst());
		Comment replyTo = reader.replyTo() == null ? null : comments.find(article.id(), reader.replyTo()).orElse(null);
		boolean open = comments.isOpen(article.id(), article.publishedAt());
		return new Pages.Discussion(thread, open, reader.csrf(),
				reader.csrf() != null && open ? formToken(article.id(), reader.csrf()) : null,
				reader.form() != null ? reader.form() : Pages.CommentForm.EMPTY, reader.problems(), replyTo,
				reader.notice(), likes.state(article.id(), reader.reader()));
	}

}
