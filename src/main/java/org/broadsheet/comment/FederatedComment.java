package org.broadsheet.comment;

/**
 * A reply received from the fediverse (an ActivityPub {@code Note}), for
 * {@link FederatedComments#receive(FederatedComment, java.time.Instant)}.
 *
 * @param articleId the article replied to
 * @param parentId the comment replied to, or null for a new thread
 * @param actorId the author's actor id (an https URL), who signed the delivery
 * @param objectId the Note's id; the same id received again is the same comment
 * @param name the author's display name (their {@code name}, else
 * {@code preferredUsername})
 * @param profileUrl the author's profile page, http(s)
 * @param avatarUrl the author's avatar, https, or null
 * @param text the Note's content as plain text (links as their addresses)
 */
public record FederatedComment(long articleId, Long parentId, String actorId, String objectId, String name,
		String profileUrl, String avatarUrl, String text) {
}
