/**
 * Signing and verifying HTTP messages between fediverse servers, and fetching remote
 * documents safely (docs/fediverse.md, "Signatures and fetching"):
 * {@link org.broadsheet.fediverse.signature.HttpSignatures} signs and verifies requests
 * in the two styles peers use, draft-cavage-http-signatures-12 (Mastodon's
 * {@code Signature} header with {@code Digest}) and RFC 9421
 * ({@code Signature-Input}/{@code Signature} with RFC 9530 {@code Content-Digest});
 * {@link org.broadsheet.fediverse.signature.RemoteDocuments} GETs ActivityPub documents
 * with an SSRF guard, size and time limits and manual redirects;
 * {@link org.broadsheet.fediverse.signature.RemoteKeys} resolves and caches peers' public
 * keys. Used by the inbox and the delivery queue of the same module.
 */
package org.broadsheet.fediverse.signature;
