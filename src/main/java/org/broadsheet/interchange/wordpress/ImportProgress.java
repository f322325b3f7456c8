package org.broadsheet.interchange.wordpress;

/**
 * Told how far an import is, often; {@code done} and {@code total} are in the phase's own
 * units.
 */
@FunctionalInterface
public interface ImportProgress {

	/**
	 * @param phase "checking" (bytes of the file) or "importing" (items)
	 */
	void update(String phase, long done, long total);

}
