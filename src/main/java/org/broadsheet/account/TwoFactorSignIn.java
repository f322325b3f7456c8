package org.broadsheet.account;

import java.io.Serializable;
import java.time.Clock;
import java.time.Duration;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Component;

/**
 * The second step of signing in with two-factor sign-in on: the password was right, so
 * the session remembers which account is half signed in (never as signed in: no newsroom
 * page opens) for {@link #WINDOW}; the code page completes it. Code attempts count
 * against the same {@link LoginThrottle} as passwords.
 */
@Component
public class TwoFactorSignIn {

	/** How long after the password the code may come. */
	static final Duration WINDOW = Duration.ofMinutes(5);

	private static final String PENDING = TwoFactorSignIn.class.getName() + ".PENDING";

	/** How the code step ended. */
	public enum Outcome {

		/** Signed in. */
		SIGNED_IN,

		/** A wrong or used code: try again. */
		WRONG,

		/** Too many failed attempts: wait. */
		THROTTLED,

		/** No password step, or it is too old: sign in again. */
		EXPIRED

	}

	/**
	 * @param at UTC epoch milliseconds of the password step
	 */
	private record Pending(long accountId, long generation, String email, long at) implements Serializable {
	}

	private final Accounts accounts;

	private final TwoFactor twoFactor;

	private final LoginThrottle throttle;

	private final AccountSessions sessions;

	private final Clock clock;

	TwoFactorSignIn(Accounts accounts, TwoFactor twoFactor, LoginThrottle throttle, AccountSessions sessions,
			Clock clock) {
		this.accounts = accounts;
		this.twoFactor = twoFactor;
		this.throttle = throttle;
		this.sessions = sessions;
		this.clock = clock;
	}

	/** The password was right: remembers the account, in a new session id. */
	void begin(HttpServletRequest request, NewsroomAuthentication.SecondFactorRequired required) {
		var standing = required.standing();
		request.getSession(true);
		request.changeSessionId();
		request.getSession()
			.setAttribute(PENDING, new Pending(standing.account().id(), standing.generation(),
					standing.account().email(), clock.millis()));
	}

	/**
	 * @return whether this session's password step waits for its code
	 */
	public boolean pending(HttpServletRequest request) {
		return current(request) != null;
	}

	/**
	 * Completes sign-in with a code from the app or a recovery code.
	 * @param code as typed
	 * @return what happened; on {@link Outcome#SIGNED_IN} the session (with a new id) is
	 * signed in
	 */
	public Outcome complete(HttpServletRequest request, HttpServletResponse response, String code) {
		Pending pending = current(request);
		if (pending == null) {
			return Outcome.EXPIRED;
		}
		String address = request.getRemoteAddr();
		if (!throttle.reserve(pending.email(), address)) {
			return Outcome.THROTTLED;
		}
		var standing = accounts.standing(pending.accountId())
			.filter(s -> s.active() && s.generation() == pending.generation());
		if (standing.isEmpty()) {
			request.getSession().removeAttribute(PENDING);
			return Outcome.EXPIRED;
		}
		if (!twoFactor.verify(standing.get().account(), code)) {
			return Outcome.WRONG;
		}
		throttle.succeeded(pending.email(), address);
		request.getSession().removeAttribute(PENDING);
		request.changeSessionId();
		sessions.signIn(AccountSessions.token(standing.get()), request, response);
		return Outcome.SIGNED_IN;
	}

	private Pending current(HttpServletRequest request) {
		var session = request.getSession(false);
		if (session == null || !(session.getAttribute(PENDING) instanceof Pending pending)) {
			return null;
		}
		return clock.millis() - pending.at() <= WINDOW.toMillis() ? pending : null;
	}

}
