package org.broadsheet.delivery;

import java.io.IOException;

import jakarta.servlet.ServletException;

import org.apache.catalina.connector.ClientAbortException;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.apache.coyote.CloseNowException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Cache hits answered in Tomcat's context pipeline, before the container builds the
 * request's filter chain: building it takes a lock shared by every request (a JFR profile
 * of cached front pages under 64 connections had 191 waits over 10 ms in 15 s on it), and
 * a hit needs none of the filters. The valve runs after the host's
 * {@code SiteErrorReport}, so a hit carries the same security headers as any response;
 * misses go on to {@link PageCacheFilter}.
 */
final class PageCacheValve extends ValveBase {

	private static final Logger log = LoggerFactory.getLogger(PageCacheValve.class);

	private final ObjectProvider<PageCacheFilter> filter;

	/**
	 * The filter once the application has made it (looking it up per request costs a
	 * quarter of a hit).
	 */
	private volatile PageCacheFilter pages;

	PageCacheValve(ObjectProvider<PageCacheFilter> filter) {
		super(true);
		this.filter = filter;
	}

	@Override
	public void invoke(Request request, Response response) throws IOException, ServletException {
		PageCacheFilter pages = this.pages;
		if (pages == null) {
			pages = filter.getIfAvailable();
			this.pages = pages;
		}
		try {
			if (pages == null || !pages.answered(request, response)) {
				getNext().invoke(request, response);
			}
		}
		catch (ClientAbortException | CloseNowException ex) {
			// The reader went away mid-page (closed the tab, lost the network): nothing
			// to answer, and
			// no error (the filter chain's own valve logs these at DEBUG too).
			log.debug("Client gone while sending {}: {}", request.getRequestURI(), ex.toString());
		}
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(TomcatServletWebServerFactory.class)
	static class Registration {

		@Bean
		WebServerFactoryCustomizer<TomcatServletWebServerFactory> pageCacheValve(
				ObjectProvider<PageCacheFilter> filter) {
			return factory -> factory.addContextValves(new PageCacheValve(filter));
		}

	}

}
