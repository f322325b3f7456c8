package org.broadsheet.interchange.wordpress;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.broadsheet.article.Article;
import org.broadsheet.article.ArticleInterchange;
import org.broadsheet.author.Author;
import org.broadsheet.author.Authors;
import org.broadsheet.comment.Comment;
import org.broadsheet.comment.Comments;
import org.broadsheet.page.StaticPage;
import org.broadsheet.page.StaticPages;
import org.broadsheet.settings.Overrides;
import org.broadsheet.settings.SettingsStore;
import org.broadsheet.shared.XmlText;
import org.broadsheet.taxonomy.Section;
import org.broadsheet.taxonomy.Tag;
import org.broadsheet.taxonomy.Taxonomy;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.web.util.HtmlUtils;
import org.springframework.web.util.UriUtils;

/**
 * Writes everything as one WXR 1.2 file, the format WordPress's own importer reads (Tools
 * → Import → WordPress), streaming with StAX a page of articles at a time. Sections
 * become top-level categories, tags tags, authors {@code wp:author}s (login, email,
 * display name); every article is a post (pages, too: they come back in their section),
 * with its first author as {@code dc:creator} and its whole byline, in order, as
 * Co-Authors Plus writes it ({@code author} terms named by login; authors with a bio or
 * links also as guest authors linked to their login, holding the profile), its comments
 * with their threads and status, its former slugs as {@code _wp_old_slug} and its lead
 * image as a featured-image attachment whose {@code _wp_attached_file} is the media
 * library's storage key, so that importing the file with {@code --uploads <data>/media}
 * finds the files again. Titles, excerpts and comments, plain text here, are written
 * HTML-escaped as WordPress keeps them.
 */
@Service
public class WordPressExporter {

	private static final String WP = "http://wordpress.org/export/1.2/";

