package org.broadsheet.interchange.wordpress;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.function.Function;

import org.broadsheet.shared.OfflineCommand;
import org.springframework.context.ConfigurableApplicationContext;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code import-wordpress FILE [--uploads DIR]}: imports a WordPress export (WXR) with a
 * progress line on standard error and the report on standard output. Exit code 0 when the
 * file was imported (entries skipped with a reason included), 1 when it was refused
 * (nothing imported).
 */
@Command(name = "import-wordpress", mixinStandardHelpOptions = true,
		description = "Import a WordPress export (WXR 1.0-1.2: Tools > Export in WordPress): posts, pages, authors, "
				+ "categories, tags, comments, attachments. All or nothing; importing the same file again changes nothing.")
public class WordPressImportCommand extends OfflineCommand {

	@Parameters(index = "0", paramLabel = "FILE", description = "the WXR file")
	Path file;

	@Option(names = "--uploads", paramLabel = "DIR",
			description = "a copy of the site's wp-content/uploads folder: attachment files are copied from it (never from the network)")
	Path uploads;

	@Option(names = "--default-section", paramLabel = "NAME", defaultValue = "Uncategorized",
			description = "section for posts without a category (default: ${DEFAULT-VALUE})")
	String defaultSection;

	/**
	 * @param context starts the application, given Spring options, without its web server
	 */
	public WordPressImportCommand(Function<String[], ConfigurableApplicationContext> context) {
		super(context);
	}

	@Override
	protected int run(ConfigurableApplicationContext app, PrintWriter out, PrintWriter err) {
		var importer = app.getBean(WordPressImporter.class);
		var bar = new ProgressLine(err);
		long started = System.nanoTime();
		WordPressReport report;
		try {
			report = importer.importFile(file, new WordPressImporter.Options(uploads, defaultSection), bar::update);
		}
		catch (WxrException | IllegalArgumentException ex) {
			err.println("refused  " + ex.getMessage());
			err.println("Nothing was imported.");
			return 1;
		}
		finally {
			bar.finish();
		}
		report.print(out);
		out.printf("done in %.1f s%n", (System.nanoTime() - started) / 1e9);
		return 0;
	}

}
