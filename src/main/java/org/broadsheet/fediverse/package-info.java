/**
 * The publication, its sections and its authors on the fediverse (ActivityPub, W3C
 * Recommendation 2018): actors found by WebFinger (RFC 7033), NodeInfo 2.1, articles sent
 * to followers and replies received as comments, every request signed and verified (HTTP
 * Signatures: draft-cavage-http-signatures-12 and RFC 9421). Sub-packages: {@code actor}
 * (actors, keys, WebFinger, NodeInfo, content negotiation), {@code signature} (signing
 * and verifying HTTP messages, fetching remote documents and posting to inboxes safely),
 * {@code inbox} (the inboxes), {@code follow} (followers), {@code delivery} (the durable
 * queue of outgoing activities), {@code publish} (articles sent to followers, the
 * outbox).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "account", "article", "author", "comment",
		"delivery", "media", "settings", "shared", "site", "taxonomy" })
package org.broadsheet.fediverse;
