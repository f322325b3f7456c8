package org.broadsheet.site;

/**
 * A request parameter with a value out of range; answered 400 with its name
 * ({@link ErrorPages}).
 */
final class BadParameter extends RuntimeException {

	private final String name;

	BadParameter(String name) {
		super("bad value for " + name);
		this.name = name;
	}

	String name() {
		return name;
	}

}
