package org.broadsheet.interchange.wordpress;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a WordPress import did: for each kind of thing in the file, how many were found,
 * imported and skipped (with the reasons), plus what changed on the way (status mappings,
 * shortcodes left as text, featured images without a file). Every entry of the file is
 * counted exactly once: {@code found == imported + skipped}.
 */
public final class WordPressReport {

	/** The kinds of things a WXR file holds. */
	public enum Kind {

		POST("posts"), PAGE("pages"), ATTACHMENT("attachments"), OTHER_ITEM("other items"), AUTHOR("authors"),
		CATEGORY("categories"), TAG("tags"), COMMENT("comments");

		private final String label;

		Kind(String label) {
			this.label = label;
		}

		/**
		 * @return the plural English name, e.g. "posts"
		 */
		public String label() {
			return label;
		}

	}

	/** Longest list of notes kept; the rest are only counted. */
	static final int MAX_NOTES = 1_000;

	/** Longest list of XML repairs kept; the rest are only counted. */
	static final int MAX_REPAIRS = 100;

	/**
	 * One kind's figures.
	 *
	 * @param created imported as new
	 * @param updated imported over what an earlier import of the same file stored
	 * @param unchanged imported before, exactly so
	 * @param skipped reason → how many
	 */
	public record Tally(int found, int created, int updated, int unchanged, Map<String, Integer> skipped) {

		/**
		 * @return created + updated + unchanged
		 */
		public int imported() {
			return created + updated + unchanged;
		}

		/**
		 * @return how many were skipped, for any reason
		 */
		public int skippedCount() {
			return skipped.values().stream().mapToInt(Integer::intValue).sum();
		}

	}

	private final Map<Kind, int[]> counts = new EnumMap<>(Kind.class);

	private final Map<Kind, Map<String, Integer>> skipped = new EnumMap<>(Kind.class);

	private final Map<String, Integer> changes = new TreeMap<>();

	private final Map<String, Integer> shortcodes = new TreeMap<>();

	private final List<String> notes = new ArrayList<>();

	private int notesLeftOut;

	private final List<String> createdAuthors = new ArrayList<>();

	private final List<String> repairs = new ArrayList<>();

	private long repairCount;

	WordPressReport() {
		for (Kind kind : Kind.values()) {
			counts.put(kind, new int[4]);
			skipped.put(kind, new LinkedHashMap<>());
		}
	}

	void found(Kind kind) {
		counts.get(kind)[0]++;
	}

	void created(Kind kind) {
		counts.get(kind)[1]++;
	}

	void updated(Kind kind) {
		counts.get(kind)[2]++;
	}

	void unchanged(Kind kind) {
		counts.get(kind)[3]++;
	}

	void skipped(Kind kind, String reason) {
		skipped.get(kind).merge(reason, 1, Integer::sum);
	}

	/**
	 * Counts a change made on the way, e.g. "status private → unpublished (not public)".
	 */
	void changed(String what) {
		changes.merge(what, 1, Integer::sum);
	}

	void shortcode(String name) {
		shortcodes.merge(name, 1, Integer::sum);
	}

	/** A remark about one entry, e.g. {@code line 120 "Title": unknown author}. */
	void note(String note) {
		if (notes.size() < MAX_NOTES) {
			notes.add(note);
		}
		else {
			notesLeftOut++;
		}
	}

	/**
	 * Names an author this import created, e.g. {@code john (login john): dc:creator not
	 * in the file's authors}.
	 */
	void authorCreated(String name, String login, String why) {
		createdAuthors.add(name + (login.isBlank() || login.equals(name) ? "" : " (login " + login + ")") + ": " + why);
	}

	/**
	 * @return every author this import created, in the order it made them, each with
	 * where the file names them: its author list, a guest author, or only a byline
	 */
	public List<String> createdAuthors() {
		return List.copyOf(createdAuthors);
	}

	/**
	 * A repair of XML that is not well-formed (see {@link WxrRepair}), e.g.
	 * {@code line 12, column 40: & not starting a reference → &amp;}. The first
	 * {@value #MAX_REPAIRS} are listed; all are counted.
	 */
	void repaired(int line, int column, String what) {
		repairCount++;
		if (repairs.size() < MAX_REPAIRS) {
			repairs.add("line " + line + ", column " + column + ": " + what);
		}
	}

	/**
	 * @return the first {@value #MAX_REPAIRS} repairs of the file's XML, in file order,
	 * each as {@code line L, column C: what was found → what it became}
	 */
	public List<String> repairs() {
		return List.copyOf(repairs);
	}

	/**
	 * @return how many repairs of the file's XML were made, listed or not
	 */
	public long repairCount() {
		return repairCount;
	}

	/**
	 * @return the figures of one kind
	 */
	public Tally tally(Kind kind) {
		int[] c = counts.get(kind);
		return new Tally(c[0], c[1], c[2], c[3], Map.copyOf(skipped.get(kind)));
	}

	/**
	 * @return changes made on the way and how often, e.g. "status future → scheduled"
	 */
	public Map<String, Integer> changes() {
		return Map.copyOf(changes);
	}

	/**
	 * @return shortcodes other than {@code [caption]} left as text, by name, with how
	 * often they occur
	 */
	public Map<String, Integer> shortcodes() {
		return Map.copyOf(shortcodes);
	}

	/**
	 * @return remarks about single entries, at most {@value #MAX_NOTES}
	 */
	public List<String> notes() {
		return List.copyOf(notes);
	}

	/** Writes the report as lines of text. */
	public void print(PrintWriter out) {
		for (Kind kind : Kind.values()) {
			Tally t = tally(kind);
			out.printf("%-12s %6d found, %6d imported (%d new, %d updated, %d unchanged), %d skipped%n",
					kind.label() + ":", t.found(), t.imported(), t.created(), t.updated(), t.unchanged(),
					t.skippedCount());
			t.skipped().forEach((reason, n) -> out.printf("%14s %6d skipped: %s%n", "", n, reason));
		}
		if (!changes.isEmpty()) {
			out.println("changes on the way:");
			changes.forEach((what, n) -> out.printf("%14s %6d %s%n", "", n, what));
		}
		if (!createdAuthors.isEmpty()) {
			out.println("authors created:");
			createdAuthors.forEach(author -> out.println("  " + author));
		}
		if (!shortcodes.isEmpty()) {
			out.println("shortcodes left as text:");
			shortcodes.forEach((name, n) -> out.printf("%14s %6d [%s]%n", "", n, name));
		}
		if (repairCount > 0) {
			out.printf("XML repaired in %d places, as WordPress's own importer reads it:%n", repairCount);
			repairs.forEach(repair -> out.println("  " + repair));
			if (repairCount > repairs.size()) {
				out.printf("  … and %d more%n", repairCount - repairs.size());
			}
		}
		if (!notes.isEmpty()) {
			out.println("notes:");
			notes.forEach(note -> out.println("  " + note));
			if (notesLeftOut > 0) {
				out.printf("  … and %d more%n", notesLeftOut);
			}
		}
		out.flush();
	}

}
