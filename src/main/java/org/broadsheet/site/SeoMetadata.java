package org.broadsheet.site;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.broadsheet.article.Article;
import org.broadsheet.article.Correction;
import org.broadsheet.author.Author;
import org.broadsheet.media.Image;
import org.broadsheet.taxonomy.Tag;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/**
 * Head metadata for reader pages: canonical URL, Open Graph (ogp.me, with
 * {@code article:*}), Twitter cards and schema.org JSON-LD ({@code NewsArticle} /
 * {@code OpinionNewsArticle}, with a {@code CorrectionComment} per correction).
 */
@Component
class SeoMetadata {

	private final SiteContext site;

	private final JsonMapper json;

	SeoMetadata(SiteContext site, JsonMapper json) {
		this.site = site;
		this.json = json;
	}

	/** Metadata for an error page: no canonical URL, not for indexing. */
	PageMeta errorPage(String title) {
		String lang = site.settings().language();
		return new PageMeta(title + " – " + site.settings().name(), null, lang, SiteContext.direction(lang), null,
				List.of(), List.of(new PageMeta.Tag("robots", "noindex")), null);
	}

	/** Metadata for a list or other page of the site's own, in the site's language. */
	PageMeta page(String title, String description, String path) {
		String lang = site.settings().language();
		String url = site.absolute(path);
		String fullTitle = title == null ? site.settings().name() : title + " – " + site.settings().name();
		var properties = List.of(new PageMeta.Tag("og:type", "website"), new PageMeta.Tag("og:title", fullTitle),
				new PageMeta.Tag("og:url", url), new PageMeta.Tag("og:site_name", site.settings().name()));
		return new PageMeta(fullTitle, description, lang, SiteContext.direction(lang), url, properties,
				List.of(new PageMeta.Tag("twitter:card", "summary")), null);
	}

	/**
	 * Metadata for the front page: as {@link #page}, with the publisher as JSON-LD
	 * ({@code NewsMediaOrganization}: name, URL, logo, {@code sameAs} profiles).
	 */
	PageMeta front(String title, String description, String path) {
		var meta = page(title, description, path);
		Map<String, Object> ld = new LinkedHashMap<>();
		ld.put("@context", "https://schema.org");
		ld.putAll(publisher("NewsMediaOrganization"));
		return new PageMeta(meta.title(), meta.description(), meta.lang(), meta.dir(), meta.canonicalUrl(),
				meta.properties(), meta.names(), forScript(json.writeValueAsString(ld)));
	}

	/**
	 * @param type {@code Organization} or a subtype
	 * @return the site as a schema.org organization: its name, URL, logo
	 * ({@code ImageObject}, when set) and profiles elsewhere ({@code sameAs}, when any)
	 */
	private Map<String, Object> publisher(String type) {
		var saved = site.saved();
		Map<String, Object> org = new LinkedHashMap<>();
		org.put("@type", type);
		org.put("name", site.settings().name());
		org.put("url", site.absolute("/"));
		if (saved.logo() != null) {
			Image logo = saved.logo();
			Map<String, Object> object = new LinkedHashMap<>();
			object.put("@type", "ImageObject");
			object.put("url", site.absolute(logo.url()));
			object.put("width", logo.width());
			object.put("height", logo.height());
			org.put("logo", object);
		}
		if (!saved.socialProfiles().isEmpty()) {
			org.put("sameAs", saved.socialProfiles());
		}
		return org;
	}

