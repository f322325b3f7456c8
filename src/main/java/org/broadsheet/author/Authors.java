package org.broadsheet.author;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.broadsheet.shared.Links;
import org.broadsheet.account.Actor;
import org.broadsheet.account.NewsroomAudit;
import org.broadsheet.account.Permission;
import org.broadsheet.delivery.PagesChanged;
import org.broadsheet.delivery.Surrogates;
import org.broadsheet.media.MediaLibrary;
import org.broadsheet.shared.InvalidInput;
import org.broadsheet.shared.NotFound;
import org.broadsheet.shared.SlugClaim;
import org.broadsheet.shared.Slugger;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Stores and finds authors. */
@Service
public class Authors {

	/** The author's columns, with the portrait's storage key from the media library. */
	private static final String COLUMNS = "a.id, a.slug, a.name, a.title, a.affiliation, a.bio, i.storage_key AS photo_key, a.links "
			+ "FROM author a LEFT JOIN image i ON i.id = a.photo_image_id";

	/** The author {@code a} is in the byline of a public article (one index seek). */
	private static final String IN_PUBLIC_BYLINE = "EXISTS (SELECT 1 FROM article_author j "
			+ "JOIN article p ON p.id = j.article_id WHERE j.author_id = a.id AND p.status = 'published' "
			+ "AND p.published_at <= :now)";

	private final JdbcClient jdbc;

	private final Slugger slugger;

	private final MediaLibrary media;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final NewsroomAudit audit;

	Authors(JdbcClient jdbc, Slugger slugger, MediaLibrary media, Clock clock, ApplicationEventPublisher events,
			NewsroomAudit audit) {
		this.events = events;
		this.audit = audit;
		this.clock = clock;
		this.jdbc = jdbc;
		this.slugger = slugger;
		this.media = media;
	}

	/**
	 * Finds the author called {@code profile.name()} (ignoring case), creating them if
	 * new; the profile's non-null fields replace the stored ones. Publishes
	 * {@link AuthorEvent.AuthorCreated} for a new author,
	 * {@link AuthorEvent.AuthorUpdated} when a stored one changed.
	 * @return the stored author
	 * @throws IllegalArgumentException when the name has no letters or digits
	 */
	@Transactional
	public Author save(AuthorProfile profile) {
		var saved = stored(profile);
		if (saved.event() != null) {
			events.publishEvent(saved.event());
		}
		return saved.author();
	}

	/**
	 * @param event what the change log is to record, null when nothing changed
	 */
	private record Saved(Author author, AuthorEvent event) {
	}

	private Saved stored(AuthorProfile profile) {
		String base = slugger.slugify(profile.name());
		if (base.isEmpty()) {
			throw new InvalidInput("name", "author.invalid.name-letter", profile.name());
		}
		for (int attempt = 0; attempt < 5; attempt++) {
			var claim = SlugClaim.claim(base, profile.name(), s -> bySlug(s).map(Author::name));
			Long created = claim.held() ? null
					: jdbc
						.sql("INSERT INTO author (slug, name) VALUES (?, ?) ON CONFLICT (slug) DO NOTHING RETURNING id")
						.params(claim.slug(), profile.name())
						.query(Long.class)
						.optional()
						.orElse(null);
			// Another transaction may have taken the free slug for another name
			// meanwhile: claim again.
			var before = bySlug(claim.slug()).filter(a -> a.name().equalsIgnoreCase(profile.name()));
			if (before.isPresent()) {
				jdbc.sql("""
						UPDATE author SET name = ?, title = COALESCE(?, title), affiliation = COALESCE(?, affiliation),
						  bio = COALESCE(?, bio) WHERE slug = ?""")
					.params(profile.name(), profile.title(), profile.affiliation(), profile.bio(), claim.slug())
					.update();
				Author saved = bySlug(claim.slug()).orElseThrow();
				events.publishEvent(PagesChanged.of(Surrogates.author(saved.id())));
				return new Saved(saved, created != null ? new AuthorEvent(saved.id(), AuthorEvent.What.CREATED)
						: saved.equals(before.get()) ? null : new AuthorEvent(saved.id(), AuthorEvent.What.UPDATED));
			}
		}
		throw new IllegalStateException("Could not claim a slug for author '" + profile.name() + "'");
	}