	private static final DateTimeFormatter WP_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT)
		.withZone(ZoneOffset.UTC);

	private static final String NO_DATE = "0000-00-00 00:00:00";

	/**
	 * Attachment post ids: this plus the article's id for lead images, plus the row id
	 * for other attachments.
	 */
	private static final long LEAD_IMAGE_IDS = 1_000_000_000_000L;

	private static final long ATTACHMENT_IDS = 2_000_000_000_000L;

	private static final int PAGE = 200;

	/** Static pages' post ids start here, apart from articles' and attachments'. */
	private static final long PAGE_IDS = 3_000_000_000_000L;

	/**
	 * Guest-author items' post ids and the {@code author} terms' ids: this plus the
	 * author's id.
	 */
	private static final long AUTHOR_IDS = 4_000_000_000_000L;

	private final ArticleInterchange interchange;

	private final Authors authors;

	private final Taxonomy taxonomy;

	private final Comments comments;

	private final WordPressAttachments attachments;

	private final String siteName;

	private final String language;

	private final SettingsStore settings;

	private final Clock clock;

	private final StaticPages pages;

	WordPressExporter(ArticleInterchange interchange, Authors authors, Taxonomy taxonomy, Comments comments,
			WordPressAttachments attachments, StaticPages pages,
			@Value("${broadsheet.site.name:Broadsheet}") String siteName,
			@Value("${broadsheet.site.language:en}") String language, SettingsStore settings, Clock clock) {
		this.language = language;
		this.settings = settings;
		this.interchange = interchange;
		this.pages = pages;
		this.authors = authors;
		this.taxonomy = taxonomy;
		this.comments = comments;
		this.attachments = attachments;
		this.siteName = siteName;
		this.clock = clock;
	}

	/**
	 * Writes the file (through a temporary file beside it, so a failure leaves no half
	 * file).
	 * @param siteUrl absolute site address without a trailing slash, e.g.
	 * {@code https://news.example}; links and attachment URLs start with it
	 * @return how many articles were written
	 * @throws UncheckedIOException when the file cannot be written
	 */
	public int export(Path file, String siteUrl) {
		String site = siteUrl.endsWith("/") ? siteUrl.substring(0, siteUrl.length() - 1) : siteUrl;
		Path parent = file.toAbsolutePath().getParent();
		if (Files.isDirectory(file)) {
			throw new UncheckedIOException(new IOException("Cannot write " + file + ": it is a folder; name a file"));
		}
		if (parent == null || !Files.isDirectory(parent)) {
			throw new UncheckedIOException(new IOException("Cannot write " + file + ": no folder " + parent));
		}
		Path temp = null;
		try {
			temp = Files.createTempFile(parent, ".export", ".xml");
			int count;
			try (OutputStream out = Files.newOutputStream(temp)) {
				XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
				count = write(xml, site);
				xml.close();
			}
			Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
			temp = null;
			return count;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot write " + file + ": " + ex.getMessage(), ex);
		}
		catch (XMLStreamException ex) {
			throw new UncheckedIOException(new IOException("Cannot write " + file + ": " + ex.getMessage(), ex));
		}
		finally {
			deleteQuietly(temp);
		}
	}

	/** A half-written export holds emails: it never stays behind. */
	private static void deleteQuietly(Path temp) {
		if (temp != null) {
			try {
				Files.deleteIfExists(temp);
			}
			catch (IOException ex) {
				// the original failure is what the caller needs to hear about
			}
		}
	}

	private int write(XMLStreamWriter xml, String site) throws XMLStreamException {
		xml.writeStartDocument("UTF-8", "1.0");
		xml.writeCharacters("\n");
		xml.writeStartElement("rss");
		xml.writeAttribute("version", "2.0");
		xml.writeNamespace("excerpt", WP + "excerpt/");
		xml.writeNamespace("content", "http://purl.org/rss/1.0/modules/content/");
		xml.writeNamespace("wfw", "http://wellformedweb.org/CommentAPI/");
		xml.writeNamespace("dc", "http://purl.org/dc/elements/1.1/");
		xml.writeNamespace("wp", WP);
		xml.writeStartElement("channel");
		// The settings page's name and language, else the start-up properties'.
		var saved = settings.current();
		element(xml, "", "title", Overrides.or(saved.name(), siteName));
		element(xml, "", "link", site);
		element(xml, "", "description", "");
		element(xml, "", "pubDate",
				DateTimeFormatter.RFC_1123_DATE_TIME.format(clock.instant().atOffset(ZoneOffset.UTC)));
		element(xml, "", "language", Overrides.or(saved.language(), language));
		element(xml, WP, "wxr_version", "1.2");
		element(xml, WP, "base_site_url", site);
		element(xml, WP, "base_blog_url", site);
		Map<Long, Authors.Login> logins = authors.logins();
		List<Author> everyone = authors.all();
		for (Author author : everyone) {
			xml.writeStartElement(WP, "author");
			element(xml, WP, "author_id", Long.toString(author.id()));
			element(xml, WP, "author_login", login(author, logins));
			Authors.Login login = logins.get(author.id());
			element(xml, WP, "author_email", login == null || login.email() == null ? "" : login.email());
			element(xml, WP, "author_display_name", author.name());
			element(xml, WP, "author_first_name", "");
			element(xml, WP, "author_last_name", "");
			xml.writeEndElement();
		}
		for (Section section : taxonomy.sections()) {
			xml.writeStartElement(WP, "category");
			element(xml, WP, "term_id", Long.toString(section.id()));
			element(xml, WP, "category_nicename", slug(section.slug()));
			element(xml, WP, "category_parent", "");
			element(xml, WP, "cat_name", section.name());
			xml.writeEndElement();
		}
		for (Tag tag : taxonomy.tags()) {
			xml.writeStartElement(WP, "tag");
			element(xml, WP, "term_id", Long.toString(tag.id()));
			element(xml, WP, "tag_slug", slug(tag.slug()));
			element(xml, WP, "tag_name", tag.name());
			xml.writeEndElement();
		}
		for (Author author : everyone) {
			writeAuthorTerm(xml, author, logins);
		}
		element(xml, "", "generator", "Broadsheet");
		int count = 0;
		long after = 0;
		List<ArticleInterchange.Stored> page = interchange.everything(after, PAGE);
		while (!page.isEmpty()) {
			var ids = page.stream().map(stored -> stored.article().id()).toList();
			var parts = new PageParts(attachments.ofArticles(ids), comments.allOf(ids), comments.closedAmong(ids));
			for (ArticleInterchange.Stored stored : page) {
				writeArticle(xml, site, stored, logins, parts);
				count++;
				after = stored.article().id();
			}
			page = interchange.everything(after, PAGE);
		}
		for (StaticPage staticPage : pages.everything()) {
			writePage(xml, site, staticPage);
		}
		for (Author author : everyone) {
			if (author.bio() != null || !author.linkList().isEmpty()) {
				writeGuestAuthor(xml, site, author, logins);
			}
		}
		xml.writeEndElement();
		xml.writeEndElement();
		xml.writeEndDocument();
		return count;
	}

	/** What a page of articles has besides the articles, read in one query per kind. */
	private record PageParts(Map<Long, List<WordPressAttachments.Row>> attachments, Map<Long, List<Comment>> comments,
			Set<Long> closed) {
	}

	private void writeArticle(XMLStreamWriter xml, String site, ArticleInterchange.Stored stored,
			Map<Long, Authors.Login> logins, PageParts parts) throws XMLStreamException {
		Article a = stored.article();
		List<WordPressAttachments.Row> own = parts.attachments().getOrDefault(a.id(), List.of());
		Long thumbnail = null;
		if (a.leadImage() != null) {
			thumbnail = own.stream()
				.filter(r -> a.leadImage().id() == (r.imageId() == null ? -1 : r.imageId()))
				.map(r -> ATTACHMENT_IDS + r.id())
				.findFirst()
				.orElse(LEAD_IMAGE_IDS + a.id());
		}
		xml.writeStartElement("item");
		element(xml, "", "title", HtmlUtils.htmlEscape(a.title(), "UTF-8"));
		element(xml, "", "link", site + a.path());
		Instant date = a.publishedAt();
		element(xml, "", "pubDate", DateTimeFormatter.RFC_1123_DATE_TIME
			.format((date == null ? a.updatedAt() : date).atOffset(ZoneOffset.UTC)));
		element(xml, "http://purl.org/dc/elements/1.1/", "creator", login(a.authors().get(0), logins));
		xml.writeStartElement("guid");
		xml.writeAttribute("isPermaLink", "false");
		xml.writeCharacters(site + "/?p=" + a.id());
		xml.writeEndElement();
		element(xml, "", "description", "");
		element(xml, "http://purl.org/rss/1.0/modules/content/", "encoded", a.bodyHtml());
		element(xml, WP + "excerpt/", "encoded", a.summary() == null ? "" : HtmlUtils.htmlEscape(a.summary(), "UTF-8"));
		element(xml, WP, "post_id", Long.toString(a.id()));
		element(xml, WP, "post_date", wpDate(date == null ? a.updatedAt() : date));
		element(xml, WP, "post_date_gmt", date == null ? NO_DATE : wpDate(date));
		element(xml, WP, "post_modified", wpDate(a.updatedAt()));
		element(xml, WP, "post_modified_gmt", wpDate(a.updatedAt()));
		element(xml, WP, "comment_status", parts.closed().contains(a.id()) ? "closed" : "open");
		element(xml, WP, "ping_status", "closed");
		element(xml, WP, "post_name", slug(a.slug()));
		element(xml, WP, "status", switch (a.status()) {
			case PUBLISHED -> "publish";
			case SCHEDULED -> "future";
			case IN_REVIEW -> "pending";
			case UNPUBLISHED -> "private";
			case DRAFT -> "draft";
		});
		element(xml, WP, "post_parent", "0");
		element(xml, WP, "menu_order", "0");
		element(xml, WP, "post_type", "post");
		element(xml, WP, "post_password", "");
		element(xml, WP, "is_sticky", stored.sticky() ? "1" : "0");
		term(xml, "category", a.section().slug(), a.section().name());
		for (Tag tag : a.tags()) {
			term(xml, "post_tag", tag.slug(), tag.name());
		}
		// The byline in order, as Co-Authors Plus keeps it.
		for (Author author : a.authors()) {
			term(xml, "author", "cap-" + author.slug(), login(author, logins));
		}
		for (String old : stored.oldSlugs()) {
			meta(xml, "_wp_old_slug", slug(old));
		}
		if (thumbnail != null) {
			meta(xml, "_thumbnail_id", Long.toString(thumbnail));
		}
		for (Comment c : parts.comments().getOrDefault(a.id(), List.of())) {
			writeComment(xml, c);
		}
		xml.writeEndElement();
		for (WordPressAttachments.Row row : own) {
			// The lead image's file is named by its media-library key, as for articles
			// written here, so
			// that an import with --uploads <data>/media finds it whichever article used
			// it first.
			boolean lead = a.leadImage() != null && row.imageId() != null && row.imageId() == a.leadImage().id();
			writeAttachment(xml, ATTACHMENT_IDS + row.id(), a.id(), row.title(), row.url(),
					lead ? a.leadImage().storageKey() : row.filePath(), row.alt(), row.caption(), row.description(),
					row.uploadedAt() == null ? null : Instant.ofEpochMilli(row.uploadedAt()));
		}
		if (thumbnail != null && thumbnail == LEAD_IMAGE_IDS + a.id()) {
			var image = a.leadImage();
			writeAttachment(xml, thumbnail, a.id(), image.caption() != null ? image.caption() : image.alt(),
					site + image.url(), image.storageKey(), image.alt(), image.caption(), null, date);
		}
	}

	/**
	 * A static page as a WordPress page ({@code post_type} page), its post id apart from
	 * articles'.
	 */
	private void writePage(XMLStreamWriter xml, String site, StaticPage p) throws XMLStreamException {
		xml.writeStartElement("item");
		element(xml, "", "title", HtmlUtils.htmlEscape(p.title(), "UTF-8"));
		element(xml, "", "link", site + p.path());
		element(xml, "", "pubDate",
				DateTimeFormatter.RFC_1123_DATE_TIME.format(p.updatedAt().atOffset(ZoneOffset.UTC)));
		element(xml, "http://purl.org/dc/elements/1.1/", "creator", "");
		xml.writeStartElement("guid");
		xml.writeAttribute("isPermaLink", "false");
		xml.writeCharacters(site + "/?page_id=" + p.id());
		xml.writeEndElement();
		element(xml, "", "description", "");
		element(xml, "http://purl.org/rss/1.0/modules/content/", "encoded", p.bodyHtml());
		element(xml, WP + "excerpt/", "encoded",
				p.description() == null ? "" : HtmlUtils.htmlEscape(p.description(), "UTF-8"));
		element(xml, WP, "post_id", Long.toString(PAGE_IDS + p.id()));
		element(xml, WP, "post_date", wpDate(p.updatedAt()));
		element(xml, WP, "post_date_gmt", wpDate(p.updatedAt()));
		element(xml, WP, "post_modified", wpDate(p.updatedAt()));
		element(xml, WP, "post_modified_gmt", wpDate(p.updatedAt()));
		element(xml, WP, "comment_status", "closed");
		element(xml, WP, "ping_status", "closed");
		element(xml, WP, "post_name", slug(p.slug()));
		element(xml, WP, "status", p.published() ? "publish" : "draft");
		element(xml, WP, "post_parent", "0");
		element(xml, WP, "menu_order", Integer.toString(p.footerOrder()));
		element(xml, WP, "post_type", "page");
		element(xml, WP, "post_password", "");
		element(xml, WP, "is_sticky", "0");
		xml.writeEndElement();
	}

	/**
	 * Co-Authors Plus's term for an author: named by the login, slug {@code cap-} and the
	 * nicename, described as "display name, first name, last name, login, id, email".
	 */
	private static void writeAuthorTerm(XMLStreamWriter xml, Author author, Map<Long, Authors.Login> logins)
			throws XMLStreamException {
		Authors.Login login = logins.get(author.id());
		String email = login == null || login.email() == null ? "" : login.email();
		xml.writeStartElement(WP, "term");
		element(xml, WP, "term_id", Long.toString(AUTHOR_IDS + author.id()));
		element(xml, WP, "term_taxonomy", "author");
		element(xml, WP, "term_slug", slug("cap-" + author.slug()));
		element(xml, WP, "term_name", login(author, logins));
		element(xml, WP, "term_description",
				String.join(" ", author.name(), "", "", login(author, logins), Long.toString(author.id()), email));
		xml.writeEndElement();
	}

	/**
	 * An author's profile as a Co-Authors Plus guest author linked to their
	 * {@code wp:author} login: display name, email, bio and first link (its one website).
	 */
	private void writeGuestAuthor(XMLStreamWriter xml, String site, Author author, Map<Long, Authors.Login> logins)
			throws XMLStreamException {
		String login = login(author, logins);
		Authors.Login account = logins.get(author.id());
		xml.writeStartElement("item");
		element(xml, "", "title", HtmlUtils.htmlEscape(author.name(), "UTF-8"));
		element(xml, "", "link", site + author.path());
		element(xml, "http://purl.org/dc/elements/1.1/", "creator", login);
		xml.writeStartElement("guid");
		xml.writeAttribute("isPermaLink", "false");
		xml.writeCharacters(site + "/?post_type=guest-author&p=" + (AUTHOR_IDS + author.id()));
		xml.writeEndElement();
		element(xml, WP, "post_id", Long.toString(AUTHOR_IDS + author.id()));
		element(xml, WP, "post_name", slug("cap-" + author.slug()));
		element(xml, WP, "status", "publish");
		element(xml, WP, "post_type", WordPressBylines.GUEST_AUTHOR);
		term(xml, "author", "cap-" + author.slug(), login);
		meta(xml, "cap-display_name", author.name());
		meta(xml, "cap-user_login", login);
		meta(xml, "cap-linked_account", account == null ? "" : login);
		meta(xml, "cap-user_email", account == null || account.email() == null ? "" : account.email());
		meta(xml, "cap-website", author.linkList().isEmpty() ? "" : author.linkList().get(0));
		meta(xml, "cap-description", author.bio() == null ? "" : HtmlUtils.htmlEscape(author.bio(), "UTF-8"));
		xml.writeEndElement();
	}

	private void writeComment(XMLStreamWriter xml, Comment c) throws XMLStreamException {
		xml.writeStartElement(WP, "comment");
		element(xml, WP, "comment_id", Long.toString(c.id()));
		element(xml, WP, "comment_author", HtmlUtils.htmlEscape(c.authorName(), "UTF-8"));
		element(xml, WP, "comment_author_email", c.authorEmail() == null ? "" : c.authorEmail());
		element(xml, WP, "comment_author_url", c.authorUrl() == null ? "" : c.authorUrl());
		element(xml, WP, "comment_author_IP", "");
		element(xml, WP, "comment_date", wpDate(c.createdAt()));
		element(xml, WP, "comment_date_gmt", wpDate(c.createdAt()));
		element(xml, WP, "comment_content", HtmlUtils.htmlEscape(c.body(), "UTF-8"));
		element(xml, WP, "comment_approved", switch (c.status()) {
			case APPROVED -> "1";
			case PENDING -> "0";
			case SPAM -> "spam";
			case REJECTED -> "trash";
		});
		element(xml, WP, "comment_type", "comment");
		element(xml, WP, "comment_parent", c.parentId() == null ? "0" : Long.toString(c.parentId()));
		element(xml, WP, "comment_user_id", "0");
		xml.writeEndElement();
	}

	private void writeAttachment(XMLStreamWriter xml, long id, long parent, String title, String url, String file,
			String alt, String caption, String description, Instant date) throws XMLStreamException {
		xml.writeStartElement("item");
		element(xml, "", "title", title == null ? "" : HtmlUtils.htmlEscape(title, "UTF-8"));
		element(xml, "", "link", url == null ? "" : url);
		element(xml, "http://purl.org/dc/elements/1.1/", "creator", "");
		xml.writeStartElement("guid");
		xml.writeAttribute("isPermaLink", "false");
		xml.writeCharacters(url == null ? "" : url);
		xml.writeEndElement();
		element(xml, "", "description", "");
		element(xml, "http://purl.org/rss/1.0/modules/content/", "encoded", description == null ? "" : description);
		element(xml, WP + "excerpt/", "encoded", caption == null ? "" : HtmlUtils.htmlEscape(caption, "UTF-8"));
		element(xml, WP, "post_id", Long.toString(id));
		element(xml, WP, "post_date", date == null ? NO_DATE : wpDate(date));
		element(xml, WP, "post_date_gmt", date == null ? NO_DATE : wpDate(date));
		element(xml, WP, "comment_status", "closed");
		element(xml, WP, "ping_status", "closed");
		element(xml, WP, "post_name", "attachment-" + id);
		element(xml, WP, "status", "inherit");
		element(xml, WP, "post_parent", Long.toString(parent));
		element(xml, WP, "menu_order", "0");
		element(xml, WP, "post_type", "attachment");
		element(xml, WP, "post_password", "");
		element(xml, WP, "is_sticky", "0");
		element(xml, WP, "attachment_url", url == null ? "" : url);
		if (file != null) {
			meta(xml, "_wp_attached_file", file);
		}
		if (alt != null) {
			meta(xml, "_wp_attachment_image_alt", alt);
		}
		xml.writeEndElement();
	}

	private static void term(XMLStreamWriter xml, String domain, String slug, String name) throws XMLStreamException {
		xml.writeStartElement("category");
		xml.writeAttribute("domain", domain);
		xml.writeAttribute("nicename", slug(slug));
		xml.writeCharacters(Objects.requireNonNullElse(XmlText.clean(name), ""));
		xml.writeEndElement();
	}

	private static void meta(XMLStreamWriter xml, String key, String value) throws XMLStreamException {
		xml.writeStartElement(WP, "postmeta");
		element(xml, WP, "meta_key", key);
		element(xml, WP, "meta_value", value);
		xml.writeEndElement();
	}

	private static void element(XMLStreamWriter xml, String namespace, String name, String text)
			throws XMLStreamException {
		if (namespace.isEmpty()) {
			xml.writeStartElement(name);
		}
		else {
			xml.writeStartElement(namespace, name);
		}
		xml.writeCharacters(Objects.requireNonNullElse(XmlText.clean(text), ""));
		xml.writeEndElement();
		xml.writeCharacters("\n");
	}

	/** WordPress keeps non-ASCII slugs percent-encoded in lower case. */
	private static String slug(String slug) {
		return UriUtils.encodePathSegment(slug, StandardCharsets.UTF_8).toLowerCase(Locale.ROOT);
	}

	private static String login(Author author, Map<Long, Authors.Login> logins) {
		Authors.Login login = logins.get(author.id());
		return login != null ? login.login() : author.slug();
	}

	private static String wpDate(Instant instant) {
		return WP_DATE.format(instant);
	}

}
