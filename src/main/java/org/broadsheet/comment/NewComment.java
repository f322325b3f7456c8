package org.broadsheet.comment;

/**
 * A comment as a reader sent it, for
 * {@link Comments#post(NewComment, java.time.Instant)}. Fields are as typed.
 *
 * @param parentId the comment replied to, or null
 * @param website optional, http or https
 * @param reader the reader cookie's value (random, never stored in clear), or null
 * @param address the client's IP address, for rate limits
 * @param formToken the token of the form as served ({@link Comments#formToken(long)})
 * @param honeypot the field people never see; anything in it marks a bot
 */
public record NewComment(long articleId, Long parentId, String name, String email, String website, String text,
		String reader, String address, String formToken, String honeypot) {
}
