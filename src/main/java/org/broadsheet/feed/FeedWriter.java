package org.broadsheet.feed;

import java.net.URISyntaxException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import com.rometools.modules.content.ContentModule;
import com.rometools.modules.content.ContentModuleImpl;
import com.rometools.modules.mediarss.MediaEntryModuleImpl;
import com.rometools.modules.mediarss.types.Credit;
import com.rometools.modules.mediarss.types.MediaContent;
import com.rometools.modules.mediarss.types.Metadata;
import com.rometools.modules.mediarss.types.UrlReference;
import com.rometools.rome.feed.module.DCModule;
import com.rometools.rome.feed.module.DCModuleImpl;
import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndCategoryImpl;
import com.rometools.rome.feed.synd.SyndContentImpl;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndEnclosureImpl;
import com.rometools.rome.feed.synd.SyndEntryImpl;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.feed.synd.SyndLinkImpl;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.feed.synd.SyndPersonImpl;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedOutput;

import org.broadsheet.article.Article;
import org.broadsheet.shared.XmlText;
import org.jdom2.Element;
import org.jdom2.Namespace;
import org.springframework.web.util.HtmlUtils;

import tools.jackson.databind.json.JsonMapper;

/**
 * Writes feeds of articles: RSS 2.0 (with {@code content:encoded}, {@code dc:creator},
 * {@code category}, the lead image as {@code enclosure} and {@code media:content} with
 * its caption and credit, and an {@code atom:link rel=self}), Atom 1.0 (RFC 4287, the
 * lead image as {@code link rel=enclosure}) and JSON Feed 1.1 ({@code image}). Each
 * item's content carries the lead image with caption and credit, the body, the authors'
 * bio lines and the syndication note. Dates follow each format (RFC 822 in RSS, RFC 3339
 * in Atom and JSON Feed); characters XML 1.0 forbids are dropped; every URL is absolute.
 * Titles, names and categories are plain text, written as XML text (a reader decodes them
 * to the characters typed); the RSS description, which readers render as HTML, carries
 * the standfirst HTML-escaped.
 */
final class FeedWriter {

	private static final Namespace ATOM = Namespace.getNamespace("atom", "http://www.w3.org/2005/Atom");

	/**
	 * The feed as a whole.
	 *
	 * @param selfUrl the feed's own absolute URL
	 * @param siteUrl the absolute URL of the page the feed follows
	 * @param updated the newest change among the items (UTC)
	 */
	record Channel(String title, String description, String selfUrl, String siteUrl, String language, Instant updated) {
	}

	private final Function<String, String> absolute;

	private final JsonMapper json;

	/**
	 * @param absolute turns a site path into an absolute URL
	 */
	FeedWriter(Function<String, String> absolute, JsonMapper json) {
		this.absolute = absolute;
		this.json = json;
	}

	String rss(Channel channel, List<Article> articles) {
		SyndFeed feed = syndFeed("rss_2.0", channel, articles);
		// RSS 2.0 descriptions are HTML to most readers: plain text goes in escaped, so
		// that it
		// shows as the characters typed (Atom says type="text" instead, JSON Feed has
		// "summary").
		feed.setDescription(escape(feed.getDescription()));
		for (SyndEntry entry : feed.getEntries()) {
			if (entry.getDescription() != null) {
				entry.getDescription().setValue(escape(entry.getDescription().getValue()));
			}
		}
		Element self = new Element("link", ATOM);
		self.setAttribute("href", channel.selfUrl());
		self.setAttribute("rel", "self");
		self.setAttribute("type", "application/rss+xml");
		feed.setForeignMarkup(new ArrayList<>(List.of(self)));
		return write(feed);
	}

	String atom(Channel channel, List<Article> articles) {
		SyndFeed feed = syndFeed("atom_1.0", channel, articles);
		var self = new SyndLinkImpl();
		self.setRel("self");
		self.setHref(channel.selfUrl());
		self.setType("application/atom+xml");
		var alternate = new SyndLinkImpl();
		alternate.setRel("alternate");
		alternate.setHref(channel.siteUrl());
		alternate.setType("text/html");
		feed.setLinks(List.of(self, alternate));
		feed.setUri(channel.selfUrl());
		return write(feed);
	}

