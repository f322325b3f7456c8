package org.broadsheet.page;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.IllformedLocaleException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.broadsheet.account.Actor;
import org.broadsheet.account.NewsroomAudit;
import org.broadsheet.account.Permission;
import org.broadsheet.article.Articles;
import org.broadsheet.article.SitemapLink;
import org.broadsheet.delivery.PagesChanged;
import org.broadsheet.delivery.Surrogates;
import org.broadsheet.shared.InvalidInput;
import org.broadsheet.shared.NotFound;
import org.broadsheet.shared.SlugClaim;
import org.broadsheet.shared.Slugger;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Static pages: the one door through which they change (each use case checks
 * {@link Permission#MANAGE_PAGES}, writes, audits on the subject {@code page} and
 * publishes one {@link StaticPageEvent} for the change log, with the page cache's keys:
 * the page, the sitemaps, and every page's footer when the page is or was in it), and
 * their reading for readers, the footer and the sitemap.
 */
@Service
public class StaticPages {

	/** The slug of a page whose title has no letter or digit. */
	static final String FALLBACK_SLUG = "page";

	private final StaticPageRepository repository;

	private final Articles articles;

	private final Slugger slugger;

	private final NewsroomAudit audit;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	StaticPages(StaticPageRepository repository, Articles articles, Slugger slugger, NewsroomAudit audit,
			ApplicationEventPublisher events, Clock clock) {
		this.repository = repository;
		this.articles = articles;
		this.slugger = slugger;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	/** What an import did to a page. */
	public enum Outcome {

		/** A new page. */
		CREATED,
		/** The page imported before, changed. */
		UPDATED,
		/** The page imported before, as it was. */
		UNCHANGED

	}

	/**
	 * @param id the page's id
	 */
	public record Restored(long id, Outcome outcome) {
	}

	/**
	 * @return every page in any status, footer pages first in footer order, then by title
	 * @throws AccessDeniedException below the editor role
	 */
	@Transactional(readOnly = true)
	public List<StaticPage> all(Actor actor) {
		Permission.MANAGE_PAGES.require(actor);
		return repository.all();
	}

	/**
	 * For exports the operator runs ({@code export-wordpress}), which hold every page.
	 * @return every page in any status, by id
	 */
	@Transactional(readOnly = true)
	public List<StaticPage> everything() {
		return repository.all().stream().sorted(Comparator.comparingLong(StaticPage::id)).toList();
	}

	/**
	 * @throws NotFound when there is no such page
	 * @throws AccessDeniedException below the editor role
	 */
	@Transactional(readOnly = true)
	public StaticPage find(Actor actor, long id) {
		Permission.MANAGE_PAGES.require(actor);
		return repository.find(id).orElseThrow(() -> new NotFound("page", id));
	}

	/**
	 * Creates a page. A wanted slug another page holds is refused; a slug made from the
	 * title takes the first free one ({@code about}, {@code about-2}, …). Audited as
	 * {@code created}.
	 * @throws InvalidInput naming the field ({@code title}, {@code slug},
	 * {@code description}, {@code body}, {@code language}, {@code footerOrder})
	 * @throws StaticPageConflict when the wanted slug is taken
	 * @throws AccessDeniedException below the editor role
	 */
	@Transactional
	public StaticPage create(Actor actor, StaticPageDraft draft) {
		Permission.MANAGE_PAGES.require(actor);
		StaticPage page = insert(draft, null, false);
		audit.record(NewsroomAudit.PAGE, page.id(), actor, "created", page.status().code());
		changed(null, page, StaticPageEvent.What.CREATED);
		return page;
	}

	/**
	 * Saves a page's new version; a changed slug leaves a redirect (301) from the old
	 * one. A blank slug keeps the current one (addresses are stable). Audited as
	 * {@code saved}, {@code published} or {@code unpublished}.
	 * @throws InvalidInput naming the field
	 * @throws StaticPageConflict when the wanted slug is another page's
	 * @throws NotFound when there is no such page
	 * @throws AccessDeniedException below the editor role
	 */
	@Transactional
	public StaticPage update(Actor actor, long id, StaticPageDraft draft) {
		Permission.MANAGE_PAGES.require(actor);
		StaticPage before = repository.find(id).orElseThrow(() -> new NotFound("page", id));
		check(draft);
		String slug = hasSlug(draft) ? wantedSlug(draft, id) : before.slug();
		StaticPage after = built(id, slug, draft);
		if (same(before, after)) {
			return before;
		}
		repository.update(after);
		if (!slug.equals(before.slug())) {
			repository.dropRedirect(slug);
			repository.redirect(before.slug(), id);
		}
		StaticPageEvent.What what = before.status() == after.status() ? StaticPageEvent.What.UPDATED
				: after.published() ? StaticPageEvent.What.PUBLISHED : StaticPageEvent.What.UNPUBLISHED;
		audit.record(NewsroomAudit.PAGE, id, actor,
				what == StaticPageEvent.What.UPDATED ? "saved" : what.name().toLowerCase(Locale.ROOT),
				slug.equals(before.slug()) ? null : before.slug());
		changed(before, after, what);
		return after;
	}

	/**
	 * Deletes a page with its redirects; its address answers 404 from then on. Audited as
	 * {@code deleted}, with its title.
	 * @throws NotFound when there is no such page
	 * @throws AccessDeniedException below the editor role
	 */
	@Transactional
	public void delete(Actor actor, long id) {
		Permission.MANAGE_PAGES.require(actor);
		StaticPage before = repository.find(id).orElseThrow(() -> new NotFound("page", id));
		repository.delete(id);
		audit.record(NewsroomAudit.PAGE, id, actor, "deleted", before.title());
		changed(before, null, StaticPageEvent.What.DELETED);
	}

	/**
	 * Creates or updates the page imported under {@code importKey} (a WordPress page):
	 * importing the same file again changes nothing. A new page whose slug another page
	 * holds takes the first free {@code slug-2}, … Audited as {@code imported}.
	 * @param importKey where the page came from, at most 300 characters
	 * @throws InvalidInput naming the field
	 */
	@Transactional
	public Restored restore(Actor actor, String importKey, StaticPageDraft draft) {
		Permission.MANAGE_PAGES.require(actor);
		Optional<Long> existing = repository.byImportKey(importKey);
		if (existing.isEmpty()) {
			StaticPage page = insert(draft, importKey, true);
			audit.record(NewsroomAudit.PAGE, page.id(), actor, "imported", null);
			changed(null, page, StaticPageEvent.What.CREATED);
			return new Restored(page.id(), Outcome.CREATED);
		}
		StaticPage before = repository.find(existing.get()).orElseThrow();
		StaticPage after = update(actor, before.id(), draft);
		return new Restored(before.id(), same(before, after) ? Outcome.UNCHANGED : Outcome.UPDATED);
	}

	/**
	 * @param slug decoded
	 * @return the published page with this slug; drafts have no public address
	 */
	@Transactional(readOnly = true)
	public Optional<StaticPage> published(String slug) {
		return repository.bySlug(slug).filter(StaticPage::published);
	}

	/**
	 * @return the page with this id when it is published (an imported site's former
	 * addresses point at pages by id)
	 */
	@Transactional(readOnly = true)
	public Optional<StaticPage> publishedById(long id) {
		return repository.find(id).filter(StaticPage::published);
	}

	/**
	 * @param slug decoded: a slug a page had before
	 * @return the current address of the published page it points at
	 */
	@Transactional(readOnly = true)
	public Optional<String> redirect(String slug) {
		return repository.redirectOf(slug)
			.flatMap(repository::find)
			.filter(StaticPage::published)
			.map(StaticPage::path);
	}

	/**
	 * The footer's list, read for every page rendered (cached pages carry
	 * {@link Surrogates#NAV}, which every change to the list evicts).
	 * @return published pages shown in the footer, by footer order then title
	 */
	public List<PageLink> footer() {
		return repository.footer();
	}

	/**
	 * @return every published page's address and last change, for the sitemap
	 */
	@Transactional(readOnly = true)
	public List<SitemapLink> sitemap() {
		return repository.published()
			.stream()
			.map(p -> new SitemapLink(p.path(), p.updatedAt(), p.title(), p.language()))
			.toList();
	}

	private StaticPage insert(StaticPageDraft draft, String importKey, boolean freeSlug) {
		check(draft);
		String slug;
		if (hasSlug(draft) && !freeSlug) {
			slug = wantedSlug(draft, null);
		}
		else {
			String base = hasSlug(draft) ? keep(draft.slug()) : slugger.slugify(draft.title(), FALLBACK_SLUG);
			// A name no page has: only a free slug satisfies the claim.
			slug = SlugClaim.claim(base, "\u0000new", s -> repository.bySlug(s).map(StaticPage::title)).slug();
		}
		repository.dropRedirect(slug);
		StaticPage unsaved = built(0, slug, draft);
		long id = repository.insert(unsaved, importKey);
		return repository.find(id).orElseThrow();
	}

	private StaticPage built(long id, String slug, StaticPageDraft draft) {
		String markdown = draft.bodyMarkdown() == null ? "" : draft.bodyMarkdown().strip();
		return new StaticPage(id, slug, draft.title().strip(), blankToNull(draft.description()), markdown,
				articles.renderMarkdown(markdown), language(draft.language()), draft.status(), draft.inFooter(),
				draft.footerOrder(), clock.instant().truncatedTo(ChronoUnit.MILLIS));
	}

	private static boolean same(StaticPage a, StaticPage b) {
		return a.slug().equals(b.slug()) && a.title().equals(b.title())
				&& Objects.equals(a.description(), b.description()) && a.bodyMarkdown().equals(b.bodyMarkdown())
				&& Objects.equals(a.language(), b.language()) && a.status() == b.status()
				&& a.inFooter() == b.inFooter() && a.footerOrder() == b.footerOrder();
	}

	/**
	 * One event for the change log, and the keys of the pages showing the change: the
	 * page itself, the sitemaps, and every page's footer when the page is or was listed
	 * there.
	 */
	private void changed(StaticPage before, StaticPage after, StaticPageEvent.What what) {
		long id = before != null ? before.id() : after.id();
		Set<String> keys = new LinkedHashSet<>(List.of(Surrogates.page(id), Surrogates.SITEMAPS));
		if (inFooter(before) || inFooter(after)) {
			keys.add(Surrogates.NAV);
		}
		events.publishEvent(new PagesChanged(keys));
		events.publishEvent(new StaticPageEvent(id, what));
	}

	private static boolean inFooter(StaticPage page) {
		return page != null && page.published() && page.inFooter();
	}

	private static boolean hasSlug(StaticPageDraft draft) {
		return draft.slug() != null && !draft.slug().isBlank();
	}

	/** A chosen slug kept as it is when valid ({@link Slugger#keep}), never empty. */
	private String keep(String slug) {
		String kept = slugger.keep(slug);
		return kept.isEmpty() ? FALLBACK_SLUG : kept;
	}

	/**
	 * @param self the page that wants it, or null for a new one
	 */
	private String wantedSlug(StaticPageDraft draft, Long self) {
		String slug = slugger.keep(draft.slug());
		if (slug.isEmpty()) {
			throw new InvalidInput("slug", "page.invalid.slug", draft.slug());
		}
		var holder = repository.bySlug(slug);
		if (holder.isPresent() && (self == null || holder.get().id() != self)) {
			throw new StaticPageConflict("slug", "page.invalid.slug-taken", slug);
		}
		return slug;
	}

	/**
	 * The rules every page passes before anything is written.
	 * @throws InvalidInput naming the field at fault
	 */
	static void check(StaticPageDraft draft) {
		if (draft.title() == null || draft.title().isBlank()) {
			throw new InvalidInput("title", "page.invalid.title-required");
		}
		if (draft.title().strip().length() > StaticPageDraft.MAX_TITLE) {
			throw new InvalidInput("title", "page.invalid.too-long", StaticPageDraft.MAX_TITLE);
		}
		if (draft.description() != null && draft.description().strip().length() > StaticPageDraft.MAX_DESCRIPTION) {
			throw new InvalidInput("description", "page.invalid.too-long", StaticPageDraft.MAX_DESCRIPTION);
		}
		if (draft.bodyMarkdown() != null && draft.bodyMarkdown().length() > StaticPageDraft.MAX_BODY) {
			throw new InvalidInput("body", "page.invalid.too-long", StaticPageDraft.MAX_BODY);
		}
		for (String text : new String[] { draft.title(), draft.description(), draft.bodyMarkdown(), draft.slug() }) {
			if (text != null && text.indexOf('\u0000') >= 0) {
				throw new InvalidInput(fieldOf(draft, text), "page.invalid.nul");
			}
		}
		if (draft.status() == null) {
			throw new InvalidInput("status", "page.invalid.status", "");
		}
		if (draft.footerOrder() < 0 || draft.footerOrder() > StaticPageDraft.MAX_FOOTER_ORDER) {
			throw new InvalidInput("footerOrder", "page.invalid.footer-order", StaticPageDraft.MAX_FOOTER_ORDER);
		}
		language(draft.language());
	}

	private static String fieldOf(StaticPageDraft draft, String text) {
		return text == draft.title() ? "title"
				: text == draft.description() ? "description" : text == draft.slug() ? "slug" : "body";
	}

	/**
	 * @return the BCP 47 tag in its canonical form, or null for blank (the site's
	 * language)
	 * @throws InvalidInput naming {@code language} for anything else
	 */
	static String language(String tag) {
		if (tag == null || tag.isBlank()) {
			return null;
		}
		try {
			String canonical = new Locale.Builder().setLanguageTag(tag.strip()).build().toLanguageTag();
			if (canonical.length() <= 35 && !canonical.equals("und")) {
				return canonical;
			}
		}
		catch (IllformedLocaleException ex) {
			// Refused below.
		}
		throw new InvalidInput("language", "page.invalid.language", tag.strip());
	}

	private static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}

}
