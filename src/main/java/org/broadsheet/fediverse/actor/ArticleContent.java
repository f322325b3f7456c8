package org.broadsheet.fediverse.actor;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;

import org.broadsheet.article.Article;
import org.broadsheet.article.Syndication;
import org.broadsheet.media.Image;
import org.springframework.context.MessageSource;
import org.springframework.web.util.HtmlUtils;

/**
 * The HTML of an {@code Article} object's {@code content}: what the reader page shows
 * around the body that a remote reader needs, in the page's order and wording, as the few
 * elements Mastodon's sanitizer keeps ({@code
 *
<p>
 * }, {@code <a href>}, {@code <em>}):
 * <ol>
 * <li>the byline: the authors' names linking to their pages, joined as the page joins
 * them (", ", {@code byline.and});</li>
 * <li>the lead image's caption and credit, in {@code <em>}, when it has either;</li>
 * <li>the body, as stored (sanitized when it was saved);</li>
 * <li>the syndication note, when the article first appeared elsewhere and has a note: the
 * note (a full stop added when it ends without sentence punctuation, as the page does) in
 * {@code <em>} and, when the original's URL is known, a link to it with the text of
 * {@code article.original} ("Read the original in {0}", the publication's name, else the
 * URL).</li>
 * </ol>
 * Every text is escaped (HTML 5 character references); the only URLs are this site's and
 * the syndication URL, which {@link Syndication} accepts only as absolute http(s).
 * Messages come from the bundles in the given locale (the site's language).
 */
final class ArticleContent {

	private ArticleContent() {
	}

	/**
	 * @param article a public article
	 * @param absolute turns a path of this site into an absolute URL
	 * @param messages the message bundles
	 * @param locale the site's language
	 * @return the HTML of {@code content}
	 */
	static String html(Article article, UnaryOperator<String> absolute, MessageSource messages, Locale locale) {
		List<String> blocks = new ArrayList<>();
		String byline = byline(article, absolute, messages, locale);
		if (!byline.isEmpty()) {
			blocks.add("<p>" + byline + "</p>");
		}
		String picture = credit(article.leadImage());
		if (picture != null) {
			blocks.add("<p><em>" + picture + "</em></p>");
		}
		if (article.bodyHtml() != null) {
			blocks.add(article.bodyHtml());
		}
		String note = syndication(article.syndication(), messages, locale);
		if (note != null) {
			blocks.add("<p>" + note + "</p>");
		}
		return String.join("\n", blocks);
	}

	private static String byline(Article article, UnaryOperator<String> absolute, MessageSource messages,
			Locale locale) {
		var authors = article.authors();
		StringBuilder html = new StringBuilder();
		for (int i = 0; i < authors.size(); i++) {
			if (i > 0) {
				html.append(escape(i == authors.size() - 1 ? messages.getMessage("byline.and", null, locale) : ", "));
			}
			html.append(link(absolute.apply(authors.get(i).path()), authors.get(i).name()));
		}
		return html.toString();
	}

	/** The figcaption's texts, "caption credit", escaped; null when it has neither. */
	private static String credit(Image image) {
		if (image == null) {
			return null;
		}
		List<String> parts = new ArrayList<>();
		for (String text : new String[] { image.caption(), image.credit() }) {
			if (text != null && !text.isBlank()) {
				parts.add(escape(text.strip()));
			}
		}
		return parts.isEmpty() ? null : String.join(" ", parts);
	}

	private static String syndication(Syndication syndication, MessageSource messages, Locale locale) {
		if (syndication == null || syndication.note() == null || syndication.note().isBlank()) {
			return null;
		}
		String html = "<em>" + escape(syndication.note().strip() + (syndication.noteEndsSentence() ? "" : "."))
				+ "</em>";
		if (syndication.hasOriginalUrl()) {
			String name = syndication.publication() != null && !syndication.publication().isBlank()
					? syndication.publication().strip() : syndication.url();
			html += " "
					+ link(syndication.url(), messages.getMessage("article.original", new Object[] { name }, locale));
		}
		return html;
	}

	private static String link(String url, String text) {
		return "<a href=\"" + escape(url) + "\">" + escape(text) + "</a>";
	}

	private static String escape(String text) {
		return HtmlUtils.htmlEscape(text, "UTF-8");
	}

}
