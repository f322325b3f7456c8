package org.broadsheet.interchange;

import org.broadsheet.interchange.WordPressReport.Kind;

/** Runs one entry's work in a savepoint of the import's transaction. */
interface Savepoints {

	/** @return false when the work failed; it was rolled back, skipped and reported then */
	boolean run(Kind kind, String where, Runnable work);

}
