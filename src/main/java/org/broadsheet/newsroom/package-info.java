/**
 * The editors' pages under {@code /newsroom}: articles, revisions, review, scheduling,
 * media, people and topics, comment moderation.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "account", "api", "article", "author",
		"comment", "media", "shared", "site", "taxonomy" })
package org.broadsheet.newsroom;
