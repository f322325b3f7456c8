package org.broadsheet.account;

/**
 * A process the operator started rather than a person signed in: it holds every
 * {@link Permission}, and the audit log names it.
 *
 * @param name lower-case, at most 40 characters, e.g. {@code scheduler},
 * {@code wordpress-import}
 */
public record SystemActor(String name) implements Actor {

	/** Scheduled publishing and unpublishing. */
	public static final SystemActor SCHEDULER = new SystemActor("scheduler");

	/** {@code broadsheet import}: article bundles. */
	public static final SystemActor BUNDLE_IMPORT = new SystemActor("bundle-import");

	/** {@code broadsheet import-wordpress}. */
	public static final SystemActor WORDPRESS_IMPORT = new SystemActor("wordpress-import");

	/** {@code broadsheet user add}: the operator at the command line. */
	public static final SystemActor CLI = new SystemActor("cli");

	/** The demo content of a first run. */
	public static final SystemActor DEMO = new SystemActor("demo");

	public SystemActor {
		if (name == null || !name.matches("[a-z][a-z0-9-]{0,39}")) {
			throw new IllegalStateException("a system actor's name is lower-case, at most 40 characters: " + name);
		}
	}

	@Override
	public Long accountId() {
		return null;
	}

	@Override
	public Role role() {
		return Role.ADMINISTRATOR;
	}

	@Override
	public String label() {
		return name;
	}

}
