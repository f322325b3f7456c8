package org.broadsheet.article;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.broadsheet.account.Actor;
import org.broadsheet.account.Permission;
import org.broadsheet.shared.NotFound;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The editorial desk beside the workflow ({@link ArticleWorkflow}): an editor sends an
 * article in review back to its writer with a note; staff write internal notes on an
 * article; an editor pins an article to the top of the front page or flags it as breaking
 * news. Each use case checks permission, changes state, writes one audit entry and
 * publishes one {@link ArticleEvent}: newsroom-only changes publish
 * {@link ArticleEvent.ArticleRevised}, which evicts no reader page.
 */
@Service
public class ArticleDesk {

	/** How many breaking articles the front page's banner names at most. */
	static final int BANNER = 3;

	/** How much of a note the history shows, in characters. */
	static final int EXCERPT = 200;

	private final ArticleRepository repository;

	private final DeskRepository desk;

	private final ArticleAssembler assembler;

	private final AuditLog audit;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	ArticleDesk(ArticleRepository repository, DeskRepository desk, ArticleAssembler assembler, AuditLog audit,
			ApplicationEventPublisher events, Clock clock) {
		this.repository = repository;
		this.desk = desk;
		this.assembler = assembler;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * What the editor page shows beside the article's fields.
	 *
	 * @param pinned first on the front page
	 * @param breaking flagged as breaking news
	 * @param sentBack the note an editor sent this draft back with, or null
	 * @param notes the staff-only notes, oldest first (sent-back notes included)
	 * @param mayFlag whether the reader of the page may change the flags
	 * @param maySendBack whether the reader of the page may send the article back now
	 */
	public record Desk(boolean pinned, boolean breaking, ArticleNote sentBack, List<ArticleNote> notes, boolean mayFlag,
			boolean maySendBack) {
	}

	/**
	 * @throws AccessDeniedException when the actor may not edit this article
	 * @throws NotFound when there is no such article
	 */
	@Transactional(readOnly = true)
	public Desk desk(Actor actor, long id) {
		var state = repository.state(id).orElseThrow(() -> new NotFound("article", id));
		requireEdit(actor, state);
		var flags = desk.flags(id).orElseThrow();
		var notes = desk.notes(id);
		var sentBack = desk.sentBack(List.of(id)).get(id);
		boolean editor = Permission.EDIT_ANY_ARTICLE.allows(actor);
		return new Desk(flags.pinned(), flags.breaking(), sentBack, notes, editor,
				editor && state.status() == ArticleStatus.IN_REVIEW);
	}

	/**
	 * Sends an article in review back to its writer as a draft, with a note saying why:
	 * the writer sees it on the draft and in the article list until submitting again.
	 * @param note plain text, required, at most {@link ArticleNote#MAX_TEXT} characters
	 * @throws AccessDeniedException unless an editor
	 * @throws ArticleConflict when the article is not in review
	 * @throws InvalidArticle naming {@code note} when the note is blank or too long
	 * @throws NotFound when there is no such article
	 */
	@Transactional
	public void sendBack(Actor actor, long id, String note) {
		Permission.EDIT_ANY_ARTICLE.require(actor);
		var state = state(id);
		if (state.status() != ArticleStatus.IN_REVIEW) {
			throw new ArticleConflict("status", "desk.invalid.send-back-not-in-review", state.status().code());
		}
		ArticleRules.note("note", note);
		long at = clock.millis();
		repository.setStatus(id, ArticleStatus.DRAFT);
		desk.setSentBack(id, desk.addNote(id, actor, ArticleNote.SENT_BACK, note.strip(), at));
		done(id, actor, "sent-back", excerpt(note.strip()), new ArticleEvent.ArticleRevised(id));
	}

	/**
	 * Adds a staff-only note to the article's thread.
	 * @param text plain text, required, at most {@link ArticleNote#MAX_TEXT} characters
	 * @throws AccessDeniedException when the actor may not edit this article
	 * @throws InvalidArticle naming {@code note} when the text is blank or too long
	 * @throws NotFound when there is no such article
	 */
	@Transactional
	public void addNote(Actor actor, long id, String text) {
		requireEdit(actor, state(id));
		ArticleRules.note("note", text);
		desk.addNote(id, actor, ArticleNote.NOTE, text.strip(), clock.millis());
		done(id, actor, "noted", excerpt(text.strip()), new ArticleEvent.ArticleRevised(id));
	}

	/**
	 * Pins the article to the top of the front page and flags it as breaking news, or
	 * not. Takes effect at once (not with a revision): a public article's pages are
	 * evicted; nothing happens when both flags stay as they are.
	 * @throws AccessDeniedException unless an editor
	 * @throws NotFound when there is no such article
	 */
	@Transactional
	public void flag(Actor actor, long id, boolean pinned, boolean breaking) {
		Permission.EDIT_ANY_ARTICLE.require(actor);
		var state = state(id);
		var flags = new FrontPageFlags(pinned, breaking);
		if (flags.equals(desk.flags(id).orElseThrow())) {
			return;
		}
		desk.setFlags(id, flags);
		String detail = (pinned ? "pinned" : "not pinned") + ", " + (breaking ? "breaking" : "not breaking");
		done(id, actor, "flagged", detail,
				state.status().live() ? new ArticleEvent.ArticleUpdated(id) : new ArticleEvent.ArticleRevised(id));
	}

	/**
	 * @return the article's front-page flags; {@link FrontPageFlags#NONE} when there is
	 * no such article (for representations of public articles, which checked that)
	 */
	@Transactional(readOnly = true)
	public FrontPageFlags flags(long id) {
		return desk.flags(id).orElse(FrontPageFlags.NONE);
	}

	/**
	 * @return the front-page flags of each of these articles (one query), by id; an id
	 * with no article is left out
	 */
	@Transactional(readOnly = true)
	public Map<Long, FrontPageFlags> flags(Collection<Long> ids) {
		return desk.flags(ids);
	}

	/**
	 * @return for each of these articles that is a draft sent back to its writer, the
	 * note it was sent back with (for the article list, which checked who may see them)
	 */
	@Transactional(readOnly = true)
	public Map<Long, ArticleNote> sentBack(Collection<Long> articleIds) {
		return desk.sentBack(articleIds);
	}

	/**
	 * @return public articles flagged as breaking news, newest first, at most
	 * {@value #BANNER}: the front page's banner
	 */
	@Transactional(readOnly = true)
	public List<ArticleTeaser> breakingNews() {
		return assembler.teasers(desk.breaking(clock.millis(), BANNER));
	}

	/**
	 * @return the note as the history shows it: its first {@value #EXCERPT} characters
	 */
	private static String excerpt(String note) {
		return note.length() <= EXCERPT ? note : note.substring(0, EXCERPT - 1) + "…";
	}

	private ArticleState state(long id) {
		return repository.lockedState(id).orElseThrow(() -> new NotFound("article", id));
	}

	private void done(long id, Actor actor, String action, String detail, ArticleEvent event) {
		audit.record(id, actor, action, clock.millis(), detail);
		events.publishEvent(event);
	}

	private static void requireEdit(Actor actor, ArticleState state) {
		if (!ArticleWorkflow.mayEdit(actor, state)) {
			throw new AccessDeniedException("You may not edit this article");
		}
	}

}
