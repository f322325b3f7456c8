package org.broadsheet.site;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.broadsheet.comment.Comments;
import org.broadsheet.delivery.ResponsePart;
import org.springframework.stereotype.Component;

/**
 * The comment form's signed token in a cached article page ({@code comment-token}
 * placeholder, argument the article id): issued when the page is served, so its minimum
 * fill time and maximum age count from then, not from when the page was rendered.
 */
@Component
class CommentTokenPart implements ResponsePart {

	static final String NAME = "comment-token";

	private final Comments comments;

	CommentTokenPart(Comments comments) {
		this.comments = comments;
	}

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public String value(String argument, HttpServletRequest request, HttpServletResponse response) {
		return comments.formToken(Long.parseLong(argument));
	}

}
