package org.broadsheet.article;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * A correction or editor's note on a published article, shown dated at the top or the
 * foot of its page, in its JSON-LD ({@code correction}) and in the Content API.
 *
 * @param text plain text as the editor typed it (escaped wherever it is written)
 * @param publishedAt when it was added (UTC); an edit never changes it
 * @param editedAt when it was last edited (UTC), or null when never
 */
public record Correction(long id, long articleId, Kind kind, Placement placement, String text, Instant publishedAt,
		Instant editedAt) {

	/** The longest text, in characters. */
	public static final int MAX_TEXT = 2000;

	/** What it is. */
	public enum Kind {

		/** A factual error put right. */
		CORRECTION,

		/** Context added by the editors (an update, a clarification). */
		EDITORS_NOTE;

		/**
		 * @return the stored and API form: {@code correction}, {@code editors-note}
		 */
		public String code() {
			return name().toLowerCase(Locale.ROOT).replace('_', '-');
		}

		/**
		 * @param code as {@link #code()} gives it, any case; may be null
		 * @return the kind, or empty for anything else
		 */
		public static Optional<Kind> of(String code) {
			for (Kind kind : values()) {
				if (kind.code().equalsIgnoreCase(code == null ? "" : code.strip())) {
					return Optional.of(kind);
				}
			}
			return Optional.empty();
		}

	}

	/** Where the article page shows it. */
	public enum Placement {

		/** Above the body, under the lead image. */
		TOP,

		/** Under the body. */
		FOOT;

		/**
		 * @return the stored and API form: {@code top}, {@code foot}
		 */
		public String code() {
			return name().toLowerCase(Locale.ROOT);
		}

		/**
		 * @param code as {@link #code()} gives it, any case; may be null
		 * @return the placement, or empty for anything else
		 */
		public static Optional<Placement> of(String code) {
			for (Placement placement : values()) {
				if (placement.code().equalsIgnoreCase(code == null ? "" : code.strip())) {
					return Optional.of(placement);
				}
			}
			return Optional.empty();
		}

	}

}
