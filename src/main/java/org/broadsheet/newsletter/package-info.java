/**
 * Newsletters: readers subscribe to lists (the site, a section, an author) with double
 * opt-in, and published articles and digests go to them by e-mail through the outlet's
 * own SMTP server (Jakarta Mail, {@code spring.mail.*}) from a durable queue in the
 * database (tables of migration V42), each recipient sent at most once. Sub-packages:
 * {@code subscription} (sign-up, confirmation, preferences, one-click unsubscribe,
 * consent), {@code mail} (the e-mail of an article or digest: HTML, plain text, headers,
 * DKIM), {@code sending} (sends, claims, delivery, bounces), {@code admin} (subscribers,
 * import, export for the newsroom).
 */
@org.springframework.modulith.ApplicationModule(
		allowedDependencies = { "account", "article", "author", "media", "settings", "shared", "site", "taxonomy" })
package org.broadsheet.newsletter;
