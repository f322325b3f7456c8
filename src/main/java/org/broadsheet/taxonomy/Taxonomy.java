package org.broadsheet.taxonomy;

import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.broadsheet.account.Actor;
import org.broadsheet.account.NewsroomAudit;
import org.broadsheet.account.Permission;
import org.broadsheet.delivery.PagesChanged;
import org.broadsheet.delivery.PagesEvicted;
import org.broadsheet.delivery.Surrogates;
import org.broadsheet.shared.InvalidInput;
import org.broadsheet.shared.NotFound;
import org.broadsheet.shared.SlugClaim;
import org.broadsheet.shared.Slugger;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** Sections and tags: finding them, and creating them on first use. */
@Service
public class Taxonomy {

	/**
	 * First path segments the site itself uses; a section with one of these slugs gets
	 * {@code -section} appended so that its pages stay reachable.
	 */
	static final Set<String> RESERVED_SLUGS = Set.of("tag", "author", "media", "assets", "search", "feed", "feeds",
			"api", "newsroom", "login", "logout", "sitemap", "admin", "page", "error", "actuator");

	private final JdbcClient jdbc;

	private final Slugger slugger;

	private final Set<String> opinionSlugs;

	/**
	 * A row that readers may see: one with a public article (published, its instant
	 * come). Pages, navigation and feeds follow this, so a draft never creates a public
	 * page. Each probe is one index seek
	 * ({@code article (section_id, status, published_at)},
	 * {@code article_tag (tag_id, …)}).
	 */
	private static final String PUBLIC_ARTICLE = "a.status = 'published' AND a.published_at <= :now";

	private static final String HAS_PUBLIC_ARTICLE = "EXISTS (SELECT 1 FROM article a WHERE a.section_id = s.id AND "
			+ PUBLIC_ARTICLE + ")";

	private final Clock clock;

	/**
	 * The section list, dropped on every change the purge log reports ({@link #follow});
	 * {@code broadsheet.taxonomy.sections-ttl} (10 minutes) is only a safety net.
	 */
	private final Cache<String, List<Section>> sectionCache;

	/** Bumped whenever the section list is dropped. */
	private final AtomicLong sectionsGeneration = new AtomicLong();

	private final ApplicationEventPublisher events;

	private final NewsroomAudit audit;

	Taxonomy(JdbcClient jdbc, Slugger slugger, ApplicationEventPublisher events, NewsroomAudit audit,
			@Value("${broadsheet.taxonomy.opinion-sections:opinion}") Set<String> opinionSlugs,
			@Value("${broadsheet.taxonomy.sections-ttl:10m}") Duration sectionsTtl, Clock clock) {
		this.sectionCache = Caffeine.newBuilder().expireAfterWrite(sectionsTtl).build();
		this.events = events;
		this.audit = audit;
		this.jdbc = jdbc;
		this.clock = clock;
		this.slugger = slugger;
		this.opinionSlugs = opinionSlugs;
	}

	/**
	 * The section called {@code name} (ignoring case), created if new; a new section is
	 * an opinion section when its slug is listed in
	 * {@code broadsheet.taxonomy.opinion-sections}.
	 * @throws IllegalArgumentException when the name is blank or has no letters or digits
	 */
	@Transactional
	public Section section(String name) {
		String base = slugOf(name, "section");
		String slug = RESERVED_SLUGS.contains(base) ? base + "-section" : base;
		return claimed(name, () -> {
			var claim = SlugClaim.claim(slug, name, s -> sectionBySlug(s).map(Section::name));
			if (!claim.held()) {
				forgetSections();
				jdbc.sql("INSERT INTO section (slug, name, opinion) VALUES (?, ?, ?) ON CONFLICT (slug) DO NOTHING "
						+ "RETURNING id")
					.params(claim.slug(), name.strip(), opinionSlugs.contains(base))
					.query(Long.class)
					.optional()
					.ifPresent(id -> events
						.publishEvent(new TaxonomyEvent.SectionChanged(id, TaxonomyEvent.What.CREATED)));
			}
			return sectionBySlug(claim.slug()).orElseThrow();
		}, Section::name);
	}