	/** JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/). */
	String json(Channel channel, List<Article> articles) {
		Map<String, Object> feed = new LinkedHashMap<>();
		feed.put("version", "https://jsonfeed.org/version/1.1");
		feed.put("title", XmlText.clean(channel.title()));
		feed.put("home_page_url", channel.siteUrl());
		feed.put("feed_url", channel.selfUrl());
		feed.put("description", XmlText.clean(channel.description()));
		feed.put("language", channel.language());
		List<Map<String, Object>> items = new ArrayList<>();
		for (Article a : articles) {
			Map<String, Object> item = new LinkedHashMap<>();
			String url = absolute.apply(a.path());
			item.put("id", url);
			item.put("url", url);
			item.put("title", XmlText.clean(a.title()));
			item.put("content_html", content(a));
			if (a.summary() != null) {
				item.put("summary", XmlText.clean(a.summary()));
			}
			if (a.leadImage() != null) {
				item.put("image", absolute.apply(a.leadImage().url()));
			}
			item.put("date_published", a.publishedAt().toString());
			item.put("date_modified", a.updatedAt().toString());
			item.put("authors", a.authors()
				.stream()
				.map(author -> Map.of("name", XmlText.clean(author.name()), "url", absolute.apply(author.path())))
				.toList());
			item.put("tags", a.tags().stream().map(t -> XmlText.clean(t.name())).toList());
			if (a.language() != null) {
				item.put("language", a.language());
			}
			items.add(item);
		}
		feed.put("items", items);
		return json.writeValueAsString(feed);
	}

	private SyndFeed syndFeed(String type, Channel channel, List<Article> articles) {
		SyndFeed feed = new SyndFeedImpl();
		feed.setFeedType(type);
		feed.setTitle(XmlText.clean(channel.title()));
		feed.setDescription(XmlText.clean(channel.description()));
		feed.setLink(channel.siteUrl());
		feed.setLanguage(channel.language());
		feed.setPublishedDate(Date.from(channel.updated()));
		List<SyndEntry> entries = new ArrayList<>();
		for (Article a : articles) {
			entries.add(entry(a));
		}
		feed.setEntries(entries);
		return feed;
	}

	private SyndEntry entry(Article a) {
		SyndEntry entry = new SyndEntryImpl();
		String url = absolute.apply(a.path());
		entry.setTitle(XmlText.clean(a.title()));
		entry.setLink(url);
		entry.setUri(url);
		entry.setPublishedDate(Date.from(a.publishedAt()));
		entry.setUpdatedDate(Date.from(a.updatedAt()));
		if (a.summary() != null) {
			var summary = new SyndContentImpl();
			summary.setType("text/plain");
			summary.setValue(XmlText.clean(a.summary()));
			entry.setDescription(summary);
		}
		String html = content(a);
		var content = new SyndContentImpl();
		content.setType("html");
		content.setValue(html);
		entry.setContents(List.of(content));
		List<SyndPerson> people = new ArrayList<>();
		for (var author : a.authors()) {
			var person = new SyndPersonImpl();
			person.setName(XmlText.clean(author.name()));
			person.setUri(absolute.apply(author.path()));
			people.add(person);
		}
		entry.setAuthors(people);
		List<SyndCategory> categories = new ArrayList<>();
		var section = new SyndCategoryImpl();
		section.setName(XmlText.clean(a.section().name()));
		categories.add(section);
		for (var tag : a.tags()) {
			var category = new SyndCategoryImpl();
			category.setName(XmlText.clean(tag.name()));
			categories.add(category);
		}
		entry.setCategories(categories);

		DCModule dc = new DCModuleImpl();
		dc.setCreators(a.authors().stream().map(author -> XmlText.clean(author.name())).toList());
		ContentModule encoded = new ContentModuleImpl();
		encoded.setEncodeds(List.of(html));
		entry.getModules().add(dc);
		entry.getModules().add(encoded);
		if (a.leadImage() != null) {
			// RSS <enclosure>, Atom <link rel="enclosure">: the size is not known, and
			// RSS says 0 then.
			var enclosure = new SyndEnclosureImpl();
			enclosure.setUrl(absolute.apply(a.leadImage().url()));
			enclosure.setType(a.leadImage().contentType());
			enclosure.setLength(0);
			entry.setEnclosures(List.of(enclosure));
			var media = new MediaEntryModuleImpl();
			MediaContent picture;
			try {
				picture = new MediaContent(new UrlReference(absolute.apply(a.leadImage().url())));
			}
			catch (URISyntaxException ex) {
				throw new IllegalStateException("Not a URL: " + a.leadImage().url(), ex);
			}
			picture.setType(a.leadImage().contentType());
			picture.setMedium("image");
			picture.setWidth(a.leadImage().width());
			picture.setHeight(a.leadImage().height());
			var metadata = new Metadata();
			if (a.leadImage().caption() != null) {
				metadata.setDescription(XmlText.clean(a.leadImage().caption()));
			}
			if (a.leadImage().credit() != null) {
				metadata.setCredits(new Credit[] { new Credit(null, null, XmlText.clean(a.leadImage().credit())) });
			}
			picture.setMetadata(metadata);
			media.setMediaContents(new MediaContent[] { picture });
			entry.getModules().add(media);
		}
		return entry;
	}

