package org.broadsheet.interchange.bundle;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

import org.broadsheet.account.SystemActor;
import org.broadsheet.shared.OfflineCommand;
import org.springframework.context.ConfigurableApplicationContext;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code import PATH...}: imports article bundles into the configured database. */
@Command(name = "import", mixinStandardHelpOptions = true,
		description = "Import article bundles (Markdown with YAML front matter) and the files "
				+ "they name. Folders: every *.md file in them. Exit code 1 if any file failed.")
public class ImportCommand extends OfflineCommand {

	@Parameters(arity = "1..*", paramLabel = "PATH", description = "bundle files or folders")
	List<Path> paths;

	/**
	 * @param context starts the application, given Spring options, without its web server
	 */
	public ImportCommand(Function<String[], ConfigurableApplicationContext> context) {
		super(context);
	}

	@Override
	protected int run(ConfigurableApplicationContext app, PrintWriter out, PrintWriter err) {
		ImportReport report = app.getBean(BundleImporter.class).importPaths(SystemActor.BUNDLE_IMPORT, paths);
		for (var outcome : report.outcomes()) {
			if (outcome.failed()) {
				err.println("failed   " + outcome.error());
			}
			else {
				out.println(
						(outcome.created() ? "created  " : "updated  ") + outcome.path() + "  <- " + outcome.file());
			}
		}
		out.printf("%d imported, %d failed%n", report.imported(), report.failures());
		return report.failures() == 0 ? 0 : 1;
	}

}
