package org.broadsheet.interchange.bundle;

import java.nio.file.Path;
import java.util.List;

/**
 * What an import did, file by file.
 *
 * @param outcomes one per file, in the order read
 */
public record ImportReport(List<Outcome> outcomes) {

	/**
	 * @param path the article's path when imported, else null
	 * @param created a new article (false: an existing one was updated)
	 * @param error {@code file:line: field: problem} when the file was not imported, else
	 * null
	 */
	public record Outcome(Path file, String path, boolean created, String error) {

		/**
		 * @return whether the file was not imported
		 */
		public boolean failed() {
			return error != null;
		}

	}

	/**
	 * @return how many files were not imported
	 */
	public long failures() {
		return outcomes.stream().filter(Outcome::failed).count();
	}

	/**
	 * @return how many files were imported (created or updated)
	 */
	public long imported() {
		return outcomes.size() - failures();
	}

}
