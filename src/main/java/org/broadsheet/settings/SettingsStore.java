package org.broadsheet.settings;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.broadsheet.account.Actor;
import org.broadsheet.account.NewsroomAudit;
import org.broadsheet.account.Permission;
import org.broadsheet.delivery.PagesChanged;
import org.broadsheet.delivery.PagesEvicted;
import org.broadsheet.delivery.Surrogates;
import org.broadsheet.media.Image;
import org.broadsheet.media.MediaLibrary;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The site settings administrators save ({@code site_settings} and its two lists), kept
 * in memory on each node. A save evicts every page: the purge log carries that to every
 * node, and each node drops its copy when it hears of it ({@link #follow}), before its
 * page cache is emptied, so the next page any node renders shows the new settings.
 */
@Service
public class SettingsStore {

	/** Empty footer rows the form offers for new links. */
	public static final int SPARE_ROWS = 3;

	private final JdbcClient jdbc;

	private final MediaLibrary media;

	private final NewsroomAudit audit;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final AtomicReference<Overrides> cached = new AtomicReference<>();

	/** Bumped whenever the copy is dropped, so that a load racing a drop is not kept. */
	private final AtomicLong generation = new AtomicLong();

	SettingsStore(JdbcClient jdbc, MediaLibrary media, NewsroomAudit audit, ApplicationEventPublisher events,
			Clock clock) {
		this.jdbc = jdbc;
		this.media = media;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * @return the saved settings ({@link Overrides#NONE} when never saved), from memory
	 * after the first read
	 */
	public Overrides current() {
		Overrides overrides = cached.get();
		if (overrides == null) {
			long seen = generation.get();
			overrides = load();
			if (generation.get() == seen) {
				cached.compareAndSet(null, overrides);
			}
		}
		return overrides;
	}

	/**
	 * Saves the settings as the form gives them, replacing what was saved; a blank value
	 * goes back to its start-up property. Audited (subject {@code settings}, id 1), one
	 * {@link SettingsChanged} in the change log, and every page evicted on every node.
	 * @return the saved settings
	 * @throws org.springframework.security.access.AccessDeniedException unless
	 * {@code actor} is an administrator
	 * @throws org.broadsheet.shared.InvalidInput naming the first field at fault (nothing
	 * is saved)
	 */
	@Transactional
	public Overrides save(Actor actor, SettingsForm form) {
		Permission.MANAGE_SETTINGS.require(actor);
		Overrides saved = SettingsCheck.check(form, this::image, clock.instant());
		write(saved);
		audit.record(NewsroomAudit.SETTINGS, SettingsChanged.ROW, actor, "saved", null);
		events.publishEvent(new SettingsChanged());
		events.publishEvent(PagesChanged.of(Surrogates.ALL));
		drop();
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCompletion(int status) {
				drop();
			}
		});
		return saved;
	}

	/**
	 * Follows every node's saves: the purge log reports this node's after commit and
	 * another node's within its poll interval, always before it empties the page cache.
	 */
	@EventListener
	void follow(PagesEvicted change) {
		if (change.touches(Surrogates.ALL)) {
			drop();
		}
	}

	private void drop() {
		generation.incrementAndGet();
		cached.set(null);
	}

	private Image image(long id) {
		return media.byIds(List.of(id)).get(id);
	}

	private void write(Overrides o) {
		jdbc.sql("DELETE FROM site_settings").update();
		jdbc.sql("""
				INSERT INTO site_settings (id, name, tagline, logo_image_id, language, time_zone, comments_hold_first,
				comments_close_after_days, comments_max_links, comments_blocklist, updated_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(SettingsChanged.ROW, o.name(), o.tagline(), o.logo() == null ? null : o.logo().id(), o.language(),
					o.timeZone() == null ? null : o.timeZone().getId(), o.holdFirst(), o.closeAfterDays(), o.maxLinks(),
					o.blocklist() == null ? null : String.join("\n", o.blocklist()), o.updatedAt().toEpochMilli())
			.update();
		jdbc.sql("DELETE FROM site_social_profile").update();
		for (int i = 0; i < o.socialProfiles().size(); i++) {
			jdbc.sql("INSERT INTO site_social_profile (position, url) VALUES (?, ?)")
				.params(i, o.socialProfiles().get(i))
				.update();
		}
		jdbc.sql("DELETE FROM site_footer_link").update();
		for (int i = 0; i < o.footerLinks().size(); i++) {
			var link = o.footerLinks().get(i);
			jdbc.sql("INSERT INTO site_footer_link (position, label, url) VALUES (?, ?, ?)")
				.params(i, link.label(), link.url())
				.update();
		}
	}

	private Overrides load() {
		var row = jdbc.sql("""
				SELECT name, tagline, logo_image_id, language, time_zone, comments_hold_first,
				comments_close_after_days, comments_max_links, comments_blocklist, updated_at
				FROM site_settings WHERE id = ?""").param(SettingsChanged.ROW).query((rs, n) -> {
			Long logo = rs.getLong(3);
			logo = rs.wasNull() ? null : logo;
			boolean hold = rs.getBoolean(6);
			Boolean holdFirst = rs.wasNull() ? null : hold;
			int days = rs.getInt(7);
			Integer closeAfterDays = rs.wasNull() ? null : days;
			int links = rs.getInt(8);
			Integer maxLinks = rs.wasNull() ? null : links;
			String zone = rs.getString(5);
			String blocklist = rs.getString(9);
			return Map.entry(logo == null ? -1L : logo,
					new Overrides(rs.getString(1), rs.getString(2), null, rs.getString(4),
							zone == null ? null : ZoneId.of(zone), holdFirst, closeAfterDays, maxLinks,
							blocklist == null ? null : List.of(blocklist.split("\n")), List.of(), List.of(),
							Instant.ofEpochMilli(rs.getLong(10))));
		}).optional();
		if (row.isEmpty()) {
			return Overrides.NONE;
		}
		Overrides o = row.get().getValue();
		long logo = row.get().getKey();
		List<String> profiles = jdbc.sql("SELECT url FROM site_social_profile ORDER BY position")
			.query(String.class)
			.list();
		List<FooterLink> links = jdbc.sql("SELECT label, url FROM site_footer_link ORDER BY position")
			.query((rs, n) -> new FooterLink(rs.getString(1), rs.getString(2)))
			.list();
		return new Overrides(o.name(), o.tagline(), logo < 0 ? null : image(logo), o.language(), o.timeZone(),
				o.holdFirst(), o.closeAfterDays(), o.maxLinks(), o.blocklist(), profiles, links, o.updatedAt());
	}

}