	/**
	 * The tag called {@code name} (ignoring case), created if new; "C++" and "C#" are two
	 * tags.
	 * @throws IllegalArgumentException when the name is blank or has no letters or digits
	 */
	@Transactional
	public Tag tag(String name) {
		String base = slugOf(name, "tag");
		return claimed(name, () -> {
			var claim = SlugClaim.claim(base, name, s -> tagBySlug(s).map(Tag::name));
			if (!claim.held()) {
				jdbc.sql("INSERT INTO tag (slug, name) VALUES (?, ?) ON CONFLICT (slug) DO NOTHING RETURNING id")
					.params(claim.slug(), name.strip())
					.query(Long.class)
					.optional()
					.ifPresent(id -> events.publishEvent(new TaxonomyEvent.TagChanged(id, TaxonomyEvent.What.CREATED)));
			}
			return tagBySlug(claim.slug()).orElseThrow();
		}, Tag::name);
	}

	/**
	 * @param slug decoded slug
	 */
	public Optional<Section> sectionBySlug(String slug) {
		return jdbc.sql("SELECT id, slug, name, opinion, fediverse FROM section WHERE slug = ?")
			.param(slug)
			.query(Section.class)
			.optional();
	}

	/**
	 * @param slug decoded slug
	 */
	public Optional<Tag> tagBySlug(String slug) {
		return jdbc.sql("SELECT id, slug, name FROM tag WHERE slug = ?").param(slug).query(Tag.class).optional();
	}

	/**
	 * @param slug decoded slug
	 * @return the section, if it has a public article (else it has no public page)
	 */
	public Optional<Section> publicSectionBySlug(String slug) {
		return jdbc
			.sql("SELECT id, slug, name, opinion, fediverse FROM section s WHERE slug = :slug AND "
					+ HAS_PUBLIC_ARTICLE)
			.param("slug", slug)
			.param("now", clock.millis())
			.query(Section.class)
			.optional();
	}

	/**
	 * @param slug decoded slug
	 * @return the tag, if a public article has it (else it has no public page)
	 */
	public Optional<Tag> publicTagBySlug(String slug) {
		return jdbc
			.sql("SELECT id, slug, name FROM tag t WHERE slug = :slug AND EXISTS (SELECT 1 FROM article_tag j "
					+ "JOIN article a ON a.id = j.article_id WHERE j.tag_id = t.id AND " + PUBLIC_ARTICLE + ")")
			.param("slug", slug)
			.param("now", clock.millis())
			.query(Tag.class)
			.optional();
	}

	/**
	 * Sections with a public article, by slug, after {@code afterSlug}: a walk of the
	 * slug index with one seek per section, stopping at {@code limit}.
	 * @param afterSlug the last slug of the previous page, or empty for the first
	 */
	public List<Section> publicSections(String afterSlug, int limit) {
		return jdbc
			.sql("SELECT id, slug, name, opinion, fediverse FROM section s WHERE slug > :after AND "
					+ HAS_PUBLIC_ARTICLE + " ORDER BY slug LIMIT :limit")
			.param("after", afterSlug)
			.param("now", clock.millis())
			.param("limit", limit)
			.query(Section.class)
			.list();
	}

	/**
	 * Tags that a public article has, by slug, after {@code afterSlug}; paged as
	 * {@link #publicSections(String, int)}.
	 */
	public List<Tag> publicTags(String afterSlug, int limit) {
		return jdbc
			.sql("SELECT id, slug, name FROM tag t WHERE slug > :after AND EXISTS (SELECT 1 FROM article_tag j "
					+ "JOIN article a ON a.id = j.article_id WHERE j.tag_id = t.id AND " + PUBLIC_ARTICLE
					+ ") ORDER BY slug LIMIT :limit")
			.param("after", afterSlug)
			.param("now", clock.millis())
			.param("limit", limit)
			.query(Tag.class)
			.list();
	}

