package org.broadsheet.interchange.wordpress;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.function.Function;

import org.broadsheet.shared.Links;
import org.broadsheet.shared.OfflineCommand;
import org.springframework.context.ConfigurableApplicationContext;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code export-wordpress FILE [--site-url URL]}: writes everything as a WXR 1.2 file.
 * Exit code 1 when it cannot be written.
 */
@Command(name = "export-wordpress", mixinStandardHelpOptions = true,
		description = "Export every article (any status) with its authors, sections, tags, comments and lead image as a "
				+ "WordPress export (WXR 1.2) that WordPress's importer and import-wordpress read.")
public class WordPressExportCommand extends OfflineCommand {

	private static final String DEFAULT_SITE = "http://localhost:8080";

	@Parameters(index = "0", paramLabel = "FILE", description = "the WXR file to write (replaced if it exists)")
	Path file;

	@Option(names = "--site-url", paramLabel = "URL",
			description = "absolute address of the site for links and image URLs (default: broadsheet.site.base-url, "
					+ "else http://localhost:8080)")
	String siteUrl;

	/**
	 * @param context starts the application, given Spring options, without its web server
	 */
	public WordPressExportCommand(Function<String[], ConfigurableApplicationContext> context) {
		super(context);
	}

	@Override
	protected int run(ConfigurableApplicationContext app, PrintWriter out, PrintWriter err) {
		String site = siteUrl != null ? siteUrl : app.getEnvironment().getProperty("broadsheet.site.base-url", "");
		if (site.isBlank()) {
			site = DEFAULT_SITE;
		}
		if (!Links.isWebUrl(site)) {
			err.println("refused  --site-url: an absolute http(s) address, not '" + site + "'");
			return 2;
		}
		try {
			int count = app.getBean(WordPressExporter.class).export(file, site);
			out.printf("%d articles written to %s%n", count, file);
			return 0;
		}
		catch (UncheckedIOException ex) {
			err.println("failed   " + ex.getMessage());
			return 1;
		}
	}

}
