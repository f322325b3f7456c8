package org.broadsheet.article;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.broadsheet.author.AuthorProfile;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;

/**
 * What changed between two revisions, field by field, line by line (java-diff-utils).
 *
 * @param fields every field a revision stores, in the editor's order, each with its lines
 */
public record RevisionDiff(Revision from, Revision to, List<FieldDiff> fields) {

	/**
	 * Every field a revision stores, by name ({@code editor.field.<name>} in the
	 * messages), as lines of text: lists one item per line (the byline's names, tags),
	 * the lead image as its media library id.
	 */
	private static final Map<String, Function<ArticleDraft, String>> FIELDS = extractors();

	private static Map<String, Function<ArticleDraft, String>> extractors() {
		Map<String, Function<ArticleDraft, String>> fields = new LinkedHashMap<>();
		fields.put("title", ArticleDraft::title);
		fields.put("slug", ArticleDraft::slug);
		fields.put("section", ArticleDraft::section);
		fields.put("authors", d -> String.join("\n", d.authors().stream().map(AuthorProfile::name).toList()));
		fields.put("summary", ArticleDraft::summary);
		fields.put("body", ArticleDraft::bodyMarkdown);
		fields.put("tags", d -> String.join("\n", d.tags()));
		fields.put("language", ArticleDraft::language);
		fields.put("leadImage", d -> image(d, i -> "#" + i.imageId()));
		fields.put("leadAlt", d -> image(d, ImageUse::alt));
		fields.put("leadCaption", d -> image(d, ImageUse::caption));
		fields.put("leadCredit", d -> image(d, ImageUse::credit));
		fields.put("syndicationPublication", d -> syndication(d, Syndication::publication));
		fields.put("syndicationNote", d -> syndication(d, Syndication::note));
		fields.put("syndicationUrl", d -> syndication(d, Syndication::url));
		return Collections.unmodifiableMap(fields);
	}

	/**
	 * @return the differences of every field a revision stores from {@code from} to
	 * {@code to}
	 */
	static RevisionDiff between(Revision from, Revision to) {
		return new RevisionDiff(from, to,
				FIELDS.entrySet()
					.stream()
					.map(f -> diff(f.getKey(), f.getValue().apply(from.draft()), f.getValue().apply(to.draft())))
					.toList());
	}

	/**
	 * @return the fields that differ
	 */
	public List<FieldDiff> changed() {
		return fields.stream().filter(FieldDiff::changed).toList();
	}

	/**
	 * @return the names of the fields that are the same in both revisions
	 */
	public List<String> unchanged() {
		return fields.stream().filter(f -> !f.changed()).map(FieldDiff::field).toList();
	}

	private static String image(ArticleDraft draft, Function<ImageUse, String> part) {
		return draft.leadImage() == null ? null : part.apply(draft.leadImage());
	}

	private static String syndication(ArticleDraft draft, Function<Syndication, String> part) {
		return draft.syndication() == null ? null : part.apply(draft.syndication());
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
