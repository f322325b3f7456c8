package org.broadsheet.article;

import java.time.Instant;
import java.util.IllformedLocaleException;
import java.util.List;
import java.util.Locale;

import org.broadsheet.author.AuthorProfile;

/**
 * The one set of rules every article passes, whichever door it comes through (the
 * newsroom's form, bundle and WordPress imports, the API): {@link Articles} and
 * {@link ArticleInterchange} check each draft before they write anything, and the doors
 * may check earlier to point at the line or form field at fault. Every refusal is an
 * {@link InvalidArticle} naming the field.
 * <ul>
 * <li>One-line texts (title, slug, section, tags, author names, titles and affiliations,
 * image alt text and credit, syndication publication and URL, language): no control
 * characters (C0, DEL, C1; NUL included) and no lone surrogates.</li>
 * <li>Multi-line texts (standfirst, author bios, image caption, syndication note): the
 * same, but tab, line feed and carriage return are allowed.</li>
 * <li>The body (Markdown): no NUL and no lone surrogates.</li>
 * <li>Lengths in UTF-16 characters: see the {@code MAX_} constants here and in
 * {@link ArticleDraft}.</li>
 * <li>At most {@value #MAX_TAGS} tags and {@value #MAX_AUTHORS} authors, at least one
 * author.</li>
 * <li>Language: a well-formed BCP 47 tag (the JDK's
 * {@link Locale.Builder#setLanguageTag}).</li>
 * <li>Dates: from {@link #EARLIEST} to {@link #LATEST} (years 1800 to 9999, UTC), so that
 * old archives fit and every date has four digits; a published article has its date.</li>
 * </ul>
 */
public final class ArticleRules {

	/**
	 * Most tags an article may have: room for real archives (WordPress's theme unit test
	 * data files a post under 65 terms), far from what makes a query or a page unusable.
	 */
	public static final int MAX_TAGS = 100;

	/** Most authors an article may have. */
	public static final int MAX_AUTHORS = 20;

	/** Longest language tag, in characters (RFC 5646's longest useful tag is 35). */
	public static final int MAX_LANGUAGE = 35;

	/** Longest slug, in characters. */
	public static final int MAX_SLUG = 300;

	/** Longest image alt text and caption, in characters. */
	public static final int MAX_ALT = 1_000;

	public static final int MAX_CAPTION = 2_000;

	/** Longest image credit, in characters. */
	public static final int MAX_CREDIT = 300;

	/** First instant an article may carry: 1800-01-01T00:00:00Z. */
	public static final Instant EARLIEST = Instant.parse("1800-01-01T00:00:00Z");

	/** Last instant an article may carry: 9999-12-31T23:59:59.999Z. */
	public static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999Z");

	private ArticleRules() {
	}

	/**
	 * Checks a whole draft.
	 * @throws InvalidArticle for the first field that breaks a rule
	 */
	public static void check(ArticleDraft d) {
		required("title", d.title());
		line("title", d.title(), ArticleDraft.MAX_TITLE);
		line("slug", d.slug(), MAX_SLUG);
		required("section", d.section());
		line("section", d.section(), ArticleDraft.MAX_NAME);
		text("summary", d.summary(), ArticleDraft.MAX_SUMMARY);
		body(d.bodyMarkdown());
		language("language", d.language());
		authors(d.authors());
		tags(d.tags());
		if (d.leadImage() != null) {
			imageTexts(d.leadImage().alt(), d.leadImage().caption(), d.leadImage().credit());
		}
		if (d.syndication() != null) {
			line("syndication.publication", d.syndication().publication(), Syndication.MAX_PUBLICATION);
			text("syndication.note", d.syndication().note(), Syndication.MAX_NOTE);
			line("syndication.url", d.syndication().url(), Syndication.MAX_URL);
		}
		if (d.status() == ArticleStatus.PUBLISHED && d.publishedAt() == null) {
			throw new InvalidArticle("published", "article.invalid.published-undated");
		}
		instant("published", d.publishedAt());
		instant("updated", d.updatedAt());
	}

	/**
	 * Checks an image's texts as an article uses them ({@code image.alt},
	 * {@code image.caption}, {@code image.credit}); null means the image's own.
	 * @throws InvalidArticle for the first that breaks a rule
	 */
	public static void imageTexts(String alt, String caption, String credit) {
		line("image.alt", alt, MAX_ALT);
		text("image.caption", caption, MAX_CAPTION);
		line("image.credit", credit, MAX_CREDIT);
	}

