package org.broadsheet.article;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;

/**
 * What changed between two revisions, field by field, line by line (java-diff-utils).
 *
 * @param fields title, standfirst and body, each with its changed lines
 */
public record RevisionDiff(Revision from, Revision to, List<FieldDiff> fields) {

	/**
	 * @return the differences of title, standfirst and body from {@code from} to
	 * {@code to}
	 */
	static RevisionDiff between(Revision from, Revision to) {
		return new RevisionDiff(from, to,
				List.of(diff("title", from.draft().title(), to.draft().title()),
						diff("summary", from.draft().summary(), to.draft().summary()),
						diff("body", from.draft().bodyMarkdown(), to.draft().bodyMarkdown())));
	}

	private static FieldDiff diff(String field, String before, String after) {
		List<String> a = lines(before);
		List<String> b = lines(after);
		List<Line> out = new ArrayList<>();
		int position = 0;
		for (AbstractDelta<String> delta : DiffUtils.diff(a, b).getDeltas()) {
			for (; position < delta.getSource().getPosition(); position++) {
				out.add(new Line(Change.SAME, a.get(position)));
			}
			delta.getSource().getLines().forEach(l -> out.add(new Line(Change.REMOVED, l)));
			delta.getTarget().getLines().forEach(l -> out.add(new Line(Change.ADDED, l)));
			position += delta.getSource().size();
		}
		for (; position < a.size(); position++) {
			out.add(new Line(Change.SAME, a.get(position)));
		}
		return new FieldDiff(field, out);
	}

	private static List<String> lines(String text) {
		return text == null || text.isEmpty() ? List.of() : Arrays.asList(text.split("\\R", -1));
	}

	/**
	 * @param lines the field's lines, each marked unchanged, removed or added
	 */
	public record FieldDiff(String field, List<Line> lines) {

		/**
		 * @return whether any line was removed or added
		 */
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
