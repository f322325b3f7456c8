package org.broadsheet.newsletter.sending;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.broadsheet.account.Actor;
import org.broadsheet.account.NewsroomAudit;
import org.broadsheet.account.Permission;
import org.broadsheet.article.PublishedArticles;
import org.broadsheet.newsletter.ListKey;
import org.broadsheet.newsletter.digest.Cadence;
import org.broadsheet.newsletter.digest.DigestList;
import org.broadsheet.newsletter.digest.ListCadences;
import org.broadsheet.newsletter.mail.NewsletterMessages;
import org.broadsheet.settings.Overrides;
import org.broadsheet.settings.SettingsStore;
import org.broadsheet.site.SiteLinks;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Daily and weekly digests of the lists an editor set to one ({@link ListCadences}). For
 * each such list {@link #runDue} takes the latest period whose digest is due
 * ({@link DigestPeriod}: the previous day, or the previous ISO week, in the site's time
 * zone, due at {@code broadsheet.newsletter.digest-hour} (7) o'clock local time the day
 * after) and, when the list's digest of that period was not queued yet, the list has at
 * least one public article published in it (since the cadence was set; newest first, at
 * most {@value #MAX_ARTICLES}) and at least one active subscriber: queues one send (kind
 * {@code digest}, {@code period_key} such as {@code daily:section:3:2026-12-02}: the
 * unique index makes one send of two nodes racing) with its articles
 * ({@code newsletter_digest_article}) and one delivery per active subscriber of the list,
 * audited as the {@code newsletter} system actor and published as one
 * {@link NewsletterEvent} ({@code digest-queued}). Only the latest due period is sent: a
 * site that was down for days does not catch up on older ones. A subscriber of a digest
 * list who is also on a list sent each article (the site's, say) gets the article and the
 * digest that lists it: digests do not look at other lists' sends.
 */
@Service
public class DigestSends {

	/** The most articles a digest lists (the newest of the period). */
	static final int MAX_ARTICLES = 20;

	/** Digest sends the newsroom shows. */
	public static final int RECENT = 10;

	private final ListCadences cadences;

	private final SendStore store;

	private final PublishedArticles articles;

	private final NewsletterMessages messages;

	private final DeliveryWorker worker;

	private final NewsroomAudit audit;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transaction;

	private final Clock clock;

	private final SettingsStore settings;

	private final SiteLinks site;

	private final MessageSource texts;

	private final ZoneId zone;

	private final int hour;

	DigestSends(ListCadences cadences, SendStore store, PublishedArticles articles, NewsletterMessages messages,
			DeliveryWorker worker, NewsroomAudit audit, ApplicationEventPublisher events,
			TransactionTemplate transaction, Clock clock, SettingsStore settings, SiteLinks site, MessageSource texts,
			@Value("${broadsheet.site.time-zone:UTC}") ZoneId zone,
			@Value("${broadsheet.newsletter.digest-hour:7}") int hour) {
		this.cadences = cadences;
		this.store = store;
		this.articles = articles;
		this.messages = messages;
		this.worker = worker;
		this.audit = audit;
		this.events = events;
		this.transaction = transaction;
		this.clock = clock;
		this.settings = settings;
		this.site = site;
		this.texts = texts;
		this.zone = zone;
		if (hour < 0 || hour > 23) {
			throw new IllegalStateException("broadsheet.newsletter.digest-hour must be 0 to 23: " + hour);
		}
		this.hour = hour;
	}

	/**
	 * Queues the digests that are due and not queued yet, then wakes the delivery worker.
	 * Each digest is its own short transaction; the reads before it and the sending after
	 * it are outside any. Nothing without SMTP.
	 * @return the ids of the sends queued now
	 */
	public List<Long> runDue() {
		if (!worker.available()) {
			return List.of();
		}
		ZoneId siteZone = Overrides.or(settings.current().timeZone(), zone);
		Instant now = clock.instant();
		List<Long> queued = new java.util.ArrayList<>();
		for (DigestList list : cadences.digests()) {
			queue(list, DigestPeriod.latestDue(list.cadence(), siteZone, now, hour)).ifPresent(queued::add);
		}
		if (!queued.isEmpty()) {
			worker.nudge();
		}
		return queued;
	}

	/**
	 * @return the latest digest sends ({@value #RECENT}), newest first, with their
	 * figures
	 * @throws AccessDeniedException unless {@code actor} may manage subscribers
	 */
	@Transactional(readOnly = true)
	public List<NewsletterSend> recent(Actor actor) {
		Permission.MANAGE_SUBSCRIBERS.require(actor);
		return store.recentDigests(RECENT);
	}

	private Optional<Long> queue(DigestList list, DigestPeriod period) {
		String key = list.list().toString();
		String periodKey = period.key(list.list());
		if (store.periodQueued(periodKey)) {
			return Optional.empty();
		}
		Instant from = list.since().isAfter(period.start()) ? list.since() : period.start();
		if (!from.isBefore(period.end())) {
			return Optional.empty();
		}
		ListKey listKey = list.list();
		List<Long> ids = articles.idsPublishedBetween(listKey.kind() == ListKey.Kind.SECTION ? listKey.id() : null,
				listKey.kind() == ListKey.Kind.AUTHOR ? listKey.id() : null, from, period.end(), MAX_ARTICLES);
		if (ids.isEmpty() || !store.anyActive(key)) {
			return Optional.empty();
		}
		String subject = subject(listKey, period);
		return transaction.execute(status -> {
			long now = clock.millis();
			Optional<Long> id = store.insertDigest(key, periodKey, subject, now);
			id.ifPresent(sendId -> {
				store.digestArticles(sendId, ids);
				int recipients = store.queueRecipients(sendId, List.of(key));
				if (recipients == 0) {
					store.finish(sendId, now);
				}
				audit.record(NewsroomAudit.NEWSLETTER_SEND, sendId, NewsletterSends.NEWSLETTER, "queued",
						"digest " + periodKey + ", " + ids.size() + " articles, " + recipients + " recipients");
				events.publishEvent(new NewsletterEvent(sendId, NewsletterEvent.What.DIGEST_QUEUED));
			});
			return id;
		});
	}

	/**
	 * @return the subject in the site's language: the list's name and the day, or the
	 * week's first and last day
	 */
	private String subject(ListKey list, DigestPeriod period) {
		Locale locale = Locale.forLanguageTag(site.language());
		var date = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale);
		String name = messages.listName(list);
		if (period.cadence() == Cadence.WEEKLY) {
			return texts.getMessage("newsletter.digest.subject.weekly",
					new Object[] { name, date.format(period.first()), date.format(period.last()) }, locale);
		}
		return texts.getMessage("newsletter.digest.subject.daily", new Object[] { name, date.format(period.first()) },
				locale);
	}

}
