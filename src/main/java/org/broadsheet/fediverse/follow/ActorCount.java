package org.broadsheet.fediverse.follow;

/**
 * One local actor's followers.
 *
 * @param actorKey {@code site}, {@code author:<id>} or {@code section:<id>}
 * @param accepted followers who get its activities
 * @param pending followers waiting for approval
 */
public record ActorCount(String actorKey, long accepted, long pending) {
}
