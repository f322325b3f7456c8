package org.broadsheet.feed;

import java.io.StringWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.broadsheet.article.ListingKind;
import org.broadsheet.article.PublishedArticles;
import org.broadsheet.article.SitemapLink;
import org.broadsheet.delivery.PageKind;
import org.broadsheet.delivery.Surrogates;
import org.broadsheet.page.StaticPages;
import org.broadsheet.shared.XmlText;
import org.broadsheet.site.SiteLinks;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Sitemaps (sitemaps.org protocol 0.9): an index at {@code /sitemap.xml} naming the
 * article sitemaps (at most {@code broadsheet.sitemap.page-size}, 50,000, URLs each), the
 * section, tag, author and static page sitemaps and a Google News sitemap of the last 48
 * hours; and {@code /robots.txt} pointing to them. URLs are absolute and percent-encoded
 * (RFC 3986), then XML-escaped.
 */
@RestController
class SitemapController {

	private static final String NS = "http://www.sitemaps.org/schemas/sitemap/0.9";

	private static final String NEWS = "http://www.google.com/schemas/sitemap-news/0.9";

	private static final MediaType XML = MediaType.parseMediaType("application/xml;charset=UTF-8");

	private final PublishedArticles articles;

	private final SiteLinks site;

	private final int pageSize;

	private final Clock clock;

	private final StaticPages pages;

	SitemapController(PublishedArticles articles, StaticPages pages, SiteLinks site,
			@Value("${broadsheet.sitemap.page-size:50000}") int pageSize, Clock clock) {
		this.articles = articles;
		this.pages = pages;
		this.site = site;
		this.clock = clock;
		this.pageSize = Math.min(Math.max(pageSize, 1), 50_000);
	}

	@GetMapping("/sitemap.xml")
	ResponseEntity<String> index() {
		Surrogates.mark(PageKind.SITEMAP).add(Surrogates.SITEMAPS);
		int pages = Math.max(1, (articles.publicCount() + pageSize - 1) / pageSize);
		return xml(writer -> {
			writer.writeStartElement("sitemapindex");
			writer.writeDefaultNamespace(NS);
			for (int page = 1; page <= pages; page++) {
				sitemap(writer, "/sitemaps/articles-" + page + ".xml");
			}
			for (String kind : List.of("sections", "tags", "authors", "pages", "news")) {
				sitemap(writer, "/sitemaps/" + kind + ".xml");
			}
			writer.writeEndElement();
		});
	}

	@GetMapping("/sitemaps/articles-{page:\\d{1,6}}.xml")
	ResponseEntity<String> articles(@PathVariable int page) {
		Surrogates.mark(PageKind.SITEMAP).add(Surrogates.SITEMAPS);
		var links = articles.links(page, pageSize);
		if (links.isEmpty() && page > 1) {
			return ResponseEntity.notFound().build();
		}
		return urls(links);
	}

	@GetMapping("/sitemaps/{kind:sections|tags|authors}.xml")
	ResponseEntity<String> listings(@PathVariable String kind) {
		Surrogates.mark(PageKind.SITEMAP).add(Surrogates.SITEMAPS, Surrogates.NAV);
		return urls(articles
			.listingLinks(ListingKind.valueOf(kind.substring(0, kind.length() - 1).toUpperCase(Locale.ROOT))));
	}

	/** Published static pages (About, Contact, …): in the sitemap, never in feeds. */
	@GetMapping("/sitemaps/pages.xml")
	ResponseEntity<String> pages() {
		Surrogates.mark(PageKind.SITEMAP).add(Surrogates.SITEMAPS);
		return urls(pages.sitemap());
	}