	/**
	 * The site's navigation: sections with a public article, by name. Not cached: one
	 * index seek a section, and exact the moment an article is published or withdrawn.
	 */
	public List<Section> publicSections() {
		return jdbc
			.sql("SELECT id, slug, name, opinion, fediverse FROM section s WHERE " + HAS_PUBLIC_ARTICLE
					+ " ORDER BY name")
			.param("now", clock.millis())
			.query(Section.class)
			.list();
	}

	/**
	 * Renames a section or tag and sets whether a section is an opinion section. Its slug
	 * stays, so addresses stay. Editors and administrators only. Audited as
	 * {@code renamed} on the subject {@code section} or {@code tag}, with the former name
	 * as detail.
	 * @param kind "section", else a tag is renamed
	 * @throws IllegalArgumentException naming the field, for a name without letters or
	 * over 100 characters
	 * @throws NotFound when there is no such section or tag
	 * @throws AccessDeniedException below the editor role
	 */
	@Transactional
	public void rename(Actor actor, String kind, long id, String name, boolean opinion) {
		rename(actor, kind, id, name, opinion, null);
	}

	/**
	 * As {@link #rename(Actor, String, long, String, boolean)}, and sets whether a
	 * section is a fediverse actor of its own; audited as {@code fediverse on} or
	 * {@code fediverse off} on the subject {@code section} when that changes.
	 * @param fediverse null keeps it as it is; ignored for a tag
	 */
	@Transactional
	public void rename(Actor actor, String kind, long id, String name, boolean opinion, Boolean fediverse) {
		Permission.EDIT_PEOPLE_AND_TOPICS.require(actor);
		if (name == null || name.isBlank() || name.strip().length() > 100
				|| name.codePoints().noneMatch(Character::isLetterOrDigit)) {
			throw new InvalidInput("name", "taxonomy.invalid.name");
		}
		boolean section = kind.equals("section");
		if (section) {
			forgetSections();
		}
		String former = jdbc
			.sql(section ? "SELECT name FROM section WHERE id = ?" : "SELECT name FROM tag WHERE id = ?")
			.param(id)
			.query(String.class)
			.optional()
			.orElseThrow(() -> new NotFound(kind, id));
		if (section) {
			jdbc.sql("UPDATE section SET name = ?, opinion = ? WHERE id = ?")
				.params(name.strip(), opinion, id)
				.update();
			if (fediverse != null && jdbc.sql("UPDATE section SET fediverse = ? WHERE id = ? AND fediverse <> ?")
				.params(fediverse, id, fediverse)
				.update() > 0) {
				audit.record(NewsroomAudit.SECTION, id, actor, fediverse ? "fediverse on" : "fediverse off", null);
			}
		}
		else {
			jdbc.sql("UPDATE tag SET name = ? WHERE id = ?").params(name.strip(), id).update();
		}
		audit.record(section ? NewsroomAudit.SECTION : NewsroomAudit.TAG, id, actor, "renamed", former);
		// A section's name is in every page's navigation.
		events.publishEvent(section ? PagesChanged.of(Surrogates.section(id), Surrogates.NAV)
				: PagesChanged.of(Surrogates.tag(id)));
		events.publishEvent(section ? new TaxonomyEvent.SectionChanged(id, TaxonomyEvent.What.RENAMED)
				: new TaxonomyEvent.TagChanged(id, TaxonomyEvent.What.RENAMED));
	}

	/**
	 * @return every tag, by name
	 */
	public List<Tag> tags() {
		return jdbc.sql("SELECT id, slug, name FROM tag ORDER BY name").query(Tag.class).list();
	}

