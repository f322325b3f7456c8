package org.broadsheet.article;

import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.broadsheet.delivery.PagesChanged;
import org.broadsheet.delivery.Surrogates;
import org.broadsheet.media.ImageEvent;
import org.broadsheet.shared.PerTransaction;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;

/**
 * Says which cached pages an {@link ArticleEvent} changes: the article's own page and
 * every page showing it ({@code article:ID}), the listings it joins (its section, tags
 * and authors, the front page), its neighbours (their previous/next links), feeds,
 * sitemaps and search, and the navigation when its section has just gained its first
 * public article or lost its last (only sections with a public article are in the
 * navigation), and its translations' pages (which link to it). A transaction that changes
 * more than {@value #EXACT} articles (an import) changes every page instead: computing
 * each article's keys would cost more than re-rendering.
 */
@Component
class ArticlePageKeys {

	static final int EXACT = 50;

	private final PublishedArticles articles;

	private final ApplicationEventPublisher events;

	private final PublishedArticleRepository published;

	private final Clock clock;

	private final TranslationRepository translations;

	ArticlePageKeys(PublishedArticles articles, PublishedArticleRepository published, ApplicationEventPublisher events,
			Clock clock, TranslationRepository translations) {
		this.translations = translations;
		this.articles = articles;
		this.published = published;
		this.clock = clock;
		this.events = events;
	}

	/** How many articles this transaction changed so far. */
	private static final class Count implements TransactionSynchronization {

		int changed;

	}

	@EventListener
	void changed(ArticleEvent event) {
		if (event instanceof ArticleEvent.ArticleRevised) {
			// Nothing readers see changed: no page to evict, nothing to purge.
			return;
		}
		int changed = PerTransaction.get(this, Count::new).map(count -> ++count.changed).orElse(1);
		if (changed > EXACT) {
			if (changed == EXACT + 1) {
				events.publishEvent(PagesChanged.of(Surrogates.ALL));
			}
			return;
		}
		events.publishEvent(new PagesChanged(keys(event.articleId())));
	}

	/**
	 * An image's default texts changed: the pages of the public articles leading with it
	 * show them (unless an article gives its own, which is not worth telling apart).
	 */
	@EventListener
	void imageDescribed(ImageEvent event) {
		if (event.change() != ImageEvent.Change.DESCRIBED) {
			return;
		}
		List<Long> ids = published.publicWithLeadImage(event.subjectId(), clock.millis(), EXACT + 1);
		if (ids.size() > EXACT) {
			events.publishEvent(PagesChanged.of(Surrogates.ALL));
		}
		else if (!ids.isEmpty()) {
			Set<String> keys = new LinkedHashSet<>();
			ids.forEach(id -> keys.addAll(keys(id)));
			events.publishEvent(new PagesChanged(keys));
		}
	}

	private Set<String> keys(long id) {
		Set<String> keys = new LinkedHashSet<>(List.of(Surrogates.article(id), Surrogates.FRONT, Surrogates.FEEDS,
				Surrogates.SITEMAPS, Surrogates.SEARCH));
		// Its translations' pages name it as an alternate (hreflang, language switcher).
		translations.memberIds(id).forEach(other -> keys.add(Surrogates.article(other)));
		// At most one public article left in its section (this one, or none): the section
		// just
		// entered or left the navigation.
		int inSection = published.publicInSectionOf(id, clock.millis(), 2);
		if (inSection <= 1) {
			keys.add(Surrogates.NAV);
		}
		for (Article article : articles.publishedByIds(List.of(id))) {
			keys.add(Surrogates.sectionList(article.section().id()));
			article.tags().forEach(tag -> keys.add(Surrogates.tagList(tag.id())));
			article.authors().forEach(author -> keys.add(Surrogates.authorList(author.id())));
			if (article.publishedAt() != null) {
				var neighbours = articles.neighbours(article);
				if (neighbours.previous() != null) {
					keys.add(Surrogates.article(neighbours.previous().id()));
				}
				if (neighbours.next() != null) {
					keys.add(Surrogates.article(neighbours.next().id()));
				}
			}
		}
		return keys;
	}

}