	/**
	 * Metadata for an article; its canonical URL is the syndicated original's when known.
	 * The page is in the site's language; the article's own language is in Open Graph and
	 * JSON-LD.
	 */
	PageMeta article(Article a, String pageUrl, List<Correction> corrections) {
		String siteLanguage = site.settings().language();
		String lang = a.language() != null ? a.language() : siteLanguage;
		String canonical = a.syndication() != null && a.syndication().hasOriginalUrl() ? a.syndication().url()
				: pageUrl;
		List<PageMeta.Tag> og = new ArrayList<>();
		og.add(new PageMeta.Tag("og:type", "article"));
		og.add(new PageMeta.Tag("og:title", a.title()));
		og.add(new PageMeta.Tag("og:url", pageUrl));
		og.add(new PageMeta.Tag("og:site_name", site.settings().name()));
		og.add(new PageMeta.Tag("og:locale", lang.replace('-', '_')));
		if (a.summary() != null) {
			og.add(new PageMeta.Tag("og:description", a.summary()));
		}
		Image image = a.leadImage();
		if (image != null) {
			og.add(new PageMeta.Tag("og:image", site.absolute(image.url())));
			og.add(new PageMeta.Tag("og:image:width", Integer.toString(image.width())));
			og.add(new PageMeta.Tag("og:image:height", Integer.toString(image.height())));
			og.add(new PageMeta.Tag("og:image:alt", image.alt()));
		}
		og.add(new PageMeta.Tag("article:published_time", a.publishedAt().toString()));
		og.add(new PageMeta.Tag("article:modified_time", a.updatedAt().toString()));
		a.authors().forEach(author -> og.add(new PageMeta.Tag("article:author", site.absolute(author.path()))));
		og.add(new PageMeta.Tag("article:section", a.section().name()));
		a.tags().forEach(tag -> og.add(new PageMeta.Tag("article:tag", tag.name())));

		List<PageMeta.Tag> twitter = new ArrayList<>();
		twitter.add(new PageMeta.Tag("twitter:card", image != null ? "summary_large_image" : "summary"));
		twitter.add(new PageMeta.Tag("twitter:title", a.title()));
		if (a.summary() != null) {
			twitter.add(new PageMeta.Tag("twitter:description", a.summary()));
		}
		if (image != null) {
			twitter.add(new PageMeta.Tag("twitter:image", site.absolute(image.url())));
			twitter.add(new PageMeta.Tag("twitter:image:alt", image.alt()));
		}
		return new PageMeta(a.title(), a.summary(), siteLanguage, SiteContext.direction(siteLanguage), canonical, og,
				twitter, jsonLd(a, pageUrl, lang, corrections));
	}

	private String jsonLd(Article a, String pageUrl, String lang, List<Correction> corrections) {
		Map<String, Object> ld = new LinkedHashMap<>();
		ld.put("@context", "https://schema.org");
		ld.put("@type", a.section().opinion() ? "OpinionNewsArticle" : "NewsArticle");
		ld.put("headline", a.title());
		if (a.summary() != null) {
			ld.put("description", a.summary());
		}
		ld.put("url", pageUrl);
		ld.put("mainEntityOfPage", pageUrl);
		ld.put("inLanguage", lang);
		ld.put("datePublished", a.publishedAt().toString());
		ld.put("dateModified", a.updatedAt().toString());
		ld.put("articleSection", a.section().name());
		if (!a.tags().isEmpty()) {
			ld.put("keywords", a.tags().stream().map(Tag::name).toList());
		}
		ld.put("author", a.authors().stream().map(this::person).toList());
		if (a.leadImage() != null) {
			Image image = a.leadImage();
			Map<String, Object> object = new LinkedHashMap<>();
			object.put("@type", "ImageObject");
			object.put("url", site.absolute(image.url()));
			object.put("width", image.width());
			object.put("height", image.height());
			putIfPresent(object, "caption", image.caption());
			putIfPresent(object, "creditText", image.credit());
			ld.put("image", object);
		}
		ld.put("publisher", publisher("Organization"));
		if (a.syndication() != null) {
			Map<String, Object> original = new LinkedHashMap<>();
			original.put("@type", "CreativeWork");
			putIfPresent(original, "url", a.syndication().url());
			if (a.syndication().publication() != null) {
				original.put("publisher", Map.of("@type", "Organization", "name", a.syndication().publication()));
			}
			ld.put("isBasedOn", original);
		}
		if (!corrections.isEmpty()) {
			// schema.org/correction: a CorrectionComment for each, dated.
			ld.put("correction", corrections.stream().map(c -> {
				Map<String, Object> comment = new LinkedHashMap<>();
				comment.put("@type", "CorrectionComment");
				comment.put("text", c.text());
				comment.put("datePublished", c.publishedAt().toString());
				if (c.editedAt() != null) {
					comment.put("dateModified", c.editedAt().toString());
				}
				return comment;
			}).toList());
		}
		return forScript(json.writeValueAsString(ld));
	}

	private Map<String, Object> person(Author author) {
		Map<String, Object> p = new LinkedHashMap<>();
		p.put("@type", "Person");
		p.put("name", author.name());
		p.put("url", site.absolute(author.path()));
		putIfPresent(p, "jobTitle", author.title());
		if (author.affiliation() != null) {
			p.put("affiliation", Map.of("@type", "Organization", "name", author.affiliation()));
		}
		return p;
	}

	private static void putIfPresent(Map<String, Object> map, String key, String value) {
		if (value != null && !value.isBlank()) {
			map.put(key, value);
		}
	}

	/**
	 * JSON inside {@code <script>} must not contain {@code </script>} or {@code <!--}:
	 * escape the angle brackets.
	 */
	static String forScript(String json) {
		return json.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
	}

}
