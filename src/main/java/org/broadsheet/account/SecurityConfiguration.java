package org.broadsheet.account;

import java.time.Duration;
import java.util.List;

import org.broadsheet.delivery.ResponseRandom;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.AuthenticationFilter;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.XorCsrfTokenRequestAttributeHandler;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.IpAddressMatcher;

/**
 * Spring Security: form sign-in for the newsroom, CSRF on every state change (the
 * session's token in the newsroom, a cookie's on readers' pages), the session id changed
 * at sign-in, and security headers. Four chains, tried in order: Actuator (metrics from
 * allowed addresses), the Admin API (API keys as bearer tokens, no session, no CSRF
 * token), the newsroom (never cached) and the reader site (caching left to the site:
 * ETags, CDNs).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class SecurityConfiguration {

	/**
	 * The readers' CSRF token's header and form field (Spring Security's defaults, named
	 * here for {@link ReaderCsrfPart}).
	 */
	static final String CSRF_HEADER = "X-XSRF-TOKEN";

	static final String CSRF_PARAMETER = "_csrf";

	/** The Admin API, for scripts with an API key. */
	static final String ADMIN_API = "/api/admin/**";

	/**
	 * One-click unsubscribe (RFC 8058): a mail client POSTs there without any cookie or
	 * token; the signed link in the address authenticates, so exactly this path (POST)
	 * goes without a CSRF token.
	 */
	static final String ONE_CLICK_UNSUBSCRIBE = "/newsletter/unsubscribe";

	/** Pages behind sign-in, and the sign-in pages themselves. */
	static final String[] NEWSROOM = { "/newsroom", "/newsroom/**", "/login", "/login/**", "/logout" };

	/**
	 * Actuator: health and its probes for anyone (a load balancer; no details), metrics
	 * only from {@code broadsheet.metrics.allowed-from} (addresses or CIDR ranges; the
	 * client's address as Tomcat's RemoteIpValve resolved it behind trusted proxies).
	 */
	@Bean
	@Order(0)
	SecurityFilterChain operations(HttpSecurity http,
			@Value("${broadsheet.metrics.allowed-from:127.0.0.1/32,::1/128}") List<String> allowedFrom)
			throws Exception {
		List<IpAddressMatcher> allowed = allowedFrom.stream()
			.map(String::strip)
			.filter(a -> !a.isEmpty())
			.map(IpAddressMatcher::new)
			.toList();
		http.securityMatcher("/actuator", "/actuator/**")
			.authorizeHttpRequests(requests -> requests.requestMatchers("/actuator/health", "/actuator/health/**")
				.permitAll()
				.anyRequest()
				.access((authentication, context) -> new AuthorizationDecision(
						allowed.stream().anyMatch(matcher -> matcher.matches(context.getRequest())))))
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.headers(headers -> headers.cacheControl(cache -> cache.disable()));
		return headers(http).build();
	}

	/**
	 * The Admin API ({@code /api/admin/**}): API keys as bearer tokens, no session and no
	 * CSRF token (no cookie authenticates a request, so no other site can forge one).
	 */
	@Bean
	@Order(1)
	SecurityFilterChain adminApi(HttpSecurity http, ApiKeys keys) throws Exception {
		var bearer = new AuthenticationFilter(new ProviderManager(new ApiKeyAuthentication(keys)),
				ApiKeyAuthentication::bearer);
		bearer.setSuccessHandler((request, response, authentication) -> {
		});
		bearer.setFailureHandler((request, response, ex) -> ApiKeyAuthentication.refuse(response,
				HttpStatus.UNAUTHORIZED, "the API key is unknown or revoked"));
		http.securityMatcher(ADMIN_API)
			.authorizeHttpRequests(requests -> requests.anyRequest().hasRole(Role.CONTRIBUTOR.name()))
			.addFilterBefore(bearer, AnonymousAuthenticationFilter.class)
			.csrf(csrf -> csrf.disable())
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.exceptionHandling(exceptions -> exceptions
				.authenticationEntryPoint((request, response, ex) -> ApiKeyAuthentication.refuse(response,
						HttpStatus.UNAUTHORIZED, "send an API key: Authorization: Bearer bsk_…"))
				.accessDeniedHandler((request, response, ex) -> ApiKeyAuthentication.refuse(response,
						HttpStatus.FORBIDDEN, "this API key's role may not do this")));
		return headers(http).build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain newsroom(HttpSecurity http, NewsroomAuthentication authentication, TwoFactorSignIn twoFactor,
			AccountSessions sessions) throws Exception {
		http.securityMatcher(NEWSROOM)
			// The sign-in pages: password, second factor, forgotten password.
			.authorizeHttpRequests(requests -> requests.requestMatchers("/login", "/login/**")
				.permitAll()
				.anyRequest()
				.hasRole(Role.CONTRIBUTOR.name()))
			// The chain's own manager, without the global one as parent: Spring Boot also
			// registers
			// every AuthenticationProvider bean globally, and a failed local check would
			// then be
			// tried (and counted by the throttle) a second time there.
			.authenticationManager(new ProviderManager(authentication))
			.formLogin(form -> form.loginPage("/login")
				.usernameParameter("email")
				.passwordParameter("password")
				.defaultSuccessUrl("/newsroom", true)
				.failureHandler((request, response, ex) -> {
					if (ex instanceof NewsroomAuthentication.SecondFactorRequired required) {
						twoFactor.begin(request, required);
						response.sendRedirect("/login/code");
						return;
					}
					response.sendRedirect(
							ex instanceof NewsroomAuthentication.Throttled ? "/login?throttled" : "/login?error");
				}))
			// Every newsroom request checks its account is still active, in this
			// session's
			// generation.
			.addFilterBefore(sessions.filter(), AuthorizationFilter.class)
			.logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?signedOut"))
			.sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()));
		return headers(http).build();
	}

	@Bean
	@Order(3)
	SecurityFilterChain site(HttpSecurity http, CookieCsrfTokenRepository tokens) throws Exception {
		http.authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
			.csrf(csrf -> csrf.csrfTokenRepository(tokens)
				.csrfTokenRequestHandler(masking())
				.ignoringRequestMatchers(
						PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, ONE_CLICK_UNSUBSCRIBE),
						// The fediverse inboxes: other servers POST there, and the HTTP
						// signature authenticates each request (fediverse.inbox).
						PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/ap/inbox"),
						PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/ap/site/inbox"),
						PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/ap/authors/{id}/inbox"),
						PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/ap/sections/{id}/inbox")))
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.headers(headers -> headers.cacheControl(cache -> cache.disable()));
		return headers(http).build();
	}

	/**
	 * Readers' forms (comments, likes) carry a token that matches a cookie (double
	 * submit): no session, so any node can take the POST. The cookie outlives the browser
	 * session (a restored tab's form still works) and the comment form's own day-long
	 * validity. Cached pages get the token spliced in per response
	 * ({@link ReaderCsrfPart}).
	 */
	@Bean
	static CookieCsrfTokenRepository readerCsrfTokens() {
		var tokens = new CookieCsrfTokenRepository();
		tokens.setHeaderName(CSRF_HEADER);
		tokens.setParameterName(CSRF_PARAMETER);
		tokens.setCookieCustomizer(cookie -> cookie.sameSite("Lax").maxAge(Duration.ofDays(30)));
		return tokens;
	}

	/**
	 * BREACH masking of the token in each response, with randomness that does not
	 * serialize threads.
	 */
	static XorCsrfTokenRequestAttributeHandler masking() {
		var masking = new XorCsrfTokenRequestAttributeHandler();
		masking.setSecureRandom(ResponseRandom.INSTANCE);
		return masking;
	}

	private static HttpSecurity headers(HttpSecurity http) throws Exception {
		// The same headers as SecurityHeaders, which covers the responses no chain sees.
		return http.headers(headers -> headers
			.contentSecurityPolicy(csp -> csp.policyDirectives(SecurityHeaders.CONTENT_SECURITY_POLICY))
			.frameOptions(frame -> frame.sameOrigin())
			.referrerPolicy(referrer -> referrer.policy(SecurityHeaders.REFERRER)));
	}

	/** Each role has the capabilities of the roles below it. */
	@Bean
	static RoleHierarchy roleHierarchy() {
		return RoleHierarchyImpl.fromHierarchy("""
				ROLE_ADMINISTRATOR > ROLE_EDITOR
				ROLE_EDITOR > ROLE_AUTHOR
				ROLE_AUTHOR > ROLE_CONTRIBUTOR""");
	}

}
