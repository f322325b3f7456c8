/**
 * Following (ActivityPub §7.5, §7.6): {@code Follow} and {@code Undo} of a follow
 * received in the inboxes, the followers kept in {@code fediverse_follower}, the
 * {@code Accept} queued to each new follower, and each actor's {@code followers}
 * collection. Named interface {@code follow}: the newsroom's fediverse page uses its
 * public types.
 */
@org.springframework.modulith.NamedInterface("follow")
package org.broadsheet.fediverse.follow;
