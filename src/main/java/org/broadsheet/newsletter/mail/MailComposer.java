package org.broadsheet.newsletter.mail;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;

import org.broadsheet.article.Article;
import org.broadsheet.author.Author;
import org.broadsheet.media.Image;
import org.broadsheet.newsletter.mail.MailViews.Digest;
import org.broadsheet.newsletter.mail.MailViews.Frame;
import org.broadsheet.newsletter.mail.MailViews.Link;
import org.broadsheet.newsletter.mail.MailViews.Note;
import org.broadsheet.newsletter.mail.MailViews.Picture;
import org.broadsheet.newsletter.mail.MailViews.Teaser;
import org.broadsheet.site.SiteLinks;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Renders the two parts of an e-mail, HTML ({@code newsletter/article.jte},
 * {@code newsletter/digest.jte}) and plain text, from published articles, with
 * {@link MailSegments} markers where each recipient's links go.
 */
@Component
class MailComposer {

	/** Lead images are fetched at about twice the column for sharp screens. */
	static final int IMAGE_FETCH_WIDTH = 960;

	private final TemplateEngine templates;

	private final SiteLinks site;

	private final MessageSource messages;

	MailComposer(TemplateEngine templates, SiteLinks site, MessageSource messages) {
		this.templates = templates;
		this.site = site;
		this.messages = messages;
	}

	/** Both parts of one variant of an e-mail. */
	record Parts(String html, String text) {
	}

	/**
	 * @return what the e-mails of a send share: the frame's texts, in the site's language
	 */
	Frame frame(String title, String preheader, String language, String lists, boolean test) {
		String lang = language != null ? language : site.language();
		return new Frame(lang, site.direction(lang), title, preheader, site.siteName(), site.absolute("/"), lists, test,
				new MailWords(messages, Locale.forLanguageTag(site.language())));
	}

	Parts article(Article a, Frame frame) {
		String url = site.absolute(a.path());
		var view = new MailViews.Article(frame, url, new Link(a.section().name(), site.absolute(a.section().path())),
				a.title(), authors(a.authors()), picture(a.leadImage()), a.summary(), MailHtml.body(a.bodyHtml(), url),
				a.authors().stream().map(Author::bio).filter(b -> b != null && !b.isBlank()).toList(),
				note(a, frame.words()), url + "#comments");
		return new Parts(render("newsletter/article.jte", view), articleText(view));
	}

	Parts digest(List<Article> articles, Frame frame) {
		List<Teaser> teasers = articles.stream()
			.map(a -> new Teaser(a.title(), site.absolute(a.path()), a.section().name(), authors(a.authors()),
					a.summary()))
			.toList();
		var view = new Digest(frame, teasers);
		return new Parts(render("newsletter/digest.jte", view), digestText(view));
	}

	private String render(String template, Object view) {
		var out = new StringOutput(32 * 1024);
		templates.render(template, view, out);
		return out.toString();
	}

	private List<Link> authors(List<Author> authors) {
		return authors.stream().map(a -> new Link(a.name(), site.absolute(a.path()))).toList();
	}

	/**
	 * @return the lead image at the column's width, from its variant at
	 * {@value #IMAGE_FETCH_WIDTH} pixels when it has one (else the original), or null
	 */
	private Picture picture(Image image) {
		if (image == null) {
			return null;
		}
		String src = image.url();
		for (Image.Variant variant : image.variants()) {
			if (variant.width() >= IMAGE_FETCH_WIDTH) {
				src = variant.url();
				break;
			}
		}
		int width = Math.min(image.width(), MailHtml.COLUMN);
		int height = image.width() == 0 ? 0 : Math.round(image.height() * (float) width / image.width());
		return new Picture(site.absolute(src), width, height, image.alt(), image.caption(), image.credit());
	}

	private static Note note(Article a, MailWords words) {
		var syndication = a.syndication();
		if (syndication == null || (syndication.note() == null && !syndication.hasOriginalUrl())) {
			return null;
		}
		String note = syndication.note() == null ? null
				: syndication.note().strip() + (syndication.noteEndsSentence() ? "" : ".");
		Link original = syndication.hasOriginalUrl() ? new Link(
				words.t("article.original",
						syndication.publication() != null ? syndication.publication() : syndication.url()),
				syndication.url()) : null;
		return new Note(note, original);
	}

	private static String articleText(MailViews.Article view) {
		var words = view.frame().words();
		List<String> blocks = new ArrayList<>();
		blocks.add(view.frame().siteName());
		blocks.add(view.headline() + "\n" + words.t("newsletter.mail.by") + " " + byline(words, view.authors()) + "\n"
				+ view.url());
		var image = view.image();
		if (image != null && (image.caption() != null || image.credit() != null)) {
			blocks.add("[" + String.join(" ", nonNull(image.caption(), image.credit())) + "]");
		}
		if (view.standfirst() != null) {
			blocks.add(view.standfirst());
		}
		blocks.add(PlainText.of(view.body()));
		blocks.addAll(view.bios());
		if (view.syndication() != null) {
			var note = view.syndication();
			blocks.add(String.join(" ", nonNull(note.note(),
					note.original() == null ? null : note.original().text() + " <" + note.original().url() + ">")));
		}
		blocks.add(words.t("newsletter.mail.comment") + ": " + view.commentsUrl());
		return String.join("\n\n", blocks) + "\n\n" + footerText(view.frame());
	}

	private static String digestText(Digest view) {
		var words = view.frame().words();
		List<String> blocks = new ArrayList<>();
		blocks.add(view.frame().siteName());
		blocks.add(view.frame().title());
		for (Teaser teaser : view.teasers()) {
			blocks.add(teaser.headline() + "\n" + words.t("newsletter.mail.by") + " " + byline(words, teaser.authors())
					+ (teaser.standfirst() != null ? "\n" + teaser.standfirst() : "") + "\n" + teaser.url());
		}
		return String.join("\n\n", blocks) + "\n\n" + footerText(view.frame());
	}

	private static String footerText(Frame frame) {
		var words = frame.words();
		String footer = frame.test() ? words.t("newsletter.mail.test")
				: words.t("newsletter.mail.why", frame.lists()) + " "
						+ words.t("newsletter.mail.sentTo", MailSegments.EMAIL) + "\n"
						+ words.t("newsletter.mail.preferences") + ": " + MailSegments.PREFERENCES + "\n"
						+ words.t("newsletter.mail.unsubscribe") + ": " + MailSegments.UNSUBSCRIBE;
		return "-- \n" + footer + "\n" + frame.siteName() + " <" + frame.siteUrl() + ">\n";
	}

	private static String byline(MailWords words, List<Link> authors) {
		var out = new StringBuilder();
		for (int i = 0; i < authors.size(); i++) {
			out.append(words.separator(i, authors.size())).append(authors.get(i).text());
		}
		return out.toString();
	}

	private static List<String> nonNull(String... texts) {
		List<String> kept = new ArrayList<>();
		for (String text : texts) {
			if (text != null && !text.isBlank()) {
				kept.add(text.strip());
			}
		}
		return kept;
	}

}