	/**
	 * A WordPress author's account details, kept for exports.
	 *
	 * @param login unique, as the export named them (its {@code dc:creator})
	 * @param email or null; never shown to readers
	 */
	public record Login(String login, String email) {
	}

	/**
	 * What {@link #restore} did.
	 *
	 * @param created no author held the login before
	 * @param changed the login moved, or the author's name, email or profile changed
	 */
	public record Restored(Author author, boolean created, boolean changed) {
	}

	/**
	 * Finds or creates the author called {@code displayName} (as {@link #save}) and gives
	 * them a login and email from another system. A login moves from whichever author
	 * held it before.
	 * @param login at most 200 characters, not blank
	 * @param email or null; kept only when at most 254 characters
	 * @return the stored author, and whether it was new or changed
	 * @throws IllegalArgumentException naming the field: a blank or over-long login, or a
	 * display name without a letter or digit (see {@link AuthorProfile})
	 */
	@Transactional
	public Restored restore(String login, String displayName, String email) {
		return restore(login, AuthorProfile.named(displayName), email, null);
	}

	/**
	 * As {@link #restore(String, String, String)}, with the profile another system kept:
	 * its non-null title, affiliation and bio replace the stored ones, and so do links
	 * when there are any.
	 * @param links the author's own pages, one a line; a line that is not an absolute
	 * http(s) URL is left out; null or blank keeps the stored links
	 * @return the stored author, and whether it was new or changed (its login, email or
	 * profile)
	 * @throws IllegalArgumentException as {@link #restore(String, String, String)}
	 */
	@Transactional
	public Restored restore(String login, AuthorProfile profile, String email, String links) {
		if (login == null || login.isBlank() || login.strip().length() > 200) {
			throw new InvalidInput("login", "author.invalid.login");
		}
		String key = login.strip();
		record Holder(long id, String email) {
		}
		var before = jdbc.sql("SELECT id, email FROM author WHERE login = ?").param(key).query(Holder.class).optional();
		var saved = stored(profile);
		Author author = saved.author();
		String webLinks = links == null ? null : blankToNull(
				links.lines().map(String::strip).filter(Links::isWebUrl).collect(Collectors.joining("\n")));
		boolean linksChanged = webLinks != null && !webLinks.equals(author.links());
		if (linksChanged) {
			jdbc.sql("UPDATE author SET links = ? WHERE id = ?").params(webLinks, author.id()).update();
		}
		String cleanEmail = email == null || email.isBlank() || email.strip().length() > 254 ? null : email.strip();
		boolean same = before.isPresent() && before.get().id() == author.id()
				&& Objects.equals(before.get().email(), cleanEmail);
		if (!same) {
			jdbc.sql("UPDATE author SET login = NULL WHERE login = ? AND id <> ?").params(key, author.id()).update();
			jdbc.sql("UPDATE author SET login = ?, email = ? WHERE id = ?")
				.params(key, cleanEmail, author.id())
				.update();
		}
		// One event for the author: created wins over updated.
		AuthorEvent event = saved.event() != null ? saved.event()
				: same && !linksChanged ? null : new AuthorEvent(author.id(), AuthorEvent.What.UPDATED);
		if (event != null) {
			events.publishEvent(event);
		}
		if (linksChanged) {
			events.publishEvent(PagesChanged.of(Surrogates.author(author.id())));
		}
		return new Restored(author, before.isEmpty(), !same || linksChanged || saved.event() != null);
	}

	/**
	 * @return the login and email of every author that has a login, keyed by author id
	 */
	public Map<Long, Login> logins() {
		Map<Long, Login> logins = new HashMap<>();
		jdbc.sql("SELECT id, login, email FROM author WHERE login IS NOT NULL")
			.query((rs, n) -> logins.put(rs.getLong(1), new Login(rs.getString(2), rs.getString(3))))
			.list();
		return logins;
	}

	/**
	 * @param slug decoded slug
	 */
	public Optional<Author> bySlug(String slug) {
		return jdbc.sql("SELECT " + COLUMNS + " WHERE a.slug = ?").param(slug).query(Author.class).optional();
	}

	/**
	 * @param slug decoded slug
	 * @return the author, if they are in the byline of a public article (published, its
	 * instant come); else they have no public page. One index seek
	 * ({@code article_author (author_id, …)}).
	 */
	public Optional<Author> publicBySlug(String slug) {
		return jdbc.sql("SELECT " + COLUMNS + " WHERE a.slug = :slug AND " + IN_PUBLIC_BYLINE)
			.param("slug", slug)
			.param("now", clock.millis())
			.query(Author.class)
			.optional();
	}

