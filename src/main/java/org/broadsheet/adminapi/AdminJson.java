package org.broadsheet.adminapi;

import java.time.Instant;
import java.util.List;

import org.broadsheet.article.ArticleSummary;
import org.broadsheet.article.ArticleWorkflow;
import org.broadsheet.article.AuditEntry;
import org.broadsheet.article.Revision;
import org.broadsheet.article.RevisionDiff;
import org.broadsheet.author.Author;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The Admin API's response bodies that are not the article's own fields. Instants are
 * UTC, ISO-8601 ({@code 2026-12-03T09:00:00Z}); statuses are lower case ({@code draft},
 * {@code in_review}, {@code scheduled}, {@code published}, {@code unpublished}).
 */
final class AdminJson {

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
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record Editing(long id, String status, ArticleFields latest, boolean unpublishedChanges, boolean scheduledChanges,
			String goLiveAt, String unpublishAt, Long liveRevision, Long scheduledRevision) {

		static Editing of(ArticleWorkflow.Editing e) {
			return new Editing(e.id(), e.status().code(), ArticleFields.of(e.latest()), e.unpublishedChanges(),
					e.scheduledChanges(), instant(e.goLiveAt()), instant(e.unpublishAt()), e.liveRevision(),
					e.scheduledRevision());
		}

	}

	/** One row of the article list. */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record Summary(long id, String headline, String section, List<String> authors, String status, String publishedAt,
			String updatedAt) {

		static Summary of(ArticleSummary s) {
			return new Summary(s.id(), s.title(), s.section().name(), s.authors().stream().map(Author::name).toList(),
					s.status().code(), instant(s.publishedAt()), instant(s.updatedAt()));
		}

	}

	/**
	 * A page of a list.
	 *
	 * @param page 1-based
	 * @param pageCount at least 1
	 */
	record Page<T>(List<T> items, int page, int pageCount) {
	}

	/**
	 * A stored revision; {@code fields} only when one revision is asked for.
	 *
	 * @param accountId who saved it, or null for a system actor
	 * @param live readers see it
	 * @param scheduled it is approved to go live later
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record RevisionJson(long id, String createdAt, Long accountId, boolean live, boolean scheduled,
			ArticleFields fields) {

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
	record Diff(long from, long to, List<FieldDiff> fields) {

		static Diff of(RevisionDiff d) {
			return new Diff(d.from().id(), d.to().id(), d.fields()
				.stream()
				.map(f -> new FieldDiff(f.field(),
						f.lines().stream().map(l -> new Line(l.change().name().toLowerCase(), l.text())).toList()))
				.toList());
		}

	}

	/** One field's changes. */
	record FieldDiff(String field, List<Line> lines) {
	}

	/**
	 * @param change {@code same}, {@code added} or {@code removed}
	 */
	record Line(String change, String text) {
	}

	/**
	 * An audit entry.
	 *
	 * @param who an account's display name (and the API key, if one was used) or a system
	 * actor
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record HistoryEntry(String who, String action, String at, String detail) {

		static HistoryEntry of(AuditEntry e) {
			return new HistoryEntry(e.who(), e.action(), instant(e.at()), e.detail());
		}

	}

	static String instant(Instant at) {
		return at == null ? null : at.toString();
	}

}