	/**
	 * An item's HTML: the lead image with its caption and credit, the body (sanitized
	 * when saved), each author's bio line and the syndication note. Every text that is
	 * not the body is plain text, escaped here; every URL is absolute.
	 */
	private String content(Article a) {
		StringBuilder html = new StringBuilder();
		var image = a.leadImage();
		if (image != null) {
			html.append("<figure><img src=\"")
				.append(escape(absolute.apply(image.url())))
				.append("\" alt=\"")
				.append(escape(image.alt()))
				.append("\" width=\"")
				.append(image.width())
				.append("\" height=\"")
				.append(image.height())
				.append("\">");
			if (image.caption() != null || image.credit() != null) {
				html.append("<figcaption>");
				if (image.caption() != null) {
					html.append(escape(image.caption()));
				}
				if (image.credit() != null) {
					html.append(image.caption() != null ? " " : "")
						.append("<small>")
						.append(escape(image.credit()))
						.append("</small>");
				}
				html.append("</figcaption>");
			}
			html.append("</figure>");
		}
		html.append(a.bodyHtml());
		for (var author : a.authors()) {
			if (author.bio() != null && !author.bio().isBlank()) {
				html.append("<p class=\"bio\"><em>").append(escape(author.bio())).append("</em></p>");
			}
		}
		var syndication = a.syndication();
		if (syndication != null && (syndication.note() != null || syndication.hasOriginalUrl())) {
			html.append("<p class=\"syndication\"><em>");
			if (syndication.note() != null) {
				html.append(escape(syndication.note())).append(syndication.noteEndsSentence() ? "" : ".");
			}
			if (syndication.hasOriginalUrl()) {
				html.append(syndication.note() != null ? " " : "")
					.append("<a href=\"")
					.append(escape(syndication.url()))
					.append("\">")
					.append(escape(syndication.publication() != null ? syndication.publication() : syndication.url()))
					.append("</a>");
			}
			html.append("</em></p>");
		}
		return XmlText.clean(html.toString());
	}

	/**
	 * Only {@code < > & " '} become references: the feed is UTF-8, so every other
	 * character stays itself.
	 */
	private static String escape(String text) {
		return text == null ? null : HtmlUtils.htmlEscape(text, "UTF-8");
	}

	private static String write(SyndFeed feed) {
		try {
			return new SyndFeedOutput().outputString(feed);
		}
		catch (FeedException ex) {
			throw new IllegalStateException("Cannot write the feed", ex);
		}
	}

}