	/**
	 * @param at an instant an article carries (published, updated, goes live, leaves), or
	 * null
	 * @throws InvalidArticle when it is before {@link #EARLIEST} or after {@link #LATEST}
	 */
	public static void instant(String field, Instant at) {
		if (at != null && (at.isBefore(EARLIEST) || at.isAfter(LATEST))) {
			throw new InvalidArticle(field, "article.invalid.date-range");
		}
	}

	/**
	 * Checks a staff note's text: required, at most {@link ArticleNote#MAX_TEXT}
	 * characters, lines allowed.
	 * @throws InvalidArticle naming {@code field} when it breaks a rule
	 */
	static void note(String field, String value) {
		required(field, value);
		text(field, value, ArticleNote.MAX_TEXT);
	}

	/**
	 * @param tag a language tag as given, or null
	 * @return the tag in its canonical case ({@code pt-br} → {@code pt-BR}), or null for
	 * null
	 * @throws InvalidArticle when it is not a well-formed BCP 47 tag
	 */
	public static String language(String field, String tag) {
		if (tag == null) {
			return null;
		}
		line(field, tag, MAX_LANGUAGE);
		try {
			return new Locale.Builder().setLanguageTag(tag).build().toLanguageTag();
		}
		catch (IllformedLocaleException ex) {
			throw new InvalidArticle(field, "article.invalid.language");
		}
	}

	private static void authors(List<AuthorProfile> authors) {
		if (authors == null || authors.isEmpty()) {
			throw new InvalidArticle("authors", "article.invalid.no-author");
		}
		if (authors.size() > MAX_AUTHORS) {
			throw new InvalidArticle("authors", "article.invalid.too-many", MAX_AUTHORS, authors.size());
		}
		for (int i = 0; i < authors.size(); i++) {
			AuthorProfile a = authors.get(i);
			String field = "authors[" + i + "]";
			line(field + ".name", a.name(), AuthorProfile.MAX_NAME);
			line(field + ".title", a.title(), AuthorProfile.MAX_TITLE);
			line(field + ".affiliation", a.affiliation(), AuthorProfile.MAX_TITLE);
			text(field + ".bio", a.bio(), AuthorProfile.MAX_BIO);
		}
	}

	private static void tags(List<String> tags) {
		if (tags.size() > MAX_TAGS) {
			throw new InvalidArticle("tags", "article.invalid.too-many", MAX_TAGS, tags.size());
		}
		for (int i = 0; i < tags.size(); i++) {
			required("tags[" + i + "]", tags.get(i));
			line("tags[" + i + "]", tags.get(i), ArticleDraft.MAX_NAME);
		}
	}

	private static void body(String markdown) {
		length("body", markdown, ArticleDraft.MAX_BODY);
		characters("body", markdown, true, true);
	}

	private static void required(String field, String value) {
		if (value == null || value.isBlank()) {
			throw new InvalidArticle(field, "article.invalid.required");
		}
	}

	/** One-line text: no control character at all. */
	private static void line(String field, String value, int max) {
		length(field, value, max);
		characters(field, value, false, false);
	}

	/** Multi-line text: tab, line feed and carriage return allowed. */
	private static void text(String field, String value, int max) {
		length(field, value, max);
		characters(field, value, true, false);
	}

	private static void length(String field, String value, int max) {
		if (value != null && value.length() > max) {
			throw new InvalidArticle(field, "article.invalid.too-long", max, value.length());
		}
	}

	/**
	 * @param lines whether tab, line feed and carriage return are allowed
	 * @param anyControl whether other control characters are allowed (NUL never is)
	 */
	private static void characters(String field, String value, boolean lines, boolean anyControl) {
		if (value == null) {
			return;
		}
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c == 0) {
				throw new InvalidArticle(field, "article.invalid.nul", i);
			}
			if (Character.isHighSurrogate(c) && i + 1 < value.length()
					&& Character.isLowSurrogate(value.charAt(i + 1))) {
				i++;
			}
			else if (Character.isSurrogate(c)) {
				throw new InvalidArticle(field, "article.invalid.surrogate", i);
			}
			else if (!anyControl && Character.getType(c) == Character.CONTROL
					&& !(lines && (c == '\t' || c == '\n' || c == '\r'))) {
				throw new InvalidArticle(field, "article.invalid.control", String.format("%04X", (int) c), i);
			}
		}
	}

}
