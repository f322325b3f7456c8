package org.broadsheet.account;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.broadsheet.shared.Problems;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.authentication.preauth.PreAuthenticatedAuthenticationToken;

/**
 * Admin API sign-in: a bearer token ({@code Authorization: Bearer bsk_…}, RFC 6750) that
 * names an active {@link ApiKeys API key} becomes an {@link ApiKeyActor} principal with
 * its role's authority. Refusals are RFC 9457 problem details: 401 with
 * {@code WWW-Authenticate: Bearer} for a missing, unknown or revoked key, 403 for a role
 * too low.
 */
final class ApiKeyAuthentication implements AuthenticationProvider {

	private final ApiKeys keys;

	ApiKeyAuthentication(ApiKeys keys) {
		this.keys = keys;
	}

	/**
	 * @return the token of an {@code Authorization: Bearer} header, unauthenticated; null
	 * without one
	 */
	static Authentication bearer(HttpServletRequest request) {
		String token = Problems.bearer(request);
		// The secret is the credentials only: a principal shows in logs and toString().
		return token == null ? null : new PreAuthenticatedAuthenticationToken("api-key", token);
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		var actor = keys.authenticate(String.valueOf(authentication.getCredentials()))
			.orElseThrow(() -> new BadCredentialsException("unknown or revoked API key"));
		return new PreAuthenticatedAuthenticationToken(actor, null,
				List.of(new SimpleGrantedAuthority(actor.role().authority())));
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return PreAuthenticatedAuthenticationToken.class.isAssignableFrom(authentication);
	}

	/**
	 * Answers a refused request with an RFC 9457 problem.
	 * @param status 401 or 403
	 * @param detail what to do about it, in English
	 */
	static void refuse(HttpServletResponse response, HttpStatus status, String detail) throws IOException {
		if (status == HttpStatus.UNAUTHORIZED) {
			response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"Broadsheet Admin API\"");
		}
		Problems.write(response, status, detail, null);
	}

}
