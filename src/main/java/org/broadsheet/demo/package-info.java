/**
 * Demo content and demo accounts, loaded on an empty database.
 */
@org.springframework.modulith.ApplicationModule(
		allowedDependencies = { "account", "article", "comment", "interchange :: bundle", "page" })
package org.broadsheet.demo;
