package org.broadsheet.changelog;

import java.time.Instant;

import org.broadsheet.shared.LoggedChange.Subject;

/**
 * One committed change.
 *
 * @param seq position in the log, increasing
 * @param subject what changed: an article, a comment, a section, …
 * @param subjectId the id of the changed row in the subject's table
 * @param kind what happened, e.g. published, renamed, created
 * @param at UTC instant the change was written
 */
public record Change(long seq, Subject subject, long subjectId, String kind, Instant at) {
}
