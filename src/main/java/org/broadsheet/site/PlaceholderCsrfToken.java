package org.broadsheet.site;

import org.broadsheet.delivery.ResponsePart;
import org.springframework.security.web.csrf.CsrfToken;

/**
 * The CSRF token of a page rendered for the page cache: a placeholder for the token that
 * each response gets spliced in (the account module's {@code csrf} part), so no reader's
 * token is ever stored, and rendering sets no cookie.
 */
final class PlaceholderCsrfToken implements CsrfToken {

	static final PlaceholderCsrfToken INSTANCE = new PlaceholderCsrfToken();

	private static final String TOKEN = ResponsePart.placeholder("csrf", "");

	private PlaceholderCsrfToken() {
	}

	@Override
	public String getHeaderName() {
		return "X-XSRF-TOKEN";
	}

	@Override
	public String getParameterName() {
		return "_csrf";
	}

	@Override
	public String getToken() {
		return TOKEN;
	}

}
