package org.broadsheet.article;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.broadsheet.account.Actor;
import org.broadsheet.account.Permission;
import org.broadsheet.account.SystemActor;
import org.broadsheet.shared.NotFound;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataAccessException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The editorial workflow: draft → in review → scheduled → published → unpublished, and
 * the one door through which articles change (imports use {@link ArticleInterchange},
 * which follows the same shape). Every use case checks the actor's permission, changes
 * state, writes one audit entry naming the actor and publishes one {@link ArticleEvent}
 * (which the change log carries to every node and cache). Contributors write and submit
 * their own drafts; authors also publish their own; editors, administrators and
 * {@link SystemActor}s work on anyone's.
 *
 * <p>
 * Editing a published or scheduled article stores a revision without changing the
 * article: what readers see (or what is scheduled to go live) is the revision approved by
 * {@link #publish} or {@link #schedule} (Wagtail's model). A published article can have
 * changes scheduled.
 */
@Service
public class ArticleWorkflow {

	private static final Logger log = LoggerFactory.getLogger(ArticleWorkflow.class);

	private final ArticleWriter writer;

	private final ArticleRepository repository;

	private final Revisions revisions;

	private final AuditLog audit;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate steps;

	private final TransactionTemplate reads;

	private final Clock clock;

	private final DeskRepository desk;

	private final TrashStore trash;

	ArticleWorkflow(ArticleWriter writer, ArticleRepository repository, Revisions revisions, AuditLog audit,
			ApplicationEventPublisher events, PlatformTransactionManager transactions, Clock clock, DeskRepository desk,
			TrashStore trash) {
		this.desk = desk;
		this.trash = trash;
		this.writer = writer;
		this.repository = repository;
		this.revisions = revisions;
		this.audit = audit;
		this.events = events;
		// The scheduler's steps: each its own transaction, or a savepoint inside a
		// caller's, so
		// that one article's failure rolls back only its own step. (REQUIRES_NEW would
		// wait on
		// SQLite for the write lock the caller's transaction holds.)
		this.steps = new TransactionTemplate(transactions);
		this.steps.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
		this.reads = new TransactionTemplate(transactions);
		this.reads.setReadOnly(true);
		this.clock = clock;
	}

	/**
	 * What the editor page shows of an article.
	 *
	 * @param unpublishedChanges the latest revision is neither live nor scheduled
	 * @param scheduledChanges a published article has a newer revision scheduled for
	 * {@code goLiveAt}
	 * @param goLiveAt when the scheduled revision goes live (UTC), or null
	 * @param liveRevision the revision readers see, or null unless published
	 * @param scheduledRevision the revision approved to go live at {@code goLiveAt}, or
	 * null
	 */
	public record Editing(long id, ArticleDraft latest, ArticleStatus status, boolean unpublishedChanges,
			boolean scheduledChanges, Instant goLiveAt, Instant unpublishAt, Long createdBy, Long liveRevision,
			Long scheduledRevision, List<Revision> revisions, List<AuditEntry> audit) {

		/**
		 * @return whether it can be sent to the editors: a draft, or an unpublished
		 * article
		 */
		public boolean submittable() {
			return status == ArticleStatus.DRAFT || status == ArticleStatus.UNPUBLISHED;
		}

		/**
		 * @return whether readers see this revision
		 */
		public boolean isLive(Revision revision) {
			return Long.valueOf(revision.id()).equals(liveRevision);
		}

		/**
		 * @return whether this revision is approved to go live at {@code goLiveAt}
		 */
		public boolean isScheduled(Revision revision) {
			return Long.valueOf(revision.id()).equals(scheduledRevision);
		}

	}

	/**
	 * Creates a draft owned by {@code actor}.
	 * @return the new article's id
	 * @throws InvalidArticle naming the field, for bad input
	 */
	@Transactional
	public long create(Actor actor, ArticleDraft draft) {
		writer.requireBodyAlt(draft);
		var written = writer.create(draft.withStatus(ArticleStatus.DRAFT, null, null), actor.accountId());
		return done(written.id(), actor, "created", null, written.event());
	}

	/**
	 * Stores a finished article as it comes, status and instants included (article
	 * bundles, the demo): creates it, or updates the one in its section with the draft's
	 * slug (or, without one, its title). A scheduled draft goes live by itself at its
	 * {@code publishedAt}.
	 * @throws AccessDeniedException unless the actor may edit anyone's article
	 * @throws InvalidArticle naming the field, for bad input
	 */
	@Transactional
	public SavedArticle store(Actor actor, ArticleDraft draft) {
		Permission.EDIT_ANY_ARTICLE.require(actor);
		if (draft.status() == ArticleStatus.SCHEDULED && draft.publishedAt() == null) {
			throw new InvalidArticle("published", "article.invalid.scheduled-instant");
		}
		var written = writer.upsert(draft, actor.accountId());
		var state = repository.state(written.id()).orElseThrow();
		repository.setSchedule(written.id(), draft.status() == ArticleStatus.SCHEDULED ? state.liveRevision() : null,
				draft.status() == ArticleStatus.SCHEDULED ? draft.publishedAt() : null);
		if (draft.status() != ArticleStatus.PUBLISHED) {
			// Not public any more: a scheduled unpublishing has nothing left to do.
			repository.setUnpublishAt(written.id(), null);
		}
		done(written.id(), actor, "stored", null, written.event());
		return written.saved();
	}

	/**
	 * Saves a revision. A draft, an article in review or an unpublished one changes with
	 * it; a published or scheduled article keeps the revision approved for readers until
	 * {@link #publish} or {@link #schedule} approves a newer one.
	 * @throws AccessDeniedException when the actor may not edit this article
	 * @throws InvalidArticle naming the field, for bad input or a lead image not in the
	 * media library
	 * @throws NotFound when there is no such article
	 */
	@Transactional
	public void save(Actor actor, long id, ArticleDraft draft) {
		var state = state(id);
		requireEdit(actor, state);
		writer.requireBodyAlt(draft);
		done(id, actor, "saved", null, saveRevision(actor, id, state, draft));
	}

	/**
	 * Sends a draft to the editors.
	 * @throws AccessDeniedException unless own or an editor
	 * @throws InvalidArticle when it is not a draft or unpublished
	 */
	@Transactional
	public void submit(Actor actor, long id) {
		var state = state(id);
		requireEdit(actor, state);
		if (state.status() != ArticleStatus.DRAFT && state.status() != ArticleStatus.UNPUBLISHED) {
			throw new ArticleConflict("status", "article.invalid.submit-not-draft", state.status().code());
		}
		repository.setStatus(id, ArticleStatus.IN_REVIEW);
		// The note it was sent back with is answered.
		desk.setSentBack(id, null);
		done(id, actor, "submitted", null, new ArticleEvent.ArticleRevised(id));
	}

	/**
	 * Publishes the latest revision now ("Publish" or "Publish changes"), dropping
	 * whatever was scheduled. Republishing changes updates the last-updated instant; the
	 * publication instant stays.
	 * @throws AccessDeniedException unless an author publishing their own, or an editor
	 * @throws InvalidArticle when its slug is taken meanwhile
	 * @throws NotFound when there is no such article
	 */
	@Transactional
	public void publish(Actor actor, long id) {
		var state = state(id);
		requirePublish(actor, state);
		var written = goLive(id, state.status(), latest(id, state));
		done(id, actor, "published", null, written.event());
	}

	/**
	 * Approves the latest revision to go live by itself at {@code at}, once, on whichever
	 * node runs first. A published article stays as it is until then ("scheduled
	 * changes"); any other becomes scheduled. Saves after this do not change what goes
	 * live.
	 * @param at a UTC instant in the future
	 * @throws AccessDeniedException as {@link #publish}
	 * @throws InvalidArticle when {@code at} is not in the future or outside
	 * {@link ArticleRules}' years, or the draft breaks a rule
	 */
	@Transactional
	public void schedule(Actor actor, long id, Instant at) {
		var state = state(id);
		requirePublish(actor, state);
		ArticleRules.instant("goLiveAt", at);
		if (!at.isAfter(clock.instant())) {
			throw new InvalidArticle("goLiveAt", "article.invalid.future");
		}
		if (state.unpublishAt() != null && !at.isBefore(state.unpublishAt())) {
			throw new InvalidArticle("goLiveAt", "article.invalid.live-after-unpublish");
		}
		var latest = latest(id, state);
		if (state.status() == ArticleStatus.PUBLISHED) {
			writer.check(latest.draft());
		}
		else {
			// An article that was public before keeps its first publication instant.
			Instant publishedAt = writer.storedPublishedAt(id).filter(p -> p.isBefore(clock.instant())).orElse(at);
			writer.apply(id, latest.draft().withStatus(ArticleStatus.SCHEDULED, publishedAt, at), latest.id());
		}
		repository.setSchedule(id, latest.id(), at);
		done(id, actor, "scheduled", at.toString(), new ArticleEvent.ArticleScheduled(id, at));
	}

	/**
	 * Cancels what is scheduled to go live: a published article keeps what readers see; a
	 * scheduled one goes back to draft, or to unpublished if it was public before.
	 * @throws AccessDeniedException as {@link #publish}
	 * @throws InvalidArticle when nothing is scheduled
	 */
	@Transactional
	public void cancelSchedule(Actor actor, long id) {
		var state = state(id);
		requirePublish(actor, state);
		if (state.scheduledRevision() == null) {
			throw new ArticleConflict("goLiveAt", "article.invalid.nothing-scheduled");
		}
		boolean offTheSite = state.status() == ArticleStatus.SCHEDULED;
		if (offTheSite) {
			boolean wasPublic = wasPublic(id);
			repository.takeOff(id, !wasPublic);
			repository.setStatus(id, wasPublic ? ArticleStatus.UNPUBLISHED : ArticleStatus.DRAFT);
		}
		else {
			repository.setSchedule(id, null, null);
		}
		// A published article's scheduled changes cancelled: readers' version stays.
		done(id, actor, "schedule-cancelled", null,
				offTheSite ? new ArticleEvent.ArticleUpdated(id) : new ArticleEvent.ArticleRevised(id));
	}

	/**
	 * Takes an article off the site now (dropping whatever was scheduled), or at
	 * {@code at} when given.
	 * @param at a future UTC instant (after a scheduled publication), or null for now
	 * @throws AccessDeniedException as {@link #publish}
	 * @throws InvalidArticle when the article is not published or scheduled, or
	 * {@code at} is too early or outside {@link ArticleRules}' years
	 */
	@Transactional
	public void unpublish(Actor actor, long id, Instant at) {
		var state = state(id);
		requirePublish(actor, state);
		if (state.status() != ArticleStatus.PUBLISHED && state.status() != ArticleStatus.SCHEDULED) {
			throw new ArticleConflict("status", "article.invalid.unpublish-not-live");
		}
		if (at != null) {
			ArticleRules.instant("unpublishAt", at);
			if (!at.isAfter(clock.instant())) {
				throw new InvalidArticle("unpublishAt", "article.invalid.future");
			}
			if (state.status() == ArticleStatus.SCHEDULED && !at.isAfter(state.goLiveAt())) {
				throw new InvalidArticle("unpublishAt", "article.invalid.unpublish-before-live");
			}
			repository.setUnpublishAt(id, at);
			done(id, actor, "unpublish-scheduled", at.toString(), new ArticleEvent.ArticleRevised(id));
			return;
		}
		// A scheduled article that was never public: its instant is not a publication
		// instant.
		repository.takeOff(id, state.status() == ArticleStatus.SCHEDULED && !wasPublic(id));
		done(id, actor, "unpublished", null, new ArticleEvent.ArticleUnpublished(id));
	}

	/**
	 * Makes an earlier revision the latest again (as a new revision); readers see it only
	 * after publishing, if the article is live.
	 * @throws AccessDeniedException when the actor may not edit this article
	 * @throws InvalidArticle when the revision's lead image is gone
	 * @throws NotFound when the article or the revision does not exist
	 */
	@Transactional
	public void restore(Actor actor, long id, long revisionId) {
		var state = state(id);
		requireEdit(actor, state);
		var revision = revisions.find(id, revisionId).orElseThrow(() -> new NotFound("revision", revisionId));
		done(id, actor, "restored", Long.toString(revisionId), saveRevision(actor, id, state, revision.draft()));
	}

	/**
	 * Moves an article to the {@link Trash}, off the site (dropping whatever was
	 * scheduled): its address answers 410 Gone if it was public. It is restored, or
	 * deleted with its revisions, comments and redirects when the trash is purged.
	 * @throws AccessDeniedException unless the actor may edit anyone's article
	 * @throws NotFound when there is no such article (or it is in the trash already)
	 */
	@Transactional
	public void delete(Actor actor, long id) {
		Permission.EDIT_ANY_ARTICLE.require(actor);
		var state = state(id);
		trash.trash(id, clock.millis(), state.status() == ArticleStatus.SCHEDULED && !wasPublic(id));
		done(id, actor, "deleted", null, new ArticleEvent.ArticleDeleted(id));
	}

	/**
	 * @throws AccessDeniedException when the actor may not edit this article
	 * @throws NotFound when there is no such article
	 */
	@Transactional(readOnly = true)
	public Editing editing(Actor actor, long id) {
		var state = repository.state(id).orElseThrow(() -> new NotFound("article", id));
		requireEdit(actor, state);
		var all = revisions.list(id);
		return new Editing(id, all.isEmpty() ? null : all.get(0).draft(), state.status(), state.hasUnpublishedChanges(),
				state.hasScheduledChanges(), state.goLiveAt(), state.unpublishAt(), state.createdBy(),
				state.status().live() ? state.liveRevision() : null, state.scheduledRevision(), all, audit.trail(id));
	}

	/**
	 * @return the line-by-line differences of every field a revision stores between two
	 * revisions
	 * @throws AccessDeniedException when the actor may not edit this article
	 * @throws NotFound when the article or either revision does not exist
	 */
	@Transactional(readOnly = true)
	public RevisionDiff compare(Actor actor, long id, long fromRevision, long toRevision) {
		requireEdit(actor, repository.state(id).orElseThrow(() -> new NotFound("article", id)));
		var from = revisions.find(id, fromRevision).orElseThrow(() -> new NotFound("revision", fromRevision));
		var to = revisions.find(id, toRevision).orElseThrow(() -> new NotFound("revision", toRevision));
		return RevisionDiff.between(from, to);
	}

	/**
	 * @return whether an article is due to go live, take changes live or leave now (one
	 * indexed read, no lock)
	 */
	boolean anyDue() {
		return repository.anyDue(clock.millis());
	}

	/**
	 * Publishes scheduled articles whose instant has come, takes scheduled changes live
	 * and unpublishes articles due to leave, as the {@link SystemActor#SCHEDULER}. Each
	 * is claimed by one conditional UPDATE, so with several nodes polling each changes
	 * once. Scheduled changes are applied one article per step: changes that can no
	 * longer go live (their slug taken meanwhile, their image deleted, any lasting error)
	 * are dropped and the article's history says why; a busy database only delays them.
	 * @return how many articles changed
	 */
	public int runDue() {
		long now = clock.millis();
		var actor = SystemActor.SCHEDULER;
		int changed = steps.execute(status -> {
			List<Long> live = repository.claimDuePublications(now);
			List<Long> gone = repository.claimDueUnpublications(now);
			live.forEach(id -> done(id, actor, "published", "scheduled", new ArticleEvent.ArticlePublished(id)));
			gone.forEach(id -> done(id, actor, "unpublished", "scheduled", new ArticleEvent.ArticleUnpublished(id)));
			return live.size() + gone.size();
		});
		for (var due : reads.execute(status -> repository.dueChanges(now))) {
			try {
				changed += steps.execute(status -> goLiveAsScheduled(due, now));
			}
			catch (DataAccessException | TransactionException ex) {
				// A busy database: the change stays due and the next tick tries again.
				log.warn("Scheduled changes of article {} wait for the database: {}", due.articleId(), ex.getMessage());
			}
			catch (RuntimeException ex) {
				log.warn("Scheduled changes of article {} could not go live: {}", due.articleId(), ex.toString());
				steps.executeWithoutResult(status -> {
					if (repository.claimDueChange(due, now)) {
						done(due.articleId(), actor, "schedule-failed", ex.getMessage(),
								new ArticleEvent.ArticleRevised(due.articleId()));
					}
				});
			}
		}
		return changed;
	}

	private int goLiveAsScheduled(ArticleRepository.DueChange due, long now) {
		if (!repository.claimDueChange(due, now)) {
			return 0;
		}
		var revision = revisions.find(due.articleId(), due.revisionId()).orElseThrow();
		var written = goLive(due.articleId(), ArticleStatus.PUBLISHED, revision);
		done(due.articleId(), SystemActor.SCHEDULER, "published", "scheduled changes", written.event());
		return 1;
	}

	/**
	 * Makes {@code revision} what readers see now, as the first publication or as
	 * changes.
	 */
	private ArticleWriter.Written goLive(long id, ArticleStatus status, Revision revision) {
		Instant now = clock.instant();
		// An article published before (then unpublished) keeps its first publication
		// instant; a
		// scheduled instant still to come is not one.
		Instant publishedAt = writer.storedPublishedAt(id).filter(at -> !at.isAfter(now)).orElse(now);
		Instant updatedAt = status == ArticleStatus.PUBLISHED ? now : publishedAt;
		var written = writer.apply(id, revision.draft().withStatus(ArticleStatus.PUBLISHED, publishedAt, updatedAt),
				revision.id());
		repository.setSchedule(id, null, null);
		return written;
	}

	/**
	 * Stores {@code draft} as the latest revision; the row follows unless it is pinned.
	 */
	private ArticleEvent saveRevision(Actor actor, long id, ArticleState state, ArticleDraft draft) {
		if (state.status().pinned()) {
			writer.addRevision(id, draft, actor.accountId());
			return new ArticleEvent.ArticleRevised(id);
		}
		Instant publishedAt = writer.storedPublishedAt(id).orElse(null);
		return writer.update(id, draft.withStatus(state.status(), publishedAt, publishedAt), actor.accountId()).event();
	}

	/** Audits and publishes a use case's change; @return the article's id */
	private long done(long id, Actor actor, String action, String detail, ArticleEvent event) {
		audit.record(id, actor, action, clock.millis(), detail);
		events.publishEvent(event);
		return id;
	}

	/**
	 * @return whether the article has been public: its stored publication instant has
	 * passed
	 */
	private boolean wasPublic(long id) {
		return writer.storedPublishedAt(id).map(at -> at.isBefore(clock.instant())).orElse(false);
	}

	/** The article's state, its row locked until the transaction ends. */
	private ArticleState state(long id) {
		return repository.lockedState(id).orElseThrow(() -> new NotFound("article", id));
	}

	private Revision latest(long id, ArticleState state) {
		return revisions.find(id, state.latestRevision())
			.orElseThrow(() -> new IllegalStateException("article " + id + " has no revision"));
	}

	private static boolean owns(Actor actor, ArticleState state) {
		return state.createdBy() != null && state.createdBy().equals(actor.accountId());
	}

	/**
	 * Editors edit anything; authors their own; contributors their own until it is
	 * scheduled or published. {@link Articles#inNewsroom} lists the same articles (keep
	 * the two together).
	 */
	static boolean mayEdit(Actor actor, ArticleState state) {
		return Permission.EDIT_ANY_ARTICLE.allows(actor)
				|| owns(actor, state) && (Permission.PUBLISH_OWN.allows(actor) || !state.status().pinned());
	}

	/** Editors publish anything; authors their own; contributors nothing. */
	static boolean mayPublish(Actor actor, ArticleState state) {
		return Permission.EDIT_ANY_ARTICLE.allows(actor) || Permission.PUBLISH_OWN.allows(actor) && owns(actor, state);
	}

	private static void requireEdit(Actor actor, ArticleState state) {
		if (!mayEdit(actor, state)) {
			throw new AccessDeniedException("You may not edit this article");
		}
	}

	private static void requirePublish(Actor actor, ArticleState state) {
		if (!mayPublish(actor, state)) {
			throw new AccessDeniedException("You may not publish or unpublish this article");
		}
	}

}
