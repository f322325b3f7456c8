package org.broadsheet.comment;

import java.util.Map;

/**
 * A comment that was not stored. {@link #problems()} maps each field at fault
 * ({@code name}, {@code email}, {@code website}, {@code text}, {@code parent},
 * {@code form}) to a message key in {@code messages.properties}.
 */
public class CommentRejected extends RuntimeException {

	/** Why, for the HTTP status: bad input (400) or comments closed (403). */
	public enum Reason {

		INVALID, CLOSED

	}

	private final Reason reason;

	private final Map<String, String> problems;

	/**
	 * @param problems field → message key
	 */
	CommentRejected(Reason reason, Map<String, String> problems) {
		super(problems.toString());
		this.reason = reason;
		this.problems = Map.copyOf(problems);
	}

	static CommentRejected invalid(Map<String, String> problems) {
		return new CommentRejected(Reason.INVALID, problems);
	}

	/**
	 * @return why it was refused: bad input (answered 400) or comments closed (403)
	 */
	public Reason reason() {
		return reason;
	}

	/**
	 * @return field → message key, in no particular order
	 */
	public Map<String, String> problems() {
		return problems;
	}

}
