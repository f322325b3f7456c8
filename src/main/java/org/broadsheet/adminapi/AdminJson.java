package org.broadsheet.adminapi;

import java.time.Instant;
import java.util.List;

import org.broadsheet.article.ArticleSummary;
import org.broadsheet.article.ArticleWorkflow;
import org.broadsheet.article.AuditEntry;
import org.broadsheet.article.Revision;
import org.broadsheet.article.RevisionDiff;
import org.broadsheet.article.Translation;
import org.broadsheet.author.Author;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;

/**
 * The Admin API's response bodies that are not the article's own fields. Instants are
 * UTC, ISO-8601 ({@code 2026-12-03T09:00:00Z}); statuses are lower case ({@code draft},
 * {@code in_review}, {@code scheduled}, {@code published}, {@code unpublished}).
 */
final class AdminJson {

	/** Descriptions for the OpenAPI document. */
	static final String STATUS = "`draft`, `in_review`, `scheduled`, `published` or `unpublished`";

	static final String INSTANT = "A UTC instant, ISO-8601";

	private AdminJson() {
	}

	/**
	 * An article as the newsroom's editor shows it.
	 *
	 * @param latest the latest revision's fields: what the editor shows
	 * @param unpublishedChanges the latest revision is neither live nor scheduled
	 * @param scheduledChanges a published article has a newer revision scheduled
	 * @param goLiveAt when the scheduled revision goes live, or null
	 * @param unpublishAt when the article is to leave the site, or null
	 * @param liveRevision the revision readers see, or null
	 * @param scheduledRevision the revision approved to go live at {@code goLiveAt}, or
	 * null
	 * @param translations its linked translations in any status, by language
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	@Schema(name = "AdminArticle", description = "An article as the newsroom's editor shows it.")
	record Editing(@Schema(requiredMode = RequiredMode.REQUIRED, example = "4711") long id,
			@Schema(description = STATUS) String status,
			@Schema(requiredMode = RequiredMode.REQUIRED,
					description = "The latest revision's fields: what the editor shows") ArticleFields latest,
			@Schema(requiredMode = RequiredMode.REQUIRED,
					description = "The latest revision is neither live nor scheduled") boolean unpublishedChanges,
			@Schema(requiredMode = RequiredMode.REQUIRED,
					description = "A published article has a newer revision scheduled") boolean scheduledChanges,
			@Schema(format = "date-time", nullable = true,
					description = "When the scheduled revision goes live") String goLiveAt,
			@Schema(format = "date-time", nullable = true,
					description = "When the article is to leave the site") String unpublishAt,
			@Schema(nullable = true, description = "The revision readers see") Long liveRevision,
			@Schema(nullable = true, description = "The revision to go live at `goLiveAt`") Long scheduledRevision,
			@Schema(requiredMode = RequiredMode.REQUIRED,
					description = "Its linked translations in any status, by language") List<TranslationJson> translations) {

		// On the accessor: an array in a record component's annotation upsets the
		// formatter.
		@Override
		@Schema(requiredMode = RequiredMode.REQUIRED,
				allowableValues = { "draft", "in_review", "scheduled", "published", "unpublished" })
		public String status() {
			return this.status;
		}

		static Editing of(ArticleWorkflow.Editing e, List<Translation> translations) {
			return new Editing(e.id(), e.status().code(), ArticleFields.of(e.latest()), e.unpublishedChanges(),
					e.scheduledChanges(), instant(e.goLiveAt()), instant(e.unpublishAt()), e.liveRevision(),
					e.scheduledRevision(), translations.stream().map(TranslationJson::of).toList());
		}

	}

	/**
	 * A linked translation of an article.
	 *
	 * @param language BCP 47, or null (left out) for the site's language
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	@Schema(name = "AdminTranslation", description = "A linked translation of an article.")
	record TranslationJson(@Schema(requiredMode = RequiredMode.REQUIRED, example = "4712") long id,
			@Schema(requiredMode = RequiredMode.REQUIRED) String headline,
			@Schema(example = "fr", description = "BCP 47; left out for the site's language") String language,
			@Schema(requiredMode = RequiredMode.REQUIRED, description = STATUS) String status) {

		static TranslationJson of(Translation t) {
			return new TranslationJson(t.id(), t.title(), t.language(), t.status().code());
		}

	}

	/** One row of the article list. */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	@Schema(name = "AdminArticleSummary", description = "One row of the article list.")
	record Summary(@Schema(requiredMode = RequiredMode.REQUIRED) long id,
			@Schema(requiredMode = RequiredMode.REQUIRED) String headline,
			@Schema(requiredMode = RequiredMode.REQUIRED, description = "The section's name") String section,
			@Schema(requiredMode = RequiredMode.REQUIRED, description = "The byline's names") List<String> authors,
			@Schema(requiredMode = RequiredMode.REQUIRED, description = STATUS) String status,
			@Schema(format = "date-time", nullable = true,
					description = INSTANT + "; absent until first published") String publishedAt,
			@Schema(format = "date-time", nullable = true, description = INSTANT) String updatedAt) {

		static Summary of(ArticleSummary s) {
			return new Summary(s.id(), s.title(), s.section().name(), s.authors().stream().map(Author::name).toList(),
					s.status().code(), instant(s.publishedAt()), instant(s.updatedAt()));
		}

	}

