package org.broadsheet.site;

import org.broadsheet.article.Article;
import org.broadsheet.article.Articles;
import org.broadsheet.comment.Comments;
import org.broadsheet.search.RelatedArticles;
import org.springframework.stereotype.Component;

/**
 * Builds the model of the article page ({@code site/article}): for readers, and for the
 * newsroom's preview of the exact page before publishing.
 */
@Component
public class ArticlePages {

	private static final int RELATED = 4;

	private final Articles articles;

	private final Comments comments;

	private final RelatedArticles related;

	private final SiteContext site;

	private final SeoMetadata seo;

	ArticlePages(Articles articles, Comments comments, RelatedArticles related, SiteContext site, SeoMetadata seo) {
		this.articles = articles;
		this.comments = comments;
		this.related = related;
		this.site = site;
		this.seo = seo;
	}

	/** @return the page model for {@code article}, whose publication instant must be set */
	public Pages.ArticlePage page(Article article) {
		String pageUrl = site.absolute(article.path());
		String language = article.language() != null ? article.language() : site.settings().language();
		return new Pages.ArticlePage(site.chrome(), seo.article(article, pageUrl), language,
				SiteContext.direction(language), article, pageUrl, ShareLink.forPage(pageUrl, article.title()),
				comments.approved(article.id()), articles.teasers(related.related(article.id(), RELATED)),
				articles.neighbours(article));
	}

}
