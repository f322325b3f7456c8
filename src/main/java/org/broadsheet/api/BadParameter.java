package org.broadsheet.api;

/**
 * A query parameter the Content API cannot use: answered 400 with a problem detail naming
 * it ({@link ContentApiErrors}).
 */
final class BadParameter extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final String parameter;

	/**
	 * @param parameter the query parameter's name, as the client sent it
	 * @param detail what is wrong with it, in English
	 */
	BadParameter(String parameter, String detail) {
		super(detail);
		this.parameter = parameter;
	}

	String parameter() {
		return parameter;
	}

}
