package org.broadsheet.interchange.bundle;

import java.nio.file.Path;

/**
 * A bundle that cannot be imported. The message reads {@code file:line: field: problem},
 * the line 1-based in the Markdown file (0 when the problem is the file as a whole).
 */
public class BundleException extends RuntimeException {

	private final Path file;

	private final int line;

	private final String field;

	BundleException(Path file, int line, String field, String problem) {
		super(file + ":" + line + ": " + (field == null ? "" : field + ": ") + problem);
		this.file = file;
		this.line = line;
		this.field = field;
	}

	/**
	 * @return the bundle file at fault
	 */
	public Path file() {
		return file;
	}

	/**
	 * @return 1-based line in the file, or 0 for the file as a whole
	 */
	public int line() {
		return line;
	}

	/**
	 * @return the front-matter field at fault, dotted for nested ones
	 * ({@code image.file}), or null
	 */
	public String field() {
		return field;
	}

}
