package org.broadsheet.site;

import java.time.Duration;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.broadsheet.comment.Likes;
import org.springframework.http.ResponseCookie;
import org.springframework.web.util.WebUtils;

/**
 * The reader cookie: a random id (no personal data) set when a reader first comments or likes,
 * so that they see their own held comments and like an article once. HttpOnly, SameSite=Lax,
 * Secure on HTTPS, kept for a year.
 */
final class ReaderCookie {

	static final String NAME = "broadsheet_reader";

	private ReaderCookie() {
	}

	/** @return the value if it is a reader id, else null (forged or damaged cookies are ignored) */
	static String valid(String value) {
		return Likes.isReader(value) ? value : null;
	}

	/** @return the request's reader id, or a new one set on the response */
	static String ensure(HttpServletRequest request, HttpServletResponse response) {
		var cookie = WebUtils.getCookie(request, NAME);
		String value = cookie == null ? null : valid(cookie.getValue());
		if (value == null) {
			value = Likes.newReader();
			response.addHeader("Set-Cookie", ResponseCookie.from(NAME, value).path("/").httpOnly(true).sameSite("Lax")
				.secure(request.isSecure()).maxAge(Duration.ofDays(365)).build().toString());
		}
		return value;
	}

}
