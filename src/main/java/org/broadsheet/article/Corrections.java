package org.broadsheet.article;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.broadsheet.account.Actor;
import org.broadsheet.shared.NotFound;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Corrections and editor's notes on published articles, the one door through which they
 * change: whoever may publish the article (its author, an editor) adds or edits one; each
 * change dates the article's last change ({@code dateModified}), writes one audit entry
 * (an edit keeps the former text there, so nothing is changed silently) and publishes one
 * {@link ArticleEvent.ArticleUpdated}, which evicts the article's pages on every node.
 */
@Service
public class Corrections {

	private final CorrectionStore store;

	private final ArticleRepository articles;

	private final AuditLog audit;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Corrections(CorrectionStore store, ArticleRepository articles, AuditLog audit, ApplicationEventPublisher events,
			Clock clock) {
		this.store = store;
		this.articles = articles;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Adds a correction dated now.
	 * @param text plain text, at most {@link Correction#MAX_TEXT} characters
	 * @return its id
	 * @throws AccessDeniedException unless the actor may publish the article
	 * @throws InvalidArticle naming {@code text} when it is blank or too long
	 * @throws ArticleConflict naming {@code status} when the article is not published
	 * @throws NotFound when there is no such article (or it is in the trash)
	 */
	@Transactional
	public long add(Actor actor, long articleId, Correction.Kind kind, Correction.Placement placement, String text) {
		String checked = check(actor, articleId, text);
		long now = clock.millis();
		long id = store.insert(articleId, kind, placement, checked, now);
		done(articleId, actor, "corrected", kind.code() + ": " + checked, now);
		return id;
	}

	/**
	 * Edits a correction: it keeps its date and shows when it was edited; the audit entry
	 * keeps the former text.
	 * @throws AccessDeniedException unless the actor may publish the article
	 * @throws InvalidArticle naming {@code text} when it is blank or too long
	 * @throws NotFound when the article has no such correction
	 */
	@Transactional
	public void edit(Actor actor, long articleId, long correctionId, Correction.Kind kind,
			Correction.Placement placement, String text) {
		String checked = check(actor, articleId, text);
		var former = store.find(articleId, correctionId).orElseThrow(() -> new NotFound("correction", correctionId));
		long now = clock.millis();
		store.update(correctionId, kind, placement, checked, now);
		done(articleId, actor, "correction-edited",
				"#" + correctionId + " was " + former.kind().code() + ": " + former.text(), now);
	}

	/**
	 * @return the article's corrections, oldest first
	 */
	@Transactional(readOnly = true)
	public List<Correction> of(long articleId) {
		return store.of(List.of(articleId)).getOrDefault(articleId, List.of());
	}

	/**
	 * @return the corrections of these articles, oldest first, by article id (articles
	 * without one left out; one query)
	 */
	@Transactional(readOnly = true)
	public Map<Long, List<Correction>> of(Collection<Long> articleIds) {
		return store.of(articleIds);
	}

	private String check(Actor actor, long articleId, String text) {
		var state = articles.lockedState(articleId).orElseThrow(() -> new NotFound("article", articleId));
		if (!ArticleWorkflow.mayPublish(actor, state)) {
			throw new AccessDeniedException("You may not correct this article");
		}
		String stripped = text == null ? "" : text.strip();
		if (stripped.isEmpty()) {
			throw new InvalidArticle("text", "correction.invalid.blank");
		}
		if (stripped.length() > Correction.MAX_TEXT || stripped.indexOf('\u0000') >= 0) {
			throw new InvalidArticle("text", "correction.invalid.long", Correction.MAX_TEXT);
		}
		if (state.status() != ArticleStatus.PUBLISHED) {
			throw new ArticleConflict("status", "correction.invalid.not-published");
		}
		return stripped;
	}

	private void done(long articleId, Actor actor, String action, String detail, long now) {
		store.touch(articleId, now);
		audit.record(articleId, actor, action, now, detail);
		events.publishEvent(new ArticleEvent.ArticleUpdated(articleId));
	}

}
