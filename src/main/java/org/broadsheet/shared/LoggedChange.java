package org.broadsheet.shared;

import java.util.Locale;

/**
 * A committed change that every node follows: the contract of the events the change log
 * ({@code changelog.ChangeLog}) writes to {@code change_log}, inside the transaction that
 * made the change. Each module's typed events implement it, so the change log depends on
 * none of the modules whose changes it records.
 */
public interface LoggedChange {

	/**
	 * What a change is about; stored lower case in {@code change_log.subject} (at most 10
	 * characters). {@code IMAGE} is a media library image, {@code KEY} a Content API key
	 * ({@code content_key.id}; an Admin API key's changes are its account's);
	 * {@code SETTINGS} the site settings (id 1).
	 */
	enum Subject {

		ARTICLE, COMMENT, SECTION, TAG, AUTHOR, ACCOUNT, IMAGE, KEY, WEBHOOK, SETTINGS,

		/** A static page ({@code page.id}). */
		PAGE,

		/**
		 * A newsletter subscriber ({@code subscriber.id}; 0 for an import of many): a
		 * reader's own changes (sign-up, confirmation, lists, pause, unsubscribe) and the
		 * newsroom's.
		 */
		SUBSCRIBER,

		/** A newsletter send ({@code newsletter_send.id}). */
		NEWSLETTER,

		/** A newsletter list's settings, its cadence ({@code newsletter_list.id}). */
		LIST,

		/**
		 * A fediverse account or domain blocked by editors ({@code fediverse_block.id}).
		 */
		FEDIBLOCK,

		/**
		 * A fediverse follower approved or rejected by editors
		 * ({@code fediverse_follower.id}).
		 */
		FEDIFOLLOW,

		/**
		 * A dead fediverse instance forgotten by editors, so that deliveries to it are
		 * tried again (id 0: {@code fediverse_instance} is keyed by host; the audit entry
		 * names the host).
		 */
		FEDIHOST;

		/**
		 * @return the stored form, e.g. {@code comment}
		 */
		public String key() {
			return name().toLowerCase(Locale.ROOT);
		}

		/**
		 * @param key a stored form
		 * @throws IllegalArgumentException for anything else
		 */
		public static Subject of(String key) {
			return valueOf(key.toUpperCase(Locale.ROOT));
		}

	}

	/**
	 * @return the stored form of a kind named by an enum constant: lower case, words
	 * joined by hyphens ({@code PROFILE_EDITED} → {@code profile-edited})
	 */
	static String key(Enum<?> kind) {
		return kind.name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

	/**
	 * @return what the change is about, which says what table {@link #subjectId()} is of
	 */
	Subject subject();

	/**
	 * @return the id of the changed row in the subject's table (an article's id for
	 * {@link Subject#ARTICLE}, a comment's for {@link Subject#COMMENT}, …)
	 */
	long subjectId();

	/**
	 * @return a short name of what happened, at most 20 characters: {@code published},
	 * {@code renamed}, {@code created}, …
	 */
	String kind();

}