	/**
	 * A page of the article list.
	 *
	 * @param page 1-based
	 * @param pageCount at least 1
	 */
	@Schema(name = "AdminArticlePage", description = "A page of the article list, last changed first.")
	record ArticlePage(@Schema(requiredMode = RequiredMode.REQUIRED) List<Summary> items,
			@Schema(requiredMode = RequiredMode.REQUIRED, minimum = "1", description = "This page, from 1") int page,
			@Schema(requiredMode = RequiredMode.REQUIRED, minimum = "1",
					description = "How many pages there are, at least 1") int pageCount) {
	}

	/**
	 * A stored revision; {@code fields} only when one revision is asked for.
	 *
	 * @param accountId who saved it, or null for a system actor
	 * @param live readers see it
	 * @param scheduled it is approved to go live later
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	@Schema(name = "Revision", description = "A stored revision; `fields` only when one revision is asked for.")
	record RevisionJson(@Schema(requiredMode = RequiredMode.REQUIRED) long id,
			@Schema(requiredMode = RequiredMode.REQUIRED, format = "date-time", description = INSTANT) String createdAt,
			@Schema(nullable = true, description = "Who saved it; null for a system actor") Long accountId,
			@Schema(requiredMode = RequiredMode.REQUIRED, description = "Readers see it") boolean live,
			@Schema(requiredMode = RequiredMode.REQUIRED,
					description = "It is approved to go live later") boolean scheduled,
			@Schema(description = "Its fields (only from `…/revisions/{revision}`)") ArticleFields fields) {

		static RevisionJson of(ArticleWorkflow.Editing e, Revision r, boolean withFields) {
			return new RevisionJson(r.id(), instant(r.createdAt()), r.accountId(), e.isLive(r), e.isScheduled(r),
					withFields ? ArticleFields.of(r.draft()) : null);
		}

	}

	/**
	 * What changed between two revisions, field by field, line by line.
	 *
	 * @param fields only the fields that differ
	 */
	@Schema(name = "RevisionDiff", description = "What changed between two revisions, field by field.")
	record Diff(@Schema(requiredMode = RequiredMode.REQUIRED) long from,
			@Schema(requiredMode = RequiredMode.REQUIRED) long to, @Schema(requiredMode = RequiredMode.REQUIRED,
					description = "Only the fields that differ") List<FieldDiff> fields) {

		static Diff of(RevisionDiff d) {
			return new Diff(d.from().id(), d.to().id(), d.fields()
				.stream()
				.map(f -> new FieldDiff(f.field(),
						f.lines().stream().map(l -> new Line(l.change().name().toLowerCase(), l.text())).toList()))
				.toList());
		}

	}

	/** One field's changes. */
	@Schema(name = "FieldDiff")
	record FieldDiff(@Schema(requiredMode = RequiredMode.REQUIRED, example = "headline") String field,
			@Schema(requiredMode = RequiredMode.REQUIRED) List<Line> lines) {
	}

	/**
	 * @param change {@code same}, {@code added} or {@code removed}
	 */
	@Schema(name = "DiffLine")
	record Line(String change, @Schema(requiredMode = RequiredMode.REQUIRED) String text) {

		// On the accessor: an array in a record component's annotation upsets the
		// formatter.
		@Override
		@Schema(requiredMode = RequiredMode.REQUIRED, allowableValues = { "same", "added", "removed" })
		public String change() {
			return this.change;
		}

	}

	/**
	 * An audit entry.
	 *
	 * @param who an account's display name (and the API key, if one was used) or a system
	 * actor
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	@Schema(name = "HistoryEntry", description = "An audit entry.")
	record HistoryEntry(@Schema(requiredMode = RequiredMode.REQUIRED,
			description = "An account's display name (and the API key, if one was used) or a system actor") String who,
			@Schema(requiredMode = RequiredMode.REQUIRED, example = "submitted") String action,
			@Schema(requiredMode = RequiredMode.REQUIRED, format = "date-time", description = INSTANT) String at,
			@Schema(nullable = true) String detail) {

		static HistoryEntry of(AuditEntry e) {
			return new HistoryEntry(e.who(), e.action(), instant(e.at()), e.detail());
		}

	}

	static String instant(Instant at) {
		return at == null ? null : at.toString();
	}

}
