package org.broadsheet.site;

import java.time.Duration;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.broadsheet.comment.Likes;
import org.springframework.http.ResponseCookie;
import org.springframework.web.util.WebUtils;

/**
 * The reader cookie: a random id (no personal data) set when a reader first comments or
 * likes, so that they see their own held comments and like an article once. HttpOnly,
 * SameSite=Lax, Secure on HTTPS, kept for a year.
 */
final class ReaderCookie {

	static final String NAME = "broadsheet_reader";

	private ReaderCookie() {
	}

	/**
	 * The cookie as the browser sent it: not percent-decoded (as {@code @CookieValue}
	 * would, failing on {@code %zz}), since a reader id is plain hex.
	 * @return the request's reader id, or null when it has none or a forged or damaged
	 * one
	 */
	static String of(HttpServletRequest request) {
		var cookie = WebUtils.getCookie(request, NAME);
		return cookie != null && Likes.isReader(cookie.getValue()) ? cookie.getValue() : null;
	}

	/**
	 * @return the request's reader id, or a new one set on the response
	 */
	static String ensure(HttpServletRequest request, HttpServletResponse response) {
		String value = of(request);
		if (value == null) {
			value = Likes.newReader();
			response.addHeader("Set-Cookie",
					ResponseCookie.from(NAME, value)
						.path("/")
						.httpOnly(true)
						.sameSite("Lax")
						.secure(request.isSecure())
						.maxAge(Duration.ofDays(365))
						.build()
						.toString());
		}
		return value;
	}

}
