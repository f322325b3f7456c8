package org.broadsheet.article;

import java.util.List;

/**
 * What changed between two revisions, field by field, line by line (java-diff-utils).
 *
 * @param fields title, standfirst and body, each with its changed lines
 */
public record RevisionDiff(Revision from, Revision to, List<FieldDiff> fields) {

	/** @param lines the field's lines, each marked unchanged, removed or added */
	public record FieldDiff(String field, List<Line> lines) {

		/** @return whether any line was removed or added */
		public boolean changed() {
			return lines.stream().anyMatch(l -> l.change() != Change.SAME);
		}

	}

	public record Line(Change change, String text) {
	}

	public enum Change {

		SAME, REMOVED, ADDED

	}

}
