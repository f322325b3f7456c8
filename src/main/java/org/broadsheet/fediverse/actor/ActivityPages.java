package org.broadsheet.fediverse.actor;

import java.net.URI;

import jakarta.servlet.http.HttpServletRequest;

import org.broadsheet.article.PublishedArticles;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Content negotiation on the readers' pages (ActivityPub §3.2): a GET of an article's or
 * an author's page that asks for {@code application/activity+json} or
 * {@code application/ld+json} (with the ActivityStreams profile) gets the {@code Article}
 * object or the author's actor document; every other request gets the HTML page from
 * {@code site.ReaderController}, whose patterns these repeat exactly (Spring MVC then
 * prefers the mapping whose {@code produces} matches the {@code Accept} header, and the
 * one without for {@code text/html} and {@code *}{@code /*}). The readers' page cache and
 * Varnish never answer these requests (see {@code delivery.PageCacheFilter} and
 * docs/varnish.vcl); the JSON says {@code Vary: Accept} and {@code private}.
 */
@RestController
class ActivityPages {

	private final PublishedArticles articles;

	private final Actors actors;

	private final ActorDocuments documents;

	private final ArticleObjects objects;

	ActivityPages(PublishedArticles articles, Actors actors, ActorDocuments documents, ArticleObjects objects) {
		this.articles = articles;
		this.actors = actors;
		this.documents = documents;
		this.objects = objects;
	}

	/**
	 * @return the {@code Article} object; 301 from a former address, 410 for an article
	 * that is not public any more, else 404
	 */
	@GetMapping(path = "/{section:(?!api$)[^.]+}/{slug:[^.]+}", produces = { ActivityJson.ACTIVITY, ActivityJson.LD })
	ResponseEntity<Object> article(@PathVariable String section, @PathVariable String slug,
			HttpServletRequest request) {
		var found = articles.published(section, slug);
		if (found.isPresent()) {
			return ActivityJson.ok(request, objects.object(found.get()), ActivityJson.PRIVATE);
		}
		var moved = articles.redirect(section, slug);
		if (moved.isPresent()) {
			return ResponseEntity.status(HttpStatus.MOVED_PERMANENTLY)
				.location(URI.create(moved.get()))
				.header("Vary", "Accept")
				.build();
		}
		return articles.gone(section, slug) ? ActivityJson.problem(HttpStatus.GONE, "the article was withdrawn")
				: ActivityJson.problem(HttpStatus.NOT_FOUND, "no such article");
	}

	/**
	 * @return the author's actor document (whose {@code id} is {@code /ap/authors/<id>});
	 * 404 for an author without a public page
	 */
	@GetMapping(path = "/author/{slug:[^.]+}", produces = { ActivityJson.ACTIVITY, ActivityJson.LD })
	ResponseEntity<Object> author(@PathVariable String slug, HttpServletRequest request) {
		return actors.authorBySlug(slug)
			.map(actor -> ActivityJson.ok(request, documents.document(actor), ActivityJson.PRIVATE))
			.orElseGet(() -> ActivityJson.problem(HttpStatus.NOT_FOUND, "no such author"));
	}

}
