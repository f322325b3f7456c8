package org.broadsheet.adminapi;

/** Where the Admin API lives. */
final class AdminPaths {

	/** The base path of version 1; every endpoint is under it. */
	static final String BASE = "/api/admin/v1";

	private AdminPaths() {
	}

}
