package org.broadsheet.account;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.broadsheet.delivery.ResponsePart;
import org.broadsheet.delivery.ResponseRandom;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.DefaultCsrfToken;
import org.springframework.security.web.csrf.XorCsrfTokenRequestAttributeHandler;
import org.springframework.stereotype.Component;

/**
 * The readers' CSRF token in a cached page ({@code csrf} placeholder): the reader's
 * cookie token, or a new one set as a cookie, masked per response exactly as Spring
 * Security's own filter masks it (BREACH protection), so the POST checks it as usual.
 */
@Component
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class ReaderCsrfPart implements ResponsePart {

	static final String NAME = "csrf";

	private final CookieCsrfTokenRepository tokens;

	private final XorCsrfTokenRequestAttributeHandler masking = SecurityConfiguration.masking();

	ReaderCsrfPart(CookieCsrfTokenRepository tokens) {
		this.tokens = tokens;
	}

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public String value(String argument, HttpServletRequest request, HttpServletResponse response) {
		CsrfToken loaded = tokens.loadToken(request);
		if (loaded == null) {
			// Not tokens.generateToken: its UUID.randomUUID() queues every thread on one
			// lock.
			loaded = new DefaultCsrfToken(SecurityConfiguration.CSRF_HEADER, SecurityConfiguration.CSRF_PARAMETER,
					ResponseRandom.uuid());
			tokens.saveToken(loaded, request, response);
		}
		CsrfToken token = loaded;
		masking.handle(request, response, () -> token);
		return ((CsrfToken) request.getAttribute(CsrfToken.class.getName())).getToken();
	}

}
