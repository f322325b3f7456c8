package org.broadsheet.feed;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;

import org.broadsheet.article.PublishedArticles;
import org.broadsheet.author.Authors;
import org.broadsheet.delivery.PageKind;
import org.broadsheet.delivery.Surrogates;
import org.broadsheet.shared.Links;
import org.broadsheet.site.SiteLinks;
import org.broadsheet.taxonomy.Taxonomy;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.server.ResponseStatusException;

import tools.jackson.databind.json.JsonMapper;

/**
 * {@code /feed/rss}, {@code /feed/atom}, {@code /feed/json}: the newest articles of the
 * whole site, or of one section, author or tag ({@code ?section=}, {@code ?author=},
 * {@code ?tag=} by slug; they combine). Conditional GET: Last-Modified /
 * If-Modified-Since here, ETags site-wide.
 */
@RestController
class FeedController {

	private final PublishedArticles articles;

	private final Taxonomy taxonomy;

	private final Authors authors;

	private final SiteLinks site;

	private final JsonMapper json;

	private final int size;

	FeedController(PublishedArticles articles, Taxonomy taxonomy, Authors authors, SiteLinks site, JsonMapper json,
			@Value("${broadsheet.feed.size:30}") int size) {
		this.articles = articles;
		this.taxonomy = taxonomy;
		this.authors = authors;
		this.site = site;
		this.json = json;
		this.size = size;
	}

	@GetMapping("/feed/{format:rss|atom|json}")
	ResponseEntity<String> feed(@PathVariable String format, @RequestParam(required = false) String section,
			@RequestParam(required = false) String author, @RequestParam(required = false) String tag,
			WebRequest request) {
		// Only what has a public article has a feed: a draft's section, tag or author is
		// not found.
		var sectionFound = section == null ? null
				: taxonomy.publicSectionBySlug(section).orElseThrow(FeedController::notFound);
		var authorFound = author == null ? null : authors.publicBySlug(author).orElseThrow(FeedController::notFound);
		var tagFound = tag == null ? null : taxonomy.publicTagBySlug(tag).orElseThrow(FeedController::notFound);
		Long sectionId = sectionFound == null ? null : sectionFound.id();
		Long authorId = authorFound == null ? null : authorFound.id();
		Long tagId = tagFound == null ? null : tagFound.id();
		// Aggregators poll: an unchanged feed answers 304 before any article is loaded.
		Instant updated = articles.newestChange(sectionId, authorId, tagId, size);
		if (request.checkNotModified(updated.toEpochMilli())) {
			return null;
		}
		var items = articles.newest(sectionId, authorId, tagId, size);
		var keys = Surrogates.mark(PageKind.FEED).add(Surrogates.FEEDS);
		items.forEach(item -> keys.add(Surrogates.article(item.id())));
		StringBuilder title = new StringBuilder(site.siteName());
		String page = "/";
		if (sectionFound != null) {
			title.append(" – ").append(sectionFound.name());
			page = sectionFound.path();
		}
		if (authorFound != null) {
			title.append(" – ").append(authorFound.name());
			page = authorFound.path();
		}
		if (tagFound != null) {
			title.append(" – ").append(tagFound.name());
			page = tagFound.path();
		}
		var filters = new LinkedHashMap<String, String>();
		filters.put("section", section);
		filters.put("author", author);
		filters.put("tag", tag);
		String self = site.absolute(Links.withQuery("/feed/" + format, filters));
		var channel = new FeedWriter.Channel(title.toString(), site.tagline(), self, site.absolute(page),
				site.language(), updated);
		var writer = new FeedWriter(site::absolute, json);
		String body;
		MediaType type;
		switch (format) {
			case "rss" -> {
				body = writer.rss(channel, items);
				type = MediaType.parseMediaType("application/rss+xml;charset=UTF-8");
			}
			case "atom" -> {
				body = writer.atom(channel, items);
				type = MediaType.parseMediaType("application/atom+xml;charset=UTF-8");
			}
			default -> {
				body = writer.json(channel, items);
				type = MediaType.parseMediaType("application/feed+json;charset=UTF-8");
			}
		}
		return ResponseEntity.ok()
			.contentType(type)
			.lastModified(updated.toEpochMilli())
			.cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic())
			.body(body);
	}

	private static ResponseStatusException notFound() {
		return new ResponseStatusException(HttpStatus.NOT_FOUND);
	}

}
