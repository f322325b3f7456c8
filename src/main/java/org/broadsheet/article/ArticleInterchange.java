package org.broadsheet.article;

import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;

import org.broadsheet.account.Actor;
import org.broadsheet.account.Permission;
import org.broadsheet.shared.NotFound;
import org.broadsheet.shared.Permalinks;
import org.broadsheet.shared.SlugClaim;
import org.broadsheet.shared.Slugger;
import org.broadsheet.taxonomy.Section;
import org.broadsheet.taxonomy.Taxonomy;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Articles coming from and going to other systems (WordPress): restoring an imported
 * article under a stable import key, keeping its former slugs, and reading everything for
 * an export. Its use cases have {@link ArticleWorkflow}'s shape: permission, change, one
 * audit entry naming the actor (e.g.
 * {@link org.broadsheet.account.SystemActor#WORDPRESS_IMPORT}), one event.
 */
@Service
public class ArticleInterchange {

	private final ArticleWriter writer;

	private final ArticleRepository repository;

	private final Taxonomy taxonomy;

	private final Slugger slugger;

	private final Revisions revisions;

	private final AuditLog audit;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final ArticleAssembler assembler;

	ArticleInterchange(ArticleWriter writer, ArticleAssembler assembler, ArticleRepository repository,
			Taxonomy taxonomy, Slugger slugger, Revisions revisions, AuditLog audit, ApplicationEventPublisher events,
			Clock clock) {
		this.writer = writer;
		this.assembler = assembler;
		this.repository = repository;
		this.taxonomy = taxonomy;
		this.slugger = slugger;
		this.revisions = revisions;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	/** What {@link #restore} did. */
	public enum Outcome {

		CREATED, UPDATED, UNCHANGED

	}

	/**
	 * What {@link #restore} did, and where the article lives.
	 *
	 * @param path percent-encoded
	 */
	public record Restored(long id, String path, Outcome outcome) {
	}

	/**
	 * Creates or updates the article imported from elsewhere under {@code importKey}
	 * (e.g. a WordPress export's post id). Its slug is the draft's, kept exactly when it
	 * is a valid slug ({@link Slugger#keep}; else slugified), or the title's, unless
	 * another article of the section holds it, then the first free {@code -2},
	 * {@code -3}, …; it never overwrites an article it did not import. A scheduled draft
	 * goes live by itself at its {@code publishedAt}. Restoring what is already stored
	 * changes nothing: no revision, no event, no audit entry. Otherwise the draft becomes
	 * the article's latest and live revision.
	 * @param actor who imports; needs {@link Permission#EDIT_ANY_ARTICLE}
	 * @param importKey unique across imports, at most 300 characters
	 * @param sticky pinned to the top of the front page
	 * @throws InvalidArticle naming the field: a blank key, a name without a letter or
	 * digit, a scheduled draft without its instant, or a lead image not in the media
	 * library
	 * @throws AccessDeniedException when the actor may not edit anyone's article
	 */
	@Transactional
	public Restored restore(Actor actor, String importKey, ArticleDraft draft, boolean sticky) {
		Permission.EDIT_ANY_ARTICLE.require(actor);
		if (importKey == null || importKey.isBlank() || importKey.length() > 300) {
			throw new InvalidArticle("importKey", "article.invalid.import-key");
		}
		if (draft.status() == ArticleStatus.SCHEDULED && draft.publishedAt() == null) {
			throw new InvalidArticle("published", "article.invalid.scheduled-instant");
		}
		// A scheduled post whose instant has come is published, as the scheduler would
		// have
		// made it: importing it again after it went live must not take it off the site.
		ArticleStatus status = draft.status() == ArticleStatus.SCHEDULED
				&& !draft.publishedAt().isAfter(clock.instant()) ? ArticleStatus.PUBLISHED : draft.status();
		Section section = writer.checkedSection(draft);
		var imported = repository.findImported(importKey);
		String base = ArticleWriter.hasSlug(draft) ? slugger.keep(draft.slug()) : "";
		if (base.isEmpty()) {
			base = slugger.slugify(draft.title(), ArticleWriter.FALLBACK_SLUG);
		}
		// A name no article has: only a free slug, or this article's own, satisfies the
		// claim.
		String own = imported.map(i -> Long.toString(i.id())).orElse("\u0000new");
		String slug = SlugClaim
			.claim(base, own, s -> repository.find(section.id(), s).map(row -> Long.toString(row.id())))
			.slug();
		ArticleDraft wanted = draft.withSlug(slug).withStatus(status, draft.publishedAt(), draft.updatedAt());
		Long goLiveAt = status == ArticleStatus.SCHEDULED ? draft.publishedAt().toEpochMilli() : null;
		ArticleRow old = imported.flatMap(i -> repository.findLocked(i.id())).orElse(null);
		if (old != null && old.sectionId() == section.id() && old.slug().equals(slug)
				&& imported.get().sticky() == sticky && Objects.equals(imported.get().goLiveAt(), goLiveAt)
				&& repository.state(old.id())
					.map(ArticleState::latestRevision)
					.flatMap(latest -> revisions.find(old.id(), latest))
					.map(latest -> latest.draft().equals(wanted))
					.orElse(false)) {
			return new Restored(old.id(), Permalinks.article(section.slug(), slug), Outcome.UNCHANGED);
		}
		var written = writer.write(old, section, slug, wanted, actor.accountId());
		long id = written.id();
		repository.setImported(id, importKey, sticky);
		repository.setSchedule(id, goLiveAt == null ? null : repository.state(id).orElseThrow().liveRevision(),
				goLiveAt == null ? null : draft.publishedAt());
		if (status != ArticleStatus.PUBLISHED) {
			// Not public any more: a scheduled unpublishing has nothing left to do.
			repository.setUnpublishAt(id, null);
		}
		audit.record(id, actor, "imported", clock.millis(), importKey);
		events.publishEvent(written.event());
		return new Restored(id, written.path(), old == null ? Outcome.CREATED : Outcome.UPDATED);
	}

	/**
	 * Keeps a former slug of the article as an address in its current section that
	 * answers with a permanent redirect (WordPress {@code _wp_old_slug}). An address
	 * already remembered, or the article's own, is left alone.
	 * @param actor who imports; needs {@link Permission#EDIT_ANY_ARTICLE}
	 * @param oldSlug decoded; kept as it is when a valid slug, else slugified
	 * ({@link Slugger#keep})
	 * @return whether a new redirect was stored
	 * @throws NotFound when there is no such article
	 * @throws AccessDeniedException when the actor may not edit anyone's article
	 */
	@Transactional
	public boolean keepOldSlug(Actor actor, long id, String oldSlug) {
		Permission.EDIT_ANY_ARTICLE.require(actor);
		ArticleRow row = repository.find(id).orElseThrow(() -> new NotFound("article", id));
		String slug = slugger.keep(oldSlug);
		if (slug.isEmpty() || slug.equals(row.slug())) {
			return false;
		}
		String sectionSlug = taxonomy.sectionsByIds(List.of(row.sectionId())).get(row.sectionId()).slug();
		if (!repository.keepOldSlug(sectionSlug, slug, id)) {
			return false;
		}
		audit.record(id, actor, "old-slug-kept", clock.millis(), slug);
		events.publishEvent(new ArticleEvent.ArticleUpdated(id));
		return true;
	}

	/**
	 * An article of any status with what an export needs besides the article itself.
	 *
	 * @param sticky pinned to the top of the front page
	 * @param oldSlugs former slugs that redirect to it within its section, sorted
	 */
	public record Stored(Article article, boolean sticky, List<String> oldSlugs) {
	}

	/**
	 * Every article in any status, a page at a time, for exports.
	 * @param afterId 0 for the first page, else the last id of the previous page
	 * @param limit at most this many, by ascending id
	 */
	@Transactional(readOnly = true)
	public List<Stored> everything(long afterId, int limit) {
		var rows = repository.after(afterId, limit);
		var ids = rows.stream().map(ArticleRow::id).toList();
		var parts = assembler.parts(rows, true);
		var sticky = new HashSet<>(repository.sticky(ids));
		var oldSlugs = repository.oldSlugs(ids);
		return rows.stream()
			.map(r -> new Stored(assembler.full(r, parts), sticky.contains(r.id()),
					oldSlugs.getOrDefault(r.id(), List.of())))
			.toList();
	}

}
