package org.broadsheet.article;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.broadsheet.account.Actor;
import org.broadsheet.account.Permission;
import org.broadsheet.account.SystemActor;
import org.broadsheet.shared.NotFound;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataAccessException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The trash: {@link ArticleWorkflow#delete} moves an article here, off the site (its
 * address answers 410 Gone). Editors restore it (as a draft) or delete it permanently;
 * what stays longer than {@code broadsheet.trash.retention} (30 days) is purged by
 * {@link #purgeDue()}, once, by whichever node runs first. A purged article that was
 * public leaves its addresses behind, still answering 410.
 */
@Service
public class Trash {

	private static final Logger log = LoggerFactory.getLogger(Trash.class);

	/** Who purges what stayed its time. */
	static final SystemActor PURGE = new SystemActor("trash-purge");

	private final TrashStore store;

	private final AuditLog audit;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate steps;

	private final Clock clock;

	private final Duration retention;

	Trash(TrashStore store, AuditLog audit, ApplicationEventPublisher events, PlatformTransactionManager transactions,
			Clock clock, @Value("${broadsheet.trash.retention:30d}") Duration retention) {
		this.store = store;
		this.audit = audit;
		this.events = events;
		this.steps = new TransactionTemplate(transactions);
		this.clock = clock;
		this.retention = retention;
	}

	/**
	 * @return the articles in the trash, most recently deleted first
	 * @throws AccessDeniedException unless the actor may edit anyone's article
	 */
	@Transactional(readOnly = true)
	public List<TrashedArticle> list(Actor actor) {
		Permission.EDIT_ANY_ARTICLE.require(actor);
		return store.list(retention.toMillis());
	}

	/**
	 * Takes an article out of the trash, as a draft (once public, it keeps its first
	 * publication instant for when it is published again).
	 * @throws AccessDeniedException unless the actor may edit anyone's article
	 * @throws NotFound when no such article is in the trash
	 */
	@Transactional
	public void restore(Actor actor, long id) {
		Permission.EDIT_ANY_ARTICLE.require(actor);
		if (!store.restore(id)) {
			throw new NotFound("article", id);
		}
		audit.record(id, actor, "restored-from-trash", clock.millis(), null);
		events.publishEvent(new ArticleEvent.ArticleRevised(id));
	}

	/**
	 * Deletes an article in the trash now, with its revisions, comments and corrections;
	 * its audit entries stay.
	 * @throws AccessDeniedException unless the actor may edit anyone's article
	 * @throws NotFound when no such article is in the trash
	 */
	@Transactional
	public void deletePermanently(Actor actor, long id) {
		Permission.EDIT_ANY_ARTICLE.require(actor);
		if (!purge(actor, id, Long.MAX_VALUE)) {
			throw new NotFound("article", id);
		}
	}

	/**
	 * Purges the articles that stayed in the trash longer than the retention, each in its
	 * own transaction, claimed by a conditional DELETE (several nodes may run this at
	 * once).
	 * @return how many were purged
	 */
	public int purgeDue() {
		long cutoff = clock.millis() - retention.toMillis();
		int purged = 0;
		for (long id : store.due(cutoff, 500)) {
			try {
				if (Boolean.TRUE.equals(steps.execute(status -> purge(PURGE, id, cutoff)))) {
					purged++;
				}
			}
			catch (DataAccessException ex) {
				log.warn("Purging article {} from the trash waits for the database: {}", id, ex.getMessage());
			}
		}
		return purged;
	}

	private boolean purge(Actor actor, long id, long cutoff) {
		long now = clock.millis();
		store.rememberGone(id, cutoff, now);
		if (!store.purge(id, cutoff)) {
			return false;
		}
		audit.record(id, actor, "deleted-permanently", now, null);
		// Off the site since it was trashed: nothing readers see changes.
		events.publishEvent(new ArticleEvent.ArticleRevised(id));
		return true;
	}

	/**
	 * Dates an article's leaving the site (unpublished or deleted) in the transaction
	 * that made it leave, so that feeds answer a conditional GET with the new feed.
	 */
	@org.springframework.context.event.EventListener
	void left(ArticleEvent event) {
		if (event instanceof ArticleEvent.ArticleUnpublished || event instanceof ArticleEvent.ArticleDeleted) {
			store.left(event.articleId(), clock.millis());
		}
	}

}
