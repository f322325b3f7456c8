package org.broadsheet.fediverse.publish;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.broadsheet.article.Article;
import org.broadsheet.article.ArticleEvent;
import org.broadsheet.article.PublishedArticles;
import org.broadsheet.fediverse.actor.Actors;
import org.broadsheet.fediverse.actor.ArticleObjects;
import org.broadsheet.fediverse.delivery.Deliveries;
import org.broadsheet.fediverse.follow.Followers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Sends articles to followers (ActivityPub §7.1.2, §7.2–7.3, §7.11), in the transaction
 * of the change, so that the deliveries commit with it ({@code newsletter.sending} does
 * the same): on {@link ArticleEvent.ArticlePublished} a {@code Create} of the
 * {@code Article} ({@link ArticleObjects}), and an {@code Announce} of it by the
 * publication and (when the section is an actor) by its section; on
 * {@link ArticleEvent.ArticleUpdated} of an announced article an {@code Update}; on
 * {@link ArticleEvent.ArticleUnpublished} or {@link ArticleEvent.ArticleDeleted} an
 * {@code Undo} of each {@code Announce} and a {@code Delete} of a {@code Tombstone}. The
 * {@code Create}, {@code Update} and {@code Delete} go to the followers of the
 * publication, of every author in the byline and (when the section is an actor) of the
 * section, from the first author (else the publication); an {@code Announce} and its
 * {@code Undo} to the followers of the actor that announced. One delivery per inbox
 * (shared inboxes first) per activity. Activity ids: the article's URL with
 * {@code #create-<publication, epoch s>}, {@code #update-<update, epoch ms>} or
 * {@code #delete-<now, epoch ms>}; the announcing actor's id with
 * {@code #announce-<article id>-<announced, epoch ms>}, and that with {@code /undo}.
 */
@Component
class ArticleAnnouncements {

	private static final Logger log = LoggerFactory.getLogger(ArticleAnnouncements.class);

	static final String AS = "https://www.w3.org/ns/activitystreams";

	static final String PUBLIC = AS + "#Public";

	private final PublishedArticles articles;

	private final ArticleObjects objects;

	private final Actors actors;

	private final Followers followers;

	private final Deliveries deliveries;

	private final AnnouncedStore store;

	private final Clock clock;

	ArticleAnnouncements(PublishedArticles articles, ArticleObjects objects, Actors actors, Followers followers,
			Deliveries deliveries, AnnouncedStore store, Clock clock) {
		this.articles = articles;
		this.objects = objects;
		this.actors = actors;
		this.followers = followers;
		this.deliveries = deliveries;
		this.store = store;
		this.clock = clock;
	}

	@EventListener
	void published(ArticleEvent.ArticlePublished event) {
		articles.publicById(event.articleId()).ifPresent(article -> {
			Map<String, Object> object = objects.object(article);
			String sender = sender(article);
			List<String> keys = actorKeys(article);
			String createId = object.get("id") + "#create-" + article.publishedAt().getEpochSecond();
			var announced = new AnnouncedStore.Announced(article.id(), (String) object.get("id"), createId, sender,
					keys, clock.millis(), announcers(article));
			store.save(announced);
			send(sender, keys, activity("Create", createId, sender, object, article.publishedAt()));
			for (String announcer : announced.announcers()) {
				send(announcer, List.of(announcer), announce(announced, announcer));
			}
		});
	}

	@EventListener
	void updated(ArticleEvent.ArticleUpdated event) {
		var announced = store.find(event.articleId());
		var article = articles.publicById(event.articleId());
		if (announced.isEmpty() || article.isEmpty()) {
			return;
		}
		Map<String, Object> object = objects.object(article.get());
		String id = object.get("id") + "#update-" + article.get().updatedAt().toEpochMilli();
		send(announced.get().sender(), announced.get().actorKeys(),
				activity("Update", id, announced.get().sender(), object, article.get().updatedAt()));
	}

	@EventListener
	void unpublished(ArticleEvent.ArticleUnpublished event) {
		delete(event.articleId());
	}

	@EventListener
	void deleted(ArticleEvent.ArticleDeleted event) {
		delete(event.articleId());
	}

	private void delete(long articleId) {
		store.find(articleId).ifPresent(announced -> {
			Instant now = clock.instant();
			Map<String, Object> tombstone = new LinkedHashMap<>();
			tombstone.put("id", announced.objectId());
			tombstone.put("type", "Tombstone");
			tombstone.put("formerType", "Article");
			tombstone.put("deleted", utc(now));
			String id = announced.objectId() + "#delete-" + now.toEpochMilli();
			store.remove(articleId);
			for (String announcer : announced.announcers()) {
				send(announcer, List.of(announcer), undo(announced, announcer, now));
			}
			send(announced.sender(), announced.actorKeys(), activity("Delete", id, announced.sender(), tombstone, now));
		});
	}

	/**
	 * @return the {@code Create} of an announced article as it is now, for the outbox
	 */
	Map<String, Object> create(Article article, AnnouncedStore.Announced announced) {
		return activity("Create", announced.createId(), announced.sender(), objects.object(article),
				article.publishedAt());
	}

	/**
	 * @param announced an announced article
	 * @param announcer one of its {@code announcers}
	 * @return the {@code Announce} (Activity Vocabulary §3.1) of the article's URL by
	 * {@code announcer}, to the public with its followers in copy
	 */
	Map<String, Object> announce(AnnouncedStore.Announced announced, String announcer) {
		String actor = actors.id(announcer);
		Map<String, Object> activity = new LinkedHashMap<>();
		activity.put("@context", AS);
		activity.put("id", actor + "#announce-" + announced.articleId() + "-" + announced.createdAt());
		activity.put("type", "Announce");
		activity.put("actor", actor);
		activity.put("published", utc(Instant.ofEpochMilli(announced.createdAt())));
		activity.put("to", List.of(PUBLIC));
		activity.put("cc", List.of(actor + "/followers"));
		activity.put("object", announced.objectId());
		return activity;
	}

	/** The {@code Undo} of {@link #announce}, the {@code Announce} embedded (§7.11). */
	private Map<String, Object> undo(AnnouncedStore.Announced announced, String announcer, Instant now) {
		Map<String, Object> inner = new LinkedHashMap<>(announce(announced, announcer));
		inner.remove("@context");
		Map<String, Object> activity = new LinkedHashMap<>();
		activity.put("@context", AS);
		activity.put("id", inner.get("id") + "/undo");
		activity.put("type", "Undo");
		activity.put("actor", inner.get("actor"));
		activity.put("published", utc(now));
		activity.put("to", inner.get("to"));
		activity.put("cc", inner.get("cc"));
		activity.put("object", inner);
		return activity;
	}

	private Map<String, Object> activity(String type, String id, String sender, Map<String, Object> object,
			Instant at) {
		Map<String, Object> inner = new LinkedHashMap<>(object);
		Object context = inner.remove("@context");
		Map<String, Object> activity = new LinkedHashMap<>();
		activity.put("@context", context == null ? AS : context);
		activity.put("id", id);
		activity.put("type", type);
		activity.put("actor", actors.id(sender));
		activity.put("published", utc(at));
		activity.put("to", List.of(PUBLIC));
		if (object.containsKey("cc")) {
			activity.put("cc", object.get("cc"));
		}
		activity.put("object", inner);
		return activity;
	}

	private void send(String sender, List<String> keys, Map<String, Object> activity) {
		int queued = deliveries.queue(sender, activity, followers.inboxes(keys));
		log.debug("{} queued for {} inboxes", activity.get("id"), queued);
	}

	/** The first author, else the publication. */
	private static String sender(Article article) {
		return article.authors().isEmpty() ? "site" : "author:" + article.authors().get(0).id();
	}

	private List<String> actorKeys(Article article) {
		List<String> keys = new ArrayList<>();
		keys.add("site");
		article.authors().forEach(author -> keys.add("author:" + author.id()));
		if (article.section() != null && article.section().fediverse()) {
			keys.add("section:" + article.section().id());
		}
		return keys;
	}

	/** The publication and, when it is an actor, the article's section. */
	private List<String> announcers(Article article) {
		List<String> keys = new ArrayList<>();
		keys.add("site");
		if (article.section() != null && article.section().fediverse()) {
			keys.add("section:" + article.section().id());
		}
		return keys;
	}

	private static String utc(Instant instant) {
		return instant.truncatedTo(ChronoUnit.SECONDS).toString();
	}

}
