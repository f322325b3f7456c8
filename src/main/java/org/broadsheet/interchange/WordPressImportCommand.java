package org.broadsheet.interchange;

import java.io.PrintWriter;
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

/**
 * {@code import-wordpress FILE [--uploads DIR]}: imports a WordPress export (WXR) with a progress
 * line on standard error and the report on standard output. Exit code 0 when the file was
 * imported (entries skipped with a reason included), 1 when it was refused (nothing imported).
 */
@Command(name = "import-wordpress", mixinStandardHelpOptions = true,
		description = "Import a WordPress export (WXR 1.0-1.2: Tools > Export in WordPress): posts, pages, authors, "
				+ "categories, tags, comments, attachments. All or nothing; importing the same file again changes nothing.")
public class WordPressImportCommand implements Callable<Integer> {

	@Parameters(index = "0", paramLabel = "FILE", description = "the WXR file")
	Path file;

	@Option(names = "--uploads", paramLabel = "DIR",
			description = "a copy of the site's wp-content/uploads folder: attachment files are copied from it (never from the network)")
	Path uploads;

	@Option(names = "--pages-section", paramLabel = "NAME", defaultValue = "Pages",
			description = "section for WordPress pages (default: ${DEFAULT-VALUE})")
	String pagesSection;

	@Option(names = "--default-section", paramLabel = "NAME", defaultValue = "Uncategorized",
			description = "section for posts without a category (default: ${DEFAULT-VALUE})")
	String defaultSection;

	@Unmatched
	List<String> options = new ArrayList<>();

	@Spec
	CommandSpec spec;

	private final Function<String[], ConfigurableApplicationContext> context;

	/** @param context starts the application, given Spring options, without its web server */
	public WordPressImportCommand(Function<String[], ConfigurableApplicationContext> context) {
		this.context = context;
	}

	@Override
	public Integer call() {
		PrintWriter out = spec.commandLine().getOut();
		PrintWriter err = spec.commandLine().getErr();
		try (var app = context.apply(options.toArray(String[]::new))) {
			var importer = app.getBean(WordPressImporter.class);
			var bar = new ProgressLine(err);
			long started = System.nanoTime();
			WordPressReport report;
			try {
				report = importer.importFile(file,
						new WordPressImporter.Options(uploads, pagesSection, defaultSection), bar::update);
			}
			catch (WxrException | IllegalArgumentException ex) {
				bar.finish();
				err.println("refused  " + ex.getMessage());
				err.println("Nothing was imported.");
				err.flush();
				return 1;
			}
			bar.finish();
			report.print(out);
			out.printf("done in %.1f s%n", (System.nanoTime() - started) / 1e9);
			out.flush();
			return 0;
		}
	}

}