	/**
	 * Loaded by the caller, never under the cache's lock: callers inside a read
	 * transaction hold a pool connection, and had they waited on the lock for a loader
	 * that waited for a connection, the pool would deadlock (as 64 concurrent readers
	 * once made it do). Two callers may load at once after expiry; both get the same
	 * list.
	 * @return every section, by name, public or not (the newsroom's; readers get
	 * {@link #publicSections()})
	 */
	public List<Section> sections() {
		List<Section> cached = sectionCache.getIfPresent("all");
		if (cached != null) {
			return cached;
		}
		long generation = sectionsGeneration.get();
		List<Section> loaded = sectionsFromDatabase();
		// Not kept if the list was dropped meanwhile: it may have been read before the
		// change.
		if (generation == sectionsGeneration.get()) {
			sectionCache.put("all", loaded);
		}
		return loaded;
	}

	/**
	 * For a writer that may have made sections in its own transaction (an import): the
	 * cached list is dropped only once that transaction commits, so it would miss them.
	 * @return every section, by name, read from the database (never cached)
	 */
	public List<Section> sectionsFromDatabase() {
		return jdbc.sql("SELECT id, slug, name, opinion, fediverse FROM section ORDER BY name")
			.query(Section.class)
			.list();
	}

	/**
	 * @return the sections with these ids, keyed by id: from the cached list, asking the
	 * database only for new ones
	 */
	public Map<Long, Section> sectionsByIds(Collection<Long> ids) {
		if (ids.isEmpty()) {
			return Map.of();
		}
		Map<Long, Section> found = sections().stream()
			.filter(section -> ids.contains(section.id()))
			.collect(Collectors.toMap(Section::id, Function.identity()));
		if (found.size() < new HashSet<>(ids).size()) {
			// Created since the list was cached (here or on another node).
			return jdbc.sql("SELECT id, slug, name, opinion, fediverse FROM section WHERE id IN (:ids)")
				.param("ids", ids)
				.query(Section.class)
				.list()
				.stream()
				.collect(Collectors.toMap(Section::id, Function.identity()));
		}
		return found;
	}

	/**
	 * Follows every node's changes: the purge log tells this node when pages showing a
	 * section's name, or the navigation, changed (here after commit, from another node
	 * within its poll interval), and the list is dropped.
	 */
	@EventListener
	void follow(PagesEvicted change) {
		if (change.touches(Surrogates.NAV) || change.touchesAny(Surrogates.SECTION_PREFIX)) {
			dropSections();
		}
	}

	/**
	 * Sections change rarely and every page shows them: the list is kept (up to
	 * {@code broadsheet.taxonomy.sections-ttl}, as a safety net), dropped here at once,
	 * and again after commit and on every node when the purge log says so
	 * ({@link #follow}).
	 */
	private void forgetSections() {
		dropSections();
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCompletion(int status) {
					dropSections();
				}
			});
		}
	}

	private void dropSections() {
		sectionsGeneration.incrementAndGet();
		sectionCache.invalidateAll();
	}

	/**
	 * @return the tags with these ids, keyed by id (one query)
	 */
	public Map<Long, Tag> tagsByIds(Collection<Long> ids) {
		if (ids.isEmpty()) {
			return Map.of();
		}
		return jdbc.sql("SELECT id, slug, name FROM tag WHERE id IN (:ids)")
			.param("ids", ids)
			.query(Tag.class)
			.list()
			.stream()
			.collect(Collectors.toMap(Tag::id, Function.identity()));
	}

	/**
	 * Runs a claim until the row it ends on holds {@code name}: on PostgreSQL another
	 * transaction may take the free slug for a different name between the look and the
	 * insert.
	 */
	private static <T> T claimed(String name, Supplier<T> claim, Function<T, String> nameOf) {
		for (int attempt = 0; attempt < 5; attempt++) {
			T found = claim.get();
			if (nameOf.apply(found).strip().equalsIgnoreCase(name.strip())) {
				return found;
			}
		}
		throw new IllegalStateException("Could not claim a slug for '" + name + "' (too many concurrent writers)");
	}

	private String slugOf(String name, String what) {
		if (name == null || name.isBlank()) {
			throw new InvalidInput("name", "taxonomy.invalid.name-required", what);
		}
		String slug = slugger.slugify(name);
		if (slug.isEmpty()) {
			throw new InvalidInput("name", "taxonomy.invalid.name-letter", what, name);
		}
		return slug;
	}

}
