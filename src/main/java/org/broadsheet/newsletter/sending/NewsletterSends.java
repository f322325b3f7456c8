package org.broadsheet.newsletter.sending;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.broadsheet.account.Accounts;
import org.broadsheet.account.Actor;
import org.broadsheet.account.NewsroomAudit;
import org.broadsheet.account.Permission;
import org.broadsheet.account.SystemActor;
import org.broadsheet.article.Article;
import org.broadsheet.article.ArticleEvent;
import org.broadsheet.article.PublishedArticles;
import org.broadsheet.newsletter.ListKey;
import org.broadsheet.newsletter.digest.ListCadences;
import org.broadsheet.newsletter.mail.NewsletterMessages;
import org.broadsheet.shared.Conflict;
import org.broadsheet.shared.InvalidInput;
import org.broadsheet.shared.NotFound;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Newsletter sends of articles: queued when an article is first published (unless
 * {@code broadsheet.newsletter.send-on-publish} is false; by default on when SMTP is
 * configured), or by an editor's "Send as newsletter" for a public article that was not
 * sent; and a test to the editor's own address first. An article's send goes to its lists
 * (the site, its section, each of its authors) except those sent as a digest
 * ({@code newsletter.digest}; when none is left there is no send, see
 * {@link DigestSends}), one delivery per active subscriber even when they are in several
 * lists, and at most one per article (the unique index {@code newsletter_send_article}:
 * publishing again sends nothing). Every change checks
 * {@link Permission#SEND_NEWSLETTERS} (a publication's send is the {@code newsletter}
 * system actor's), is audited ({@link NewsroomAudit#NEWSLETTER_SEND}) and published as
 * one {@link NewsletterEvent}. The deliveries are {@link DeliveryWorker}'s.
 */
@Service
public class NewsletterSends {

	/** Who queues the send of a publication, in the audit log. */
	static final SystemActor NEWSLETTER = new SystemActor("newsletter");

	private final SendStore store;

	private final PublishedArticles articles;

	private final Accounts accounts;

	private final DeliveryWorker worker;

	private final NewsroomAudit audit;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transaction;

	private final Clock clock;

	private final ListCadences cadences;

	private final boolean onPublish;

	NewsletterSends(SendStore store, PublishedArticles articles, Accounts accounts, DeliveryWorker worker,
			NewsroomAudit audit, ApplicationEventPublisher events, TransactionTemplate transaction, Clock clock,
			ListCadences cadences, @Value("${broadsheet.newsletter.send-on-publish:true}") boolean onPublish) {
		this.store = store;
		this.cadences = cadences;
		this.articles = articles;
		this.accounts = accounts;
		this.worker = worker;
		this.audit = audit;
		this.events = events;
		this.transaction = transaction;
		this.clock = clock;
		this.onPublish = onPublish;
	}

	/** An article's send was asked for again: each article goes out once. */
	static final class AlreadySent extends InvalidInput implements Conflict {

		AlreadySent() {
			super("send", "newsletter.send.already");
		}

	}

	/** A send that is no longer queued or sending cannot be cancelled. */
	static final class NotActive extends InvalidInput implements Conflict {

		NotActive() {
			super("send", "newsletter.send.notActive");
		}

	}

	/** Every list of the article is sent as a digest: there is no list to send it to. */
	static final class DigestsOnly extends InvalidInput {

		DigestsOnly() {
			super("send", "newsletter.send.digestsOnly");
		}

	}

	/**
	 * @return whether newsletters can be sent (SMTP is configured:
	 * {@code spring.mail.host})
	 */
	public boolean available() {
		return worker.available();
	}

	/**
	 * Queues the send of a newly public article, in the transaction that published it (so
	 * a crash after the commit cannot lose it), when sending on publication is on and
	 * SMTP configured. Nothing when the article was sent before, or when its lists have
	 * no active subscriber.
	 */
	@EventListener
	void published(ArticleEvent.ArticlePublished event) {
		if (onPublish && worker.available()) {
			articles.publicById(event.articleId()).ifPresent(article -> queue(NEWSLETTER, article));
		}
	}

	/**
	 * "Send as newsletter": queues a public article's send to its lists.
	 * @return the send, queued
	 * @throws AccessDeniedException unless {@code actor} may send newsletters
	 * @throws NotFound when the article is not public
	 * @throws InvalidInput ({@code send}: {@code newsletter.send.already}, a
	 * {@link Conflict}) when it was sent before; ({@code newsletter.send.unavailable})
	 * without SMTP; ({@code newsletter.send.digestsOnly}) when each of its lists is sent
	 * as a digest
	 */
	@Transactional
	public NewsletterSend send(Actor actor, long articleId) {
		Permission.SEND_NEWSLETTERS.require(actor);
		requireAvailable();
		Article article = articles.publicById(articleId).orElseThrow(() -> new NotFound("article", articleId));
		long id = queue(actor, article).orElseThrow(AlreadySent::new);
		return store.send(id).orElseThrow();
	}

	/**
	 * Sends the article's newsletter to the actor's own account address now (a send of
	 * kind {@code test}: no subscriber gets it, and it is not counted). The SMTP exchange
	 * happens outside any transaction.
	 * @return the test send, finished
	 * @throws AccessDeniedException unless {@code actor} is an account that may send
	 * newsletters
	 * @throws NotFound when the article is not public
	 * @throws InvalidInput ({@code test}: {@code newsletter.send.unavailable} without
	 * SMTP, {@code newsletter.send.test-failed} with the server's reply when the message
	 * was refused or the server could not be reached)
	 */
	public NewsletterSend test(Actor actor, long articleId) {
		Permission.SEND_NEWSLETTERS.require(actor);
		if (actor.accountId() == null) {
			throw new AccessDeniedException("A test goes to a newsroom account's address");
		}
		requireAvailable();
		Article article = articles.publicById(articleId).orElseThrow(() -> new NotFound("article", articleId));
		var account = accounts.byId(actor.accountId()).orElseThrow(() -> new NotFound("account", actor.accountId()));
		long id = transaction.execute(status -> {
			long now = clock.millis();
			long sendId = store
				.insertSend("test", article.id(), account.email(), article.title(), "sending", account.id(), now)
				.orElseThrow();
			audit.record(NewsroomAudit.NEWSLETTER_SEND, sendId, actor, "tested", account.email());
			events.publishEvent(new NewsletterEvent(sendId, NewsletterEvent.What.TESTED));
			return sendId;
		});
		try {
			worker.sendNow(new NewsletterMessages.Content(id, List.of(article.id()), article.title(), false),
					new NewsletterMessages.Recipient(0, account.email(), account.displayName(), null));
		}
		catch (jakarta.mail.MessagingException | RuntimeException ex) {
			throw new InvalidInput("test", "newsletter.send.test-failed", String.valueOf(ex.getMessage()));
		}
		finally {
			store.finish(id, clock.millis());
		}
		return store.send(id).orElseThrow();
	}

	/**
	 * "Cancel send": stops a send that is queued or sending. The send becomes
	 * {@code cancelled} (with {@code finished_at}); its deliveries not yet sent, queued
	 * (retries included) or claimed by a worker, become {@code skipped} with the error
	 * {@code cancelled}. A worker checks the send before each message and stops; a
	 * message already on the wire whose row the cancel took is aborted before the final
	 * dot ({@link MarkingTransport}: the mark finds the row no longer claimed). Rows
	 * marked {@code sent} stay sent (at most once), so afterwards sent + failed + skipped
	 * is the number of recipients.
	 * @return the send, cancelled, with its figures
	 * @throws AccessDeniedException unless {@code actor} may send newsletters
	 * @throws NotFound for an unknown send
	 * @throws InvalidInput ({@code send}: {@code newsletter.send.notActive}, a
	 * {@link Conflict}) when it is finished or cancelled already
	 */
	@Transactional
	public NewsletterSend cancel(Actor actor, long sendId) {
		Permission.SEND_NEWSLETTERS.require(actor);
		store.send(sendId).orElseThrow(() -> new NotFound("newsletter send", sendId));
		long now = clock.millis();
		if (!store.cancel(sendId, now)) {
			throw new NotActive();
		}
		int skipped = store.skipUnsent(sendId, "cancelled");
		audit.record(NewsroomAudit.NEWSLETTER_SEND, sendId, actor, "cancelled", skipped + " deliveries not sent");
		events.publishEvent(new NewsletterEvent(sendId, NewsletterEvent.What.CANCELLED));
		return store.send(sendId).orElseThrow();
	}

	/**
	 * @return how many subscribers "Send as newsletter" would reach now (active, in the
	 * article's lists sent each article, each once), or empty when the article is not
	 * public
	 * @throws AccessDeniedException unless {@code actor} may send newsletters
	 */
	@Transactional(readOnly = true)
	public Optional<Integer> audience(Actor actor, long articleId) {
		Permission.SEND_NEWSLETTERS.require(actor);
		return articles.publicById(articleId).map(article -> {
			Set<String> lists = lists(article);
			return lists.isEmpty() ? 0 : store.audience(lists);
		});
	}

	/**
	 * @return the article's sends (tests included), newest first, with their figures
	 * @throws AccessDeniedException unless {@code actor} may send newsletters
	 */
	@Transactional(readOnly = true)
	public List<NewsletterSend> history(Actor actor, long articleId) {
		Permission.SEND_NEWSLETTERS.require(actor);
		return store.sendsOf(articleId);
	}

	/**
	 * @return the send with its figures now, or empty for an unknown id
	 * @throws AccessDeniedException unless {@code actor} may send newsletters
	 */
	@Transactional(readOnly = true)
	public Optional<NewsletterSend> progress(Actor actor, long sendId) {
		Permission.SEND_NEWSLETTERS.require(actor);
		return store.send(sendId);
	}

	/**
	 * @return the lists an article goes to: those of {@link #allLists} that are sent each
	 * article (not as a digest)
	 */
	Set<String> lists(Article article) {
		return cadences.perArticle(allLists(article));
	}

	/**
	 * @return the lists of an article: the site, its section, each of its authors
	 */
	static Set<String> allLists(Article article) {
		Set<String> keys = new LinkedHashSet<>();
		keys.add(ListKey.SITE.toString());
		keys.add(ListKey.section(article.section().id()).toString());
		article.authors().forEach(author -> keys.add(ListKey.author(author.id()).toString()));
		return keys;
	}

	private void requireAvailable() {
		if (!worker.available()) {
			throw new InvalidInput("send", "newsletter.send.unavailable");
		}
	}

	/**
	 * @return the new send's id, or empty when the article has one
	 */
	private Optional<Long> queue(Actor actor, Article article) {
		Set<String> lists = lists(article);
		if (lists.isEmpty()) {
			if (actor == NEWSLETTER) {
				return Optional.empty();
			}
			throw new DigestsOnly();
		}
		if (actor == NEWSLETTER && store.audience(lists) == 0) {
			return Optional.empty();
		}
		long now = clock.millis();
		Optional<Long> id = store.insertSend("article", article.id(),
				ListKey.join(lists.stream().map(key -> ListKey.parse("list", key)).toList()), article.title(), "queued",
				actor.accountId(), now);
		id.ifPresent(sendId -> {
			int recipients = store.queueRecipients(sendId, new ArrayList<>(lists));
			if (recipients == 0) {
				store.finish(sendId, now);
			}
			audit.record(NewsroomAudit.NEWSLETTER_SEND, sendId, actor, "queued",
					"article " + article.id() + ", " + recipients + " recipients");
			events.publishEvent(new NewsletterEvent(sendId, NewsletterEvent.What.QUEUED));
			worker.nudgeAfterCommit();
		});
		return id;
	}

}
