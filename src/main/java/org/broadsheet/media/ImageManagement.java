package org.broadsheet.media;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.broadsheet.account.Actor;
import org.broadsheet.account.NewsroomAudit;
import org.broadsheet.account.Permission;
import org.broadsheet.shared.InvalidInput;
import org.broadsheet.shared.NotFound;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Looking after the media library once images are in it: finding them by their texts,
 * editing their default alt text, caption and credit (what an article shows unless it
 * gives its own), saying where each is used, and deleting those used nowhere. Each change
 * is checked ({@link Permission#MANAGE_MEDIA}), audited (subject {@code image}) and
 * published as one {@link ImageEvent}.
 */
@Service
public class ImageManagement {

	private static final Logger log = LoggerFactory.getLogger(ImageManagement.class);

	/** Longest alt text, caption and credit, in characters (as the upload form). */
	static final int MAX_ALT = 1000;

	static final int MAX_CAPTION = 2000;

	static final int MAX_CREDIT = 300;

	private final JdbcClient jdbc;

	private final MediaStore store;

	private final List<ImageReferences> references;

	private final NewsroomAudit audit;

	private final ApplicationEventPublisher events;

	ImageManagement(JdbcClient jdbc, MediaLibrary library, List<ImageReferences> references, NewsroomAudit audit,
			ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.store = library.store();
		this.references = references;
		this.audit = audit;
		this.events = events;
	}

	/**
	 * Finds images whose alt text, caption or credit contains every word of {@code query}
	 * (case-insensitive for ASCII letters), newest first.
	 * @param query words; blank lists the newest images
	 * @param limit at most this many, at least 1
	 */
	public List<Image> search(String query, int limit) {
		var where = new StringBuilder("1 = 1");
		List<Object> params = new ArrayList<>();
		for (String word : query == null ? new String[0] : query.strip().split("\\s+")) {
			if (word.isEmpty()) {
				continue;
			}
			where.append(" AND LOWER(alt || ' ' || COALESCE(caption, '') || ' ' || COALESCE(credit, '')) LIKE ?"
					+ " ESCAPE '\\'");
			params.add("%" + escapeLike(word.toLowerCase(Locale.ROOT)) + "%");
		}
		params.add(Math.max(1, limit));
		return jdbc.sql("SELECT * FROM image WHERE " + where + " ORDER BY id DESC LIMIT ?")
			.params(params)
			.query(Image.class)
			.list();
	}

	/**
	 * @return the image with this id
	 */
	public Optional<Image> byId(long id) {
		return jdbc.sql("SELECT * FROM image WHERE id = ?").param(id).query(Image.class).optional();
	}

	/**
	 * @return every place that shows the image: articles (lead image or body) and author
	 * portraits, in the order the modules report them
	 */
	public List<ImageReference> uses(Image image) {
		return references.stream().flatMap(r -> r.of(image).stream()).toList();
	}

	/**
	 * Changes an image's default texts. Articles that give texts of their own keep them;
	 * the pages of those that do not are refreshed.
	 * @param alt required, at most {@value #MAX_ALT} characters
	 * @param caption blank for none, at most {@value #MAX_CAPTION} characters
	 * @param credit blank for none, at most {@value #MAX_CREDIT} characters
	 * @return the image as stored now
	 * @throws NotFound when there is no such image
	 * @throws InvalidInput naming {@code alt}, {@code caption} or {@code credit}
	 * @throws org.springframework.security.access.AccessDeniedException unless an editor
	 */
	@Transactional
	public Image describe(Actor actor, long id, String alt, String caption, String credit) {
		Permission.MANAGE_MEDIA.require(actor);
		Image image = byId(id).orElseThrow(() -> new NotFound("image", id));
		if (alt == null || alt.isBlank()) {
			throw new InvalidInput("alt", "media.invalid.alt");
		}
		requireLength("alt", alt, MAX_ALT);
		requireLength("caption", caption, MAX_CAPTION);
		requireLength("credit", credit, MAX_CREDIT);
		jdbc.sql("UPDATE image SET alt = ?, caption = ?, credit = ? WHERE id = ?")
			.params(alt.strip(), blankToNull(caption), blankToNull(credit), id)
			.update();
		audit.record(NewsroomAudit.IMAGE, id, actor, "described", image.storageKey());
		events.publishEvent(new ImageEvent(id, ImageEvent.Change.DESCRIBED));
		return byId(id).orElseThrow();
	}

	/**
	 * Deletes an image that nothing shows: its row now, its original and variants from
	 * the media store once that commits (what cannot be removed then is left to
	 * {@link OrphanSweep}).
	 * @throws NotFound when there is no such image
	 * @throws ImageInUse when an article or author still shows it
	 * @throws org.springframework.security.access.AccessDeniedException unless an editor
	 */
	@Transactional
	public void delete(Actor actor, long id) {
		Permission.MANAGE_MEDIA.require(actor);
		Image image = byId(id).orElseThrow(() -> new NotFound("image", id));
		int uses = uses(image).size();
		if (uses > 0) {
			throw new ImageInUse(id, uses);
		}
		references.forEach(r -> r.release(id));
		jdbc.sql("DELETE FROM image WHERE id = ?").param(id).update();
		audit.record(NewsroomAudit.IMAGE, id, actor, "deleted", image.storageKey());
		events.publishEvent(new ImageEvent(id, ImageEvent.Change.DELETED));
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				removeFiles(image.storageKey());
			}
		});
	}

	private void removeFiles(String storageKey) {
		try {
			store.delete(storageKey);
			MediaStore.variantKeys(storageKey).forEach(store::delete);
		}
		catch (UncheckedIOException ex) {
			log.warn("Deleted image {} left in the media store for the orphan sweep: {}", storageKey, ex.getMessage());
		}
	}

	private static void requireLength(String field, String value, int max) {
		if (value != null && value.strip().length() > max) {
			throw new InvalidInput(field, "media.invalid.tooLong", String.valueOf(max));
		}
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

	private static String escapeLike(String word) {
		return word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

}
