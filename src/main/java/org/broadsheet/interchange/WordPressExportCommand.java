package org.broadsheet.interchange;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Function;

import org.springframework.context.ConfigurableApplicationContext;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

/** {@code export-wordpress FILE [--site-url URL]}: writes everything as a WXR 1.2 file. Exit code 1 when it cannot be written. */
@Command(name = "export-wordpress", mixinStandardHelpOptions = true,
		description = "Export every article (any status) with its authors, sections, tags, comments and lead image as a "
				+ "WordPress export (WXR 1.2) that WordPress's importer and import-wordpress read.")
public class WordPressExportCommand implements Callable<Integer> {

	@Parameters(index = "0", paramLabel = "FILE", description = "the WXR file to write (replaced if it exists)")
	Path file;

	@Option(names = "--site-url", paramLabel = "URL",
			description = "absolute address of the site for links and image URLs (default: broadsheet.site.base-url, "
					+ "else http://localhost:8080)")
	String siteUrl;

	@Unmatched
	List<String> options = new ArrayList<>();

	@Spec
	CommandSpec spec;

	private final Function<String[], ConfigurableApplicationContext> context;

	/** @param context starts the application, given Spring options, without its web server */
	public WordPressExportCommand(Function<String[], ConfigurableApplicationContext> context) {
		this.context = context;
	}

	@Override
	public Integer call() {
		PrintWriter out = spec.commandLine().getOut();
		PrintWriter err = spec.commandLine().getErr();
		try (var app = context.apply(options.toArray(String[]::new))) {
			String site = siteUrl != null ? siteUrl
					: app.getEnvironment().getProperty("broadsheet.site.base-url", "http://localhost:8080");
			if (site.isBlank()) {
				site = "http://localhost:8080";
			}
			if (!site.matches("(?i)https?://[^\\s/]+(/\\S*)?")) {
				err.println("refused  --site-url: an absolute http(s) address, not '" + site + "'");
				err.flush();
				return 2;
			}
			try {
				int count = app.getBean(WordPressExporter.class).export(file, site);
				out.printf("%d articles written to %s%n", count, file);
				out.flush();
				return 0;
			}
			catch (UncheckedIOException ex) {
				err.println("failed   " + ex.getMessage());
				err.flush();
				return 1;
			}
		}
	}

}
