package org.broadsheet.account;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Signs newsroom accounts in by email and password, behind the {@link LoginThrottle}; an
 * account with two-factor sign-in is not signed in yet ({@link SecondFactorRequired}). A
 * wrong password and an unknown email fail alike, and take about as long (a hash is
 * always checked). The newsroom chain's only authentication manager
 * ({@code SecurityConfiguration}): registered twice, each failure would be checked and
 * counted twice.
 */
@Component
class NewsroomAuthentication implements AuthenticationProvider {

	/** Thrown when too many sign-ins failed; the login page explains. */
	static final class Throttled extends AuthenticationException {

		Throttled() {
			super("Too many failed sign-ins");
		}

	}

	/**
	 * The password was right and the account signs in with a second factor: the session
	 * is not signed in; {@link TwoFactorSignIn} asks for the code.
	 */
	static final class SecondFactorRequired extends AuthenticationException {

		private final transient Standing standing;

		SecondFactorRequired(Standing standing) {
			super("A second factor is required");
			this.standing = standing;
		}

		Standing standing() {
			return standing;
		}

	}

	private final Accounts accounts;

	private final PasswordEncoder passwords;

	private final LoginThrottle throttle;

	/**
	 * Checked against when the email is unknown, so that both failures cost one hash
	 * check.
	 */
	private final String decoyHash;

	NewsroomAuthentication(Accounts accounts, PasswordEncoder passwords, LoginThrottle throttle) {
		this.accounts = accounts;
		this.passwords = passwords;
		this.throttle = throttle;
		this.decoyHash = passwords.encode("decoy password that matches nothing");
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		String email = authentication.getName();
		String password = String.valueOf(authentication.getCredentials());
		String address = authentication.getDetails() instanceof WebAuthenticationDetails details
				? details.getRemoteAddress() : "unknown";
		// Reserved before the (slow) hash check: parallel guesses cannot all pass a
		// check-then-count.
		if (!throttle.reserve(email, address)) {
			throw new Throttled();
		}
		var account = accounts.byEmail(email);
		String hash = account.flatMap(a -> accounts.passwordHash(a.email())).orElse(decoyHash);
		if (!passwords.matches(password, hash) || account.isEmpty()) {
			throw new BadCredentialsException("Wrong email or password");
		}
		var standing = accounts.standing(account.get().id())
			.filter(Standing::active)
			.orElseThrow(() -> new BadCredentialsException("Wrong email or password"));
		if (standing.twoFactor()) {
			// The attempt stays counted until the code is right too.
			throw new SecondFactorRequired(standing);
		}
		throttle.succeeded(email, address);
		return AccountSessions.token(standing);
	}

	@Override
	public boolean supports(Class<?> type) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(type);
	}

}
