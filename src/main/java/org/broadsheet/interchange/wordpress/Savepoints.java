package org.broadsheet.interchange.wordpress;

import org.broadsheet.interchange.wordpress.WordPressReport.Kind;

/** Runs one entry's work in a savepoint of the import's transaction. */
interface Savepoints {

	/**
	 * @return false when the work failed; it was rolled back, skipped and reported then
	 */
	boolean run(Kind kind, String where, Runnable work);

}
