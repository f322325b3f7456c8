/**
 * Publishing articles to followers (ActivityPub §7.1, §7.2, §7.3, §7.11): {@code Create}
 * of the {@code Article} when an article is first published, with an {@code Announce} of
 * it by the publication and (when it is an actor) the section, {@code Update} when what
 * readers see of it changes, {@code Undo} of the {@code Announce}s and {@code Delete}
 * with a {@code Tombstone} when it stops being public; each queued once per follower's
 * inbox. And each actor's {@code outbox}.
 */
package org.broadsheet.fediverse.publish;
