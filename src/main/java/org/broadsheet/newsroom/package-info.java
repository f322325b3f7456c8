/**
 * The editors' pages under {@code /newsroom}: articles, revisions, review, scheduling,
 * media, people and topics, comment moderation, accounts, API keys, webhooks, site
 * settings, newsletter subscribers and sends, the fediverse (followers, deliveries,
 * blocks).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "account", "api", "article", "author",
		"comment", "fediverse :: follow", "fediverse :: delivery", "fediverse :: interaction", "media", "newsletter",
		"newsletter :: admin", "newsletter :: digest", "newsletter :: sending", "page", "settings", "shared", "site",
		"taxonomy", "webhook" })
package org.broadsheet.newsroom;
