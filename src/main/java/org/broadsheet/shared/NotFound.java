package org.broadsheet.shared;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * What was asked for by its id does not exist (or no longer does): a page answers 404
 * (RFC 9110 §15.5.5), a command reports it. Not for bad input, which names its field
 * instead.
 */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class NotFound extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final String what;

	private final transient Object id;

	/**
	 * @param what the kind of thing, e.g. {@code article}, {@code revision},
	 * {@code section}
	 * @param id its id as asked for
	 */
	public NotFound(String what, Object id) {
		super("no " + what + " " + id);
		this.what = what;
		this.id = id;
	}

	/**
	 * @return the kind of thing that was not found, e.g. {@code article}
	 */
	public String what() {
		return what;
	}

	/**
	 * @return the id asked for
	 */
	public Object id() {
		return id;
	}

}
