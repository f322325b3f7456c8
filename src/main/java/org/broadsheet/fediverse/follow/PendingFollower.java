package org.broadsheet.fediverse.follow;

/**
 * A follower waiting for approval.
 *
 * @param id its {@code fediverse_follower.id}, for {@link #approve} and {@link #reject}
 * @param actorKey the local actor it follows
 * @param follower its actor id (a URL)
 * @param createdAt when it followed, UTC epoch milliseconds
 */
public record PendingFollower(long id, String actorKey, String follower, long createdAt) {
}
