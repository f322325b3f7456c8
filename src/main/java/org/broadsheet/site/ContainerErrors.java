package org.broadsheet.site;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.ServletException;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.broadsheet.account.SecurityHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Every response carries the security headers and every error page is the site's, also
 * for requests Tomcat refuses before the application sees them (a path it cannot decode
 * or normalise, such as {@code /%zz} or {@code /%2e%2e/}; a malformed request line).
 * Tomcat's own error report valve is replaced by {@link SiteErrorReport}.
 */
@Configuration(proxyBeanMethods = false)
class ContainerErrors {

	@Bean
	WebServerFactoryCustomizer<TomcatServletWebServerFactory> siteErrorReport(ObjectProvider<ErrorPages> pages) {
		return factory -> factory.addContextCustomizers(context -> {
			if (context.getParent() instanceof StandardHost host) {
				// The host adds a valve of this class only if it has none yet.
				host.setErrorReportValveClass(SiteErrorReport.class.getName());
				host.getPipeline().addValve(new SiteErrorReport(pages));
			}
		});
	}

	/**
	 * The host's first valve: writes the security headers before anything else answers
	 * (Spring Security's writers leave headers already present alone), and renders the
	 * site's error page for an error response without a body (the application's own error
	 * pages have one).
	 */
	static final class SiteErrorReport extends ErrorReportValve {

		private static final Logger log = LoggerFactory.getLogger(SiteErrorReport.class);

		private final ObjectProvider<ErrorPages> pages;

		SiteErrorReport(ObjectProvider<ErrorPages> pages) {
			this.pages = pages;
			setShowReport(false);
			setShowServerInfo(false);
		}

		@Override
		public void invoke(Request request, Response response) throws IOException, ServletException {
			SecurityHeaders.write(request, response);
			super.invoke(request, response);
		}

		@Override
		protected void report(Request request, Response response, Throwable throwable) {
			int status = response.getStatus();
			if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
				return;
			}
			try {
				String html = pages.getObject().standalone(status);
				// Tomcat resets a response that failed with an exception: the headers
				// again.
				SecurityHeaders.write(request, response);
				response.setContentType("text/html");
				response.setCharacterEncoding(StandardCharsets.UTF_8.name());
				var writer = response.getReporter();
				if (writer != null) {
					writer.write(html);
					response.finishResponse();
				}
			}
			catch (IOException | RuntimeException ex) {
				log.debug("Could not write the error page for status {}: {}", status, ex.toString());
			}
		}

	}

}
