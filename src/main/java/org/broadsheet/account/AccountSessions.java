package org.broadsheet.account;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Keeps newsroom sessions true to the account as stored, on every node and on both
 * databases (in-memory sessions on SQLite, Spring Session JDBC on PostgreSQL): each
 * newsroom request reads its account (one primary-key lookup). A session of a disabled or
 * deleted account, or of an older session generation (password changed elsewhere), is
 * ended there and then; a changed role or name takes effect at once.
 */
@Component
public class AccountSessions {

	private final Accounts accounts;

	private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

	AccountSessions(Accounts accounts) {
		this.accounts = accounts;
	}

	/**
	 * @return the signed-in token for an account as stored now (its role's authority)
	 */
	static Authentication token(Standing standing) {
		return UsernamePasswordAuthenticationToken.authenticated(
				new NewsroomUser(standing.account(), standing.generation()), null,
				List.of(new SimpleGrantedAuthority(standing.account().role().authority())));
	}

	/**
	 * Makes the current request's session that of the account as stored now: after the
	 * account changed its own password (which ended its other sessions), it keeps this
	 * one.
	 */
	public void renew(HttpServletRequest request, HttpServletResponse response) {
		if (SecurityContextHolder.getContext().getAuthentication() != null
				&& SecurityContextHolder.getContext().getAuthentication().getPrincipal() instanceof NewsroomUser user) {
			accounts.standing(user.account().id())
				.filter(Standing::active)
				.ifPresent(standing -> signIn(token(standing), request, response));
		}
	}

	/** Puts {@code authentication} into a new security context and the session. */
	void signIn(Authentication authentication, HttpServletRequest request, HttpServletResponse response) {
		var context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(authentication);
		SecurityContextHolder.setContext(context);
		contexts.saveContext(context, request, response);
	}

	/**
	 * @return the filter that checks each newsroom request, for the newsroom's security
	 * chain (not a bean: it would also run on every other request)
	 */
	Filter filter() {
		return new OncePerRequestFilter() {

			@Override
			protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
					throws ServletException, IOException {
				check(request, response);
				chain.doFilter(request, response);
			}

		};
	}

	private void check(HttpServletRequest request, HttpServletResponse response) {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || !(authentication.getPrincipal() instanceof NewsroomUser user)) {
			return;
		}
		var standing = accounts.standing(user.account().id());
		if (standing.isEmpty() || !standing.get().active() || standing.get().generation() != user.generation()) {
			SecurityContextHolder.clearContext();
			var session = request.getSession(false);
			if (session != null) {
				session.invalidate();
			}
			return;
		}
		if (!standing.get().account().equals(user.account())) {
			signIn(token(standing.get()), request, response);
		}
	}

}