	/**
	 * Counts authors for NodeInfo's usage figures: one pass over the public articles
	 * published in the window (index {@code article (status, published_at)}).
	 * @param since the UTC instant, or null for all time
	 * @return how many authors are in the byline of a public article published at or
	 * after {@code since}
	 */
	public int countPublic(Instant since) {
		return jdbc
			.sql("SELECT COUNT(DISTINCT j.author_id) FROM article p JOIN article_author j ON j.article_id = p.id "
					+ "WHERE p.status = 'published' AND p.published_at <= :now AND p.published_at >= :since")
			.param("now", clock.millis())
			.param("since", since == null ? Long.MIN_VALUE : since.toEpochMilli())
			.query(Integer.class)
			.single();
	}

	/**
	 * Authors in the byline of a public article, by slug, after {@code afterSlug}: a walk
	 * of the slug index with one seek per author, stopping at {@code limit}.
	 * @param afterSlug the last slug of the previous page, or empty for the first
	 */
	public List<Author> publicAuthors(String afterSlug, int limit) {
		return jdbc
			.sql("SELECT " + COLUMNS + " WHERE a.slug > :after AND " + IN_PUBLIC_BYLINE
					+ " ORDER BY a.slug LIMIT :limit")
			.param("after", afterSlug)
			.param("now", clock.millis())
			.param("limit", limit)
			.query(Author.class)
			.list();
	}

	/**
	 * Changes an author's profile (not their name, which bylines and the slug hang on).
	 * Editors and administrators only. Audited as {@code profile-edited} on the subject
	 * {@code author}.
	 * @param photoImageId an image from the media library, or null for none
	 * @param links one absolute http(s) URL a line, or blank
	 * @throws IllegalArgumentException naming the field: too long, or a link that is not
	 * an http(s) URL
	 * @throws NotFound when there is no such author
	 * @throws AccessDeniedException below the editor role
	 */
	@Transactional
	public Author updateProfile(Actor actor, long id, String title, String affiliation, String bio, Long photoImageId,
			String links) {
		Permission.EDIT_PEOPLE_AND_TOPICS.require(actor);
		var profile = new AuthorProfile("x", blankToNull(title), blankToNull(affiliation), blankToNull(bio));
		if (photoImageId != null && media.byIds(Set.of(photoImageId)).isEmpty()) {
			throw new InvalidInput("photo", "media.invalid.no-image", String.valueOf(photoImageId));
		}
		String cleanLinks = blankToNull(links);
		if (cleanLinks != null) {
			for (String link : cleanLinks.split("\\R")) {
				if (!link.isBlank() && !link.strip().matches("(?i)https?://[^\\s/]+\\S*")) {
					String shown = link.strip().length() > 80 ? link.strip().substring(0, 80) + "…" : link.strip();
					throw new InvalidInput("links", "author.invalid.link", shown);
				}
			}
		}
		int updated = jdbc
			.sql("UPDATE author SET title = ?, affiliation = ?, bio = ?, photo_image_id = ?, links = ? WHERE id = ?")
			.params(profile.title(), profile.affiliation(), profile.bio(), photoImageId, cleanLinks, id)
			.update();
		if (updated == 0) {
			throw new NotFound("author", id);
		}
		audit.record(NewsroomAudit.AUTHOR, id, actor, "profile-edited", null);
		events.publishEvent(PagesChanged.of(Surrogates.author(id)));
		events.publishEvent(new AuthorEvent(id, AuthorEvent.What.PROFILE_EDITED));
		return byIds(List.of(id)).get(id);
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

	/**
	 * @return every author, by name
	 */
	public List<Author> all() {
		return jdbc.sql("SELECT " + COLUMNS + " ORDER BY a.name").query(Author.class).list();
	}

	/**
	 * @return the authors with these ids, keyed by id (one query)
	 */
	public Map<Long, Author> byIds(Collection<Long> ids) {
		if (ids.isEmpty()) {
			return Map.of();
		}
		return jdbc.sql("SELECT " + COLUMNS + " WHERE a.id IN (:ids)")
			.param("ids", ids)
			.query(Author.class)
			.list()
			.stream()
			.collect(Collectors.toMap(Author::id, Function.identity()));
	}

}