	/** Google News sitemap: articles published in the last 48 hours. */
	@GetMapping("/sitemaps/news.xml")
	ResponseEntity<String> news() {
		Surrogates.mark(PageKind.SITEMAP).add(Surrogates.SITEMAPS);
		var links = articles.publishedSince(clock.instant().minus(48, ChronoUnit.HOURS));
		return xml(writer -> {
			writer.writeStartElement("urlset");
			writer.writeDefaultNamespace(NS);
			writer.writeNamespace("news", NEWS);
			for (var link : links) {
				writer.writeStartElement("url");
				element(writer, "loc", site.absolute(link.path()));
				writer.writeStartElement(NEWS, "news");
				writer.writeStartElement(NEWS, "publication");
				newsElement(writer, "name", site.siteName());
				newsElement(writer, "language",
						newsLanguage(link.language() != null ? link.language() : site.language()));
				writer.writeEndElement();
				newsElement(writer, "publication_date", link.lastModified().toString());
				newsElement(writer, "title", link.title());
				writer.writeEndElement();
				writer.writeEndElement();
			}
			writer.writeEndElement();
		});
	}

	/**
	 * Google News wants an ISO 639 language code: the primary subtag, except
	 * {@code zh-cn} and {@code zh-tw}.
	 * @param tag a BCP 47 tag, e.g. {@code en-GB}, {@code zh-Hant-TW}
	 */
	static String newsLanguage(String tag) {
		String lower = tag.toLowerCase(Locale.ROOT).replace('_', '-');
		String primary = lower.split("-", 2)[0];
		if (primary.equals("zh")) {
			return lower.contains("tw") || lower.contains("hant") || lower.contains("hk") ? "zh-tw" : "zh-cn";
		}
		return primary;
	}

	@GetMapping(value = "/robots.txt", produces = "text/plain;charset=UTF-8")
	String robots() {
		Surrogates.mark(PageKind.SITEMAP).add(Surrogates.ROBOTS);
		return "User-agent: *\nAllow: /\nDisallow: /newsroom\nDisallow: /login\n\nSitemap: "
				+ site.absolute("/sitemap.xml") + "\nSitemap: " + site.absolute("/sitemaps/news.xml") + "\n";
	}

	private ResponseEntity<String> urls(List<SitemapLink> links) {
		return xml(writer -> {
			writer.writeStartElement("urlset");
			writer.writeDefaultNamespace(NS);
			for (var link : links) {
				writer.writeStartElement("url");
				element(writer, "loc", site.absolute(link.path()));
				element(writer, "lastmod", link.lastModified().truncatedTo(ChronoUnit.SECONDS).toString());
				writer.writeEndElement();
			}
			writer.writeEndElement();
		});
	}

	private void sitemap(XMLStreamWriter writer, String path) throws XMLStreamException {
		writer.writeStartElement("sitemap");
		element(writer, "loc", site.absolute(path));
		writer.writeEndElement();
	}

	private static void element(XMLStreamWriter writer, String name, String text) throws XMLStreamException {
		writer.writeStartElement(name);
		writer.writeCharacters(XmlText.clean(text));
		writer.writeEndElement();
	}

	private static void newsElement(XMLStreamWriter writer, String name, String text) throws XMLStreamException {
		writer.writeStartElement(NEWS, name);
		writer.writeCharacters(XmlText.clean(text));
		writer.writeEndElement();
	}

	private interface Body {

		void write(XMLStreamWriter writer) throws XMLStreamException;

	}

	private static ResponseEntity<String> xml(Body body) {
		try {
			var out = new StringWriter();
			XMLStreamWriter writer = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
			writer.writeStartDocument("UTF-8", "1.0");
			writer.setPrefix("news", NEWS);
			body.write(writer);
			writer.writeEndDocument();
			writer.close();
			return ResponseEntity.ok()
				.contentType(XML)
				.cacheControl(CacheControl.maxAge(Duration.ofMinutes(10)).cachePublic())
				.body(out.toString());
		}
		catch (XMLStreamException ex) {
			throw new IllegalStateException("Cannot write the sitemap", ex);
		}
	}

}
