package org.broadsheet.webhook;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.broadsheet.api.ContentRepresentation;
import org.broadsheet.article.ArticleEvent;
import org.broadsheet.author.AuthorEvent;
import org.broadsheet.author.Authors;
import org.broadsheet.comment.CommentEvent;
import org.broadsheet.comment.CommentStatus;
import org.broadsheet.comment.Moderation;
import org.broadsheet.shared.LoggedChange;
import org.broadsheet.taxonomy.Taxonomy;
import org.broadsheet.taxonomy.TaxonomyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/**
 * Turns the content modules' events into queued deliveries, in the transaction that made
 * the change (a plain {@link EventListener} runs in the publisher's), so a delivery is
 * queued exactly when its change commits; the dispatcher is woken once per transaction
 * after commit. Each message's payload ({@code {"type", "timestamp", "data"}}) is written
 * once, so every attempt sends the same bytes. Nothing is read or written for an event no
 * active subscription wants.
 *
 * <p>
 * Events: {@code article.published} (it became public: now, or at its scheduled instant),
 * {@code article.updated} (a public article changed), {@code article.scheduled},
 * {@code article.unpublished}, {@code article.deleted}, {@code comment.created},
 * {@code comment.approved}, {@code section.updated}, {@code tag.updated} (renamed),
 * {@code author.updated}. Data: the Content API's article for published and updated; only
 * the id (and the instant it goes live) for the others, whose content is not public; a
 * comment's id, article, parent, status and instant, with its author's name and text only
 * once approved (never an email, never text a moderator has not approved); a section's,
 * tag's or author's Content API representation.
 */
@Component
class WebhookOutbox {

	private final WebhookStore store;

	private final WebhookDispatcher dispatcher;

	private final ContentRepresentation representation;

	private final Moderation moderation;

	private final Taxonomy taxonomy;

	private final Authors authors;

	private final JsonMapper json;

	private final Clock clock;

	WebhookOutbox(WebhookStore store, WebhookDispatcher dispatcher, ContentRepresentation representation,
			Moderation moderation, Taxonomy taxonomy, Authors authors, JsonMapper json, Clock clock) {
		this.store = store;
		this.dispatcher = dispatcher;
		this.representation = representation;
		this.moderation = moderation;
		this.taxonomy = taxonomy;
		this.authors = authors;
		this.json = json;
		this.clock = clock;
	}

	/** The body of every delivery. @param timestamp UTC ISO-8601 */
	record Envelope(String type, String timestamp, Object data) {
	}

	/** An article readers cannot see (any more, or yet). @param goLiveAt UTC ISO-8601 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record ArticleRef(long id, String goLiveAt) {
	}

	/**
	 * A comment; name and text only once approved.
	 *
	 * @param createdAt UTC ISO-8601
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record CommentData(long id, long articleId, Long parentId, String status, String createdAt, String authorName,
			String text) {
	}

	@EventListener
	void changed(LoggedChange change) {
		String type = type(change);
		if (type == null) {
			return;
		}
		List<Long> subscribers = store.subscribers(type);
		if (subscribers.isEmpty()) {
			return;
		}
		Optional<Object> data = data(change);
		if (data.isEmpty()) {
			return;
		}
		String payload = json.writeValueAsString(new Envelope(type, clock.instant().toString(), data.get()));
		String messageId = Signatures.newMessageId();
		long now = clock.millis();
		subscribers.forEach(id -> store.enqueue(id, messageId, type, payload, now));
		dispatcher.nudgeAfterCommit();
	}

	/**
	 * @return the event type a change is delivered as, or null when it is none
	 */
	static String type(LoggedChange change) {
		if (change instanceof ArticleEvent.ArticleRevised) {
			return null;
		}
		if (change instanceof ArticleEvent event) {
			return "article." + event.kind();
		}
		if (change instanceof CommentEvent.CommentChanged comment) {
			return switch (comment.what()) {
				case POSTED -> "comment.created";
				case APPROVED -> "comment.approved";
				default -> null;
			};
		}
		if (change instanceof TaxonomyEvent event && event.what() == TaxonomyEvent.What.RENAMED) {
			return change.subject().key() + ".updated";
		}
		if (change instanceof AuthorEvent event && event.what() != AuthorEvent.What.CREATED) {
			return "author.updated";
		}
		return null;
	}

	/**
	 * @return what the message says, or empty when there is nothing to say (an article
	 * that is not public was saved)
	 */
	private Optional<Object> data(LoggedChange change) {
		long id = change.subjectId();
		if (change instanceof ArticleEvent.ArticlePublished || change instanceof ArticleEvent.ArticleUpdated) {
			return representation.publicArticle(id).map(Object.class::cast);
		}
		if (change instanceof ArticleEvent.ArticleScheduled scheduled) {
			return Optional.of(new ArticleRef(id, scheduled.at().toString()));
		}
		if (change instanceof ArticleEvent) {
			return Optional.of(new ArticleRef(id, null));
		}
		if (change instanceof CommentEvent) {
			return moderation.find(WebhookDispatcher.WEBHOOKS, id).map(c -> {
				boolean approved = c.status() == CommentStatus.APPROVED;
				return new CommentData(c.id(), c.articleId(), c.parentId(), c.status().key(), c.createdAt().toString(),
						approved ? c.authorName() : null, approved ? c.body() : null);
			});
		}
		if (change instanceof TaxonomyEvent.SectionChanged) {
			return first(taxonomy.sectionsByIds(List.of(id))).map(representation::section);
		}
		if (change instanceof TaxonomyEvent.TagChanged) {
			return first(taxonomy.tagsByIds(List.of(id))).map(representation::tag);
		}
		return first(authors.byIds(List.of(id))).map(representation::author);
	}

	private static <T> Optional<T> first(Map<Long, T> byId) {
		return byId.values().stream().findFirst();
	}

}
