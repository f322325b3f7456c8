/**
 * The inboxes: signed activities POSTed by other servers, verified, then handed to the
 * {@link org.broadsheet.fediverse.inbox.InboxHandler} of their type (follows, likes,
 * boosts, replies that become comments, their deletions and updates).
 */
package org.broadsheet.fediverse.inbox;
