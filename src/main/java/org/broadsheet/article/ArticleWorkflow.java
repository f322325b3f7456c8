package org.broadsheet.article;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;

import org.broadsheet.account.Account;
import org.broadsheet.account.Permission;
import org.broadsheet.shared.NotFound;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The editorial workflow: draft → in review → scheduled → published → unpublished. One method per
 * use case, each checking the actor's permission, changing state, writing the audit log and
 * publishing the article's event. Contributors write and submit their own drafts; authors also
 * publish their own; editors and administrators work on anyone's.
 *
 * <p>Editing a published (or scheduled) article stores a revision without changing what readers
 * see, until {@link #publish} ("Publish changes").
 */
@Service
public class ArticleWorkflow {

	private final Articles articles;

	private final Revisions revisions;

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	ArticleWorkflow(Articles articles, Revisions revisions, JdbcClient jdbc, ApplicationEventPublisher events,
			Clock clock) {
		this.articles = articles;
		this.revisions = revisions;
		this.jdbc = jdbc;
		this.events = events;
		this.clock = clock;
	}

	/** What the editor page shows of an article. */
	public record Editing(long id, ArticleDraft latest, ArticleStatus status, boolean unpublishedChanges,
			Instant goLiveAt, Instant unpublishAt, Long createdBy, List<Revision> revisions, List<AuditEntry> audit) {
	}

	/**
	 * Creates a draft owned by {@code actor}.
	 *
	 * @return the new article's id
	 * @throws IllegalArgumentException naming the field, for bad input
	 */
	@Transactional
	public long create(Account actor, ArticleDraft draft) {
		long id = articles.create(as(draft, ArticleStatus.DRAFT, null, null), actor.id()).id();
		audit(id, actor, "created", null);
		return id;
	}

	/**
	 * Saves a revision. A draft, an article in review, a scheduled or an unpublished one changes with
	 * it (a scheduled one goes live as last saved); a published article does not change for readers
	 * until {@link #publish}.
	 *
	 * @throws AccessDeniedException when the actor may not edit this article
	 * @throws IllegalArgumentException naming the field, for bad input or a lead image not in the
	 *         media library
	 * @throws NotFound when there is no such article
	 */
	@Transactional
	public void save(Account actor, long id, ArticleDraft draft) {
		var state = state(id);
		requireEdit(actor, state);
		if (state.status().live()) {
			articles.requireImage(draft);
			revisions.add(id, actor.id(), draft, clock.millis());
		}
		else {
			Instant publishedAt = articles.storedPublishedAt(id).orElse(null);
			articles.update(id, as(draft, state.status(), publishedAt, publishedAt), actor.id());
		}
		audit(id, actor, "saved", null);
	}

	/** Sends a draft to the editors. @throws AccessDeniedException unless own or an editor */
	@Transactional
	public void submit(Account actor, long id) {
		var state = state(id);
		requireEdit(actor, state);
		if (state.status() != ArticleStatus.DRAFT && state.status() != ArticleStatus.UNPUBLISHED) {
			throw new InvalidArticle("status", "article.invalid.submit-not-draft", state.status().code());
		}
		setStatus(id, ArticleStatus.IN_REVIEW);
		events.publishEvent(new ArticleEvent.ArticleUpdated(id));
		audit(id, actor, "submitted", null);
	}

	/**
	 * Publishes the latest revision now ("Publish" or "Publish changes"). Republishing changes
	 * updates the last-updated instant; the publication instant stays.
	 *
	 * @throws AccessDeniedException unless an author publishing their own, or an editor
	 * @throws IllegalArgumentException when its slug is taken meanwhile
	 * @throws NotFound when there is no such article
	 */
	@Transactional
	public void publish(Account actor, long id) {
		var state = state(id);
		requirePublish(actor, state);
		var latest = latest(id, state);
		Instant now = clock.instant();
		// An article published before (then unpublished) keeps its first publication instant; a
		// scheduled instant still to come is not one.
		Instant publishedAt = articles.storedPublishedAt(id).filter(at -> !at.isAfter(now)).orElse(now);
		Instant updatedAt = state.status() == ArticleStatus.PUBLISHED ? now : publishedAt;
		articles.apply(id, as(latest.draft(), ArticleStatus.PUBLISHED, publishedAt, updatedAt), latest.id());
		jdbc.sql("UPDATE article SET go_live_at = NULL WHERE id = ?").param(id).update();
		audit(id, actor, "published", null);
	}

	/**
	 * Publishes the latest revision by itself at {@code at}, once, on whichever node runs first.
	 *
	 * @param at a UTC instant in the future
	 * @throws AccessDeniedException as {@link #publish}
	 * @throws IllegalArgumentException when {@code at} is not in the future, or the article is published
	 * @throws InvalidArticle when {@code at} is outside {@link ArticleRules}' years, or the draft breaks a rule
	 */
	@Transactional
	public void schedule(Account actor, long id, Instant at) {
		var state = state(id);
		requirePublish(actor, state);
		ArticleRules.instant("goLiveAt", at);
		if (!at.isAfter(clock.instant())) {
			throw new InvalidArticle("goLiveAt", "article.invalid.future");
		}
		if (state.status() == ArticleStatus.PUBLISHED) {
			throw new InvalidArticle("status", "article.invalid.already-live");
		}
		var latest = latest(id, state);
		articles.apply(id, as(latest.draft(), ArticleStatus.SCHEDULED, at, at), latest.id());
		jdbc.sql("UPDATE article SET go_live_at = ? WHERE id = ?").params(at.toEpochMilli(), id).update();
		audit(id, actor, "scheduled", at.toString());
	}

	/**
	 * Takes an article off the site now, or at {@code at} when given.
	 *
	 * @param at a future UTC instant (after a scheduled publication), or null for now
	 * @throws AccessDeniedException as {@link #publish}
	 * @throws IllegalArgumentException when the article is not published or scheduled, or {@code at} is too early
	 * @throws InvalidArticle when {@code at} is outside {@link ArticleRules}' years
	 */
	@Transactional
	public void unpublish(Account actor, long id, Instant at) {
		var state = state(id);
		requirePublish(actor, state);
		if (state.status() != ArticleStatus.PUBLISHED && state.status() != ArticleStatus.SCHEDULED) {
			throw new InvalidArticle("status", "article.invalid.unpublish-not-live");
		}
		if (at != null) {
			ArticleRules.instant("unpublishAt", at);
			if (!at.isAfter(clock.instant())) {
				throw new InvalidArticle("unpublishAt", "article.invalid.future");
			}
			if (state.goLiveAt() != null && !at.isAfter(Instant.ofEpochMilli(state.goLiveAt()))) {
				throw new InvalidArticle("unpublishAt", "article.invalid.unpublish-before-live");
			}
			jdbc.sql("UPDATE article SET unpublish_at = ? WHERE id = ?").params(at.toEpochMilli(), id).update();
			audit(id, actor, "unpublish-scheduled", at.toString());
			return;
		}
		setStatus(id, ArticleStatus.UNPUBLISHED);
		// A cancelled schedule was never public: its instant is not a publication instant.
		jdbc.sql("""
				UPDATE article SET published_at = CASE WHEN status = 'unpublished' AND go_live_at IS NOT NULL THEN NULL
				  ELSE published_at END, go_live_at = NULL, unpublish_at = NULL WHERE id = ?""").param(id).update();
		events.publishEvent(new ArticleEvent.ArticleUnpublished(id));
		audit(id, actor, "unpublished", null);
	}

	/**
	 * Makes an earlier revision the latest again (as a new revision); readers see it only after
	 * publishing, if the article is live.
	 *
	 * @throws AccessDeniedException when the actor may not edit this article
	 * @throws IllegalArgumentException when the revision's lead image is gone
	 * @throws NotFound when the article or the revision does not exist
	 */
	@Transactional
	public void restore(Account actor, long id, long revisionId) {
		var revision = revisions.find(id, revisionId)
			.orElseThrow(() -> new NotFound("revision", revisionId));
		save(actor, id, revision.draft());
		audit(id, actor, "restored", Long.toString(revisionId));
	}

	/**
	 * @throws AccessDeniedException when the actor may not edit this article
	 * @throws NotFound when there is no such article
	 */
	@Transactional(readOnly = true)
	public Editing editing(Account actor, long id) {
		var state = revisions.state(id).orElseThrow(() -> new NotFound("article", id));
		requireEdit(actor, state);
		var all = revisions.list(id);
		return new Editing(id, all.isEmpty() ? null : all.get(0).draft(), state.status(), state.hasUnpublishedChanges(),
				state.goLiveAt() == null ? null : Instant.ofEpochMilli(state.goLiveAt()), unpublishAt(id),
				state.createdBy(), all, revisions.auditTrail(id));
	}

	/**
	 * @return the line-by-line differences of title, standfirst and body between two revisions
	 * @throws AccessDeniedException when the actor may not edit this article
	 * @throws NotFound when the article or either revision does not exist
	 */
	@Transactional(readOnly = true)
	public RevisionDiff compare(Account actor, long id, long fromRevision, long toRevision) {
		requireEdit(actor, revisions.state(id).orElseThrow(() -> new NotFound("article", id)));
		var from = revisions.find(id, fromRevision).orElseThrow(() -> new NotFound("revision", fromRevision));
		var to = revisions.find(id, toRevision).orElseThrow(() -> new NotFound("revision", toRevision));
		return new RevisionDiff(from, to,
				List.of(diff("title", from.draft().title(), to.draft().title()),
						diff("summary", from.draft().summary(), to.draft().summary()),
						diff("body", from.draft().bodyMarkdown(), to.draft().bodyMarkdown())));
	}

	/** @return whether an article is due to go live or to leave now (one indexed read, no lock) */
	boolean anyDue() {
		long now = clock.millis();
		return jdbc.sql("""
				SELECT COUNT(*) FROM (SELECT id FROM article WHERE status = 'scheduled' AND go_live_at <= ?
				UNION ALL SELECT id FROM article WHERE status = 'published' AND unpublish_at <= ?) due""")
			.params(now, now).query(Integer.class).single() > 0;
	}

	/**
	 * Publishes scheduled articles whose instant has come and unpublishes those due to leave. Each
	 * change is one conditional UPDATE, so with several nodes polling each article changes once.
	 *
	 * @return how many articles changed
	 */
	@Transactional
	public int runDue() {
		long now = clock.millis();
		List<Long> live = jdbc.sql("""
				UPDATE article SET status = 'published', go_live_at = NULL
				WHERE status = 'scheduled' AND go_live_at <= ? RETURNING id""").param(now).query(Long.class).list();
		List<Long> gone = jdbc.sql("""
				UPDATE article SET status = 'unpublished', unpublish_at = NULL
				WHERE status = 'published' AND unpublish_at <= ? RETURNING id""").param(now).query(Long.class).list();
		live.forEach(id -> {
			events.publishEvent(new ArticleEvent.ArticlePublished(id));
			revisions.audit(id, null, "published", now, "scheduled");
		});
		gone.forEach(id -> {
			events.publishEvent(new ArticleEvent.ArticleUnpublished(id));
			revisions.audit(id, null, "unpublished", now, "scheduled");
		});
		return live.size() + gone.size();
	}

	private static RevisionDiff.FieldDiff diff(String field, String before, String after) {
		List<String> a = lines(before);
		List<String> b = lines(after);
		var patch = DiffUtils.diff(a, b);
		List<RevisionDiff.Line> out = new ArrayList<>();
		int position = 0;
		for (AbstractDelta<String> delta : patch.getDeltas()) {
			for (; position < delta.getSource().getPosition(); position++) {
				out.add(new RevisionDiff.Line(RevisionDiff.Change.SAME, a.get(position)));
			}
			delta.getSource().getLines().forEach(l -> out.add(new RevisionDiff.Line(RevisionDiff.Change.REMOVED, l)));
			delta.getTarget().getLines().forEach(l -> out.add(new RevisionDiff.Line(RevisionDiff.Change.ADDED, l)));
			position += delta.getSource().size();
		}
		for (; position < a.size(); position++) {
			out.add(new RevisionDiff.Line(RevisionDiff.Change.SAME, a.get(position)));
		}
		return new RevisionDiff.FieldDiff(field, out);
	}

	private static List<String> lines(String text) {
		return text == null || text.isEmpty() ? List.of() : Arrays.asList(text.split("\\R", -1));
	}

	/** The article's state, its row locked until the transaction ends. */
	private Revisions.State state(long id) {
		return revisions.lockedState(id).orElseThrow(() -> new NotFound("article", id));
	}

	private Revision latest(long id, Revisions.State state) {
		return revisions.find(id, state.latestRevision())
			.orElseThrow(() -> new IllegalStateException("article " + id + " has no revision"));
	}

	private Instant unpublishAt(long id) {
		Long at = jdbc.sql("SELECT unpublish_at FROM article WHERE id = ?").param(id).query(Long.class).optional()
			.orElse(null);
		return at == null ? null : Instant.ofEpochMilli(at);
	}

	private static boolean owns(Account actor, Revisions.State state) {
		return state.createdBy() != null && state.createdBy() == actor.id();
	}

	/**
	 * Editors edit anything; authors their own; contributors their own until it is scheduled or
	 * published. {@link Articles#inNewsroom} lists the same articles (keep the two together).
	 */
	static boolean mayEdit(Account actor, Revisions.State state) {
		boolean onTheirDesk = state.status() != ArticleStatus.PUBLISHED && state.status() != ArticleStatus.SCHEDULED;
		return Permission.EDIT_ANY_ARTICLE.allows(actor)
				|| owns(actor, state) && (Permission.PUBLISH_OWN.allows(actor) || onTheirDesk);
	}

	/** Editors publish anything; authors their own; contributors nothing. */
	static boolean mayPublish(Account actor, Revisions.State state) {
		return Permission.EDIT_ANY_ARTICLE.allows(actor) || Permission.PUBLISH_OWN.allows(actor) && owns(actor, state);
	}

	private static void requireEdit(Account actor, Revisions.State state) {
		if (!mayEdit(actor, state)) {
			throw new AccessDeniedException("You may not edit this article");
		}
	}

	private static void requirePublish(Account actor, Revisions.State state) {
		if (!mayPublish(actor, state)) {
			throw new AccessDeniedException("You may not publish or unpublish this article");
		}
	}

	/** Changes the status only; the use case publishes its one event. */
	private void setStatus(long id, ArticleStatus status) {
		jdbc.sql("UPDATE article SET status = ? WHERE id = ?").params(status.code(), id).update();
	}

	private void audit(long id, Account actor, String action, String detail) {
		revisions.audit(id, actor.id(), action, clock.millis(), detail);
	}

	private static ArticleDraft as(ArticleDraft d, ArticleStatus status, Instant publishedAt, Instant updatedAt) {
		return new ArticleDraft(d.slug(), d.title(), d.section(), d.authors(), d.summary(), d.bodyMarkdown(), d.leadImage(),
				d.tags(), d.language(), status, publishedAt, updatedAt, d.syndication());
	}

}
