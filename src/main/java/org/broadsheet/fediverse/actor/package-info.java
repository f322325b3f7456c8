/**
 * The site's fediverse actors (ActivityPub, W3C Recommendation 2018): the publication
 * ({@code Organization}), its authors ({@code Person}) and the sections editors made
 * actors ({@code Group}), each with an RSA key pair stored on first need; their actor
 * documents, WebFinger (RFC 7033), NodeInfo 2.1, and the {@code Article} objects and
 * actor documents that article and author pages answer to ActivityPub requests. See
 * docs/fediverse.md.
 */
package org.broadsheet.fediverse.actor;
