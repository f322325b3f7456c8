package org.broadsheet.newsletter.admin;

import java.util.List;
import java.util.Map;

/**
 * What an import did.
 *
 * @param fileName the file's name as uploaded (without folders)
 * @param service what the file was recognised as, e.g. {@code Ghost members export}
 * @param imported new subscribers, active with a consent record
 * @param updated subscribers already here, put on more lists or confirmed
 * @param skipped rows left out, by reason: a message key ({@code subscribers.skipped.…})
 * taking the count as its argument
 * @param rejected rows refused, in file order, at most {@link SubscriberImport#MAX_SHOWN}
 * @param rejectedCount every row refused
 */
public record ImportReport(String fileName, String service, int imported, int updated, Map<String, Integer> skipped,
		List<Rejection> rejected, int rejectedCount) {

	/**
	 * @return rows skipped, every reason together
	 */
	public int skippedCount() {
		return skipped.values().stream().mapToInt(Integer::intValue).sum();
	}

	/**
	 * A row refused.
	 *
	 * @param line the row's number in the file, the header being line 1 (a quoted value
	 * spanning lines counts once)
	 * @param column the header of the column at fault
	 * @param reason a message key ({@code subscribers.rejected.…})
	 * @param argument the message's argument (the value at fault, or the line of the
	 * first occurrence of a duplicate); may be empty
	 */
	public record Rejection(long line, String column, String reason, String argument) {
	}

}
