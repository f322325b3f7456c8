package org.broadsheet.account;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Locale;

import jakarta.servlet.DispatcherType;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer;
import org.springframework.session.jdbc.config.annotation.web.http.EnableJdbcHttpSession;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.DefaultCookieSerializer;
import org.springframework.session.web.http.SessionRepositoryFilter;

/**
 * Newsroom sessions in the database when Broadsheet runs on PostgreSQL (Spring Session
 * JDBC, tables {@code SPRING_SESSION} and {@code SPRING_SESSION_ATTRIBUTES} from
 * migration V27), so that every node behind a load balancer knows every editor's session
 * and its CSRF token, and stopping a node signs nobody out. On SQLite (one node) the
 * servlet container keeps them in memory, as before: SQLite has one writer, and a session
 * write on every newsroom request would queue behind comments, likes and imports for no
 * gain.
 *
 * <p>
 * Readers never touch the table: Spring Session reads a session only for a request that
 * sends its cookie and writes one only when something creates it, and the reader chains
 * are stateless (their CSRF token is a cookie). The cookie keeps the container's name and
 * settings ({@code server.servlet.session.cookie.*}: {@code JSESSIONID}, HttpOnly,
 * SameSite=Lax, Secure when set), and sessions last
 * {@code server.servlet.session.timeout} (8 hours) without use. Each node deletes expired
 * sessions every minute ({@code broadsheet.sessions.cleanup-cron}, a Spring cron
 * expression; one indexed DELETE).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnExpression("'${spring.datasource.url:}'.startsWith('jdbc:postgresql:')")
@EnableJdbcHttpSession
class SharedSessions {

	@Bean
	SessionRepositoryCustomizer<JdbcIndexedSessionRepository> sessionLifetime(
			@Value("${server.servlet.session.timeout:8h}") Duration timeout,
			@Value("${broadsheet.sessions.cleanup-cron:0 * * * * *}") String cleanupCron) {
		return repository -> {
			repository.setDefaultMaxInactiveInterval(timeout);
			repository.setCleanupCron(cleanupCron);
		};
	}

	/**
	 * An attribute written by two requests of one session at once (two tabs) is an upsert
	 * instead of a duplicate-key error.
	 */
	@Bean
	PostgreSqlJdbcIndexedSessionRepositoryCustomizer concurrentAttributes() {
		return new PostgreSqlJdbcIndexedSessionRepositoryCustomizer();
	}

	/**
	 * The container's cookie, as {@code server.servlet.session.cookie.*} describes it
	 * (the page cache passes requests with {@code JSESSIONID} by, so the name stays).
	 */
	@Bean
	CookieSerializer sessionCookie(@Value("${server.servlet.session.cookie.name:JSESSIONID}") String name,
			@Value("${server.servlet.session.cookie.http-only:true}") boolean httpOnly,
			@Value("${server.servlet.session.cookie.same-site:lax}") String sameSite,
			@Value("${server.servlet.session.cookie.secure:false}") boolean secure) {
		var cookie = new DefaultCookieSerializer();
		cookie.setCookieName(name);
		cookie.setUseHttpOnlyCookie(httpOnly);
		cookie.setSameSite(sameSite.substring(0, 1).toUpperCase(Locale.ROOT) + sameSite.substring(1));
		if (secure) {
			cookie.setUseSecureCookie(true);
		}
		return cookie;
	}

	/**
	 * Before Spring Security, on error and async dispatches too (as Spring Boot registers
	 * it), so an error page in the newsroom sees the same session.
	 */
	@Bean
	FilterRegistrationBean<SessionRepositoryFilter<?>> sessionRepositoryFilterRegistration(
			SessionRepositoryFilter<?> filter) {
		var registration = new FilterRegistrationBean<SessionRepositoryFilter<?>>(filter);
		registration.setDispatcherTypes(EnumSet.of(DispatcherType.ASYNC, DispatcherType.ERROR, DispatcherType.REQUEST));
		registration.setOrder(SessionRepositoryFilter.DEFAULT_ORDER);
		return registration;
	}

}
