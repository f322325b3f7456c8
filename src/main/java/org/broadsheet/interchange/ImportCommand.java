package org.broadsheet.interchange;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Function;

import org.springframework.context.ConfigurableApplicationContext;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

/** {@code import PATH...}: imports article bundles into the configured database. */
@Command(name = "import", mixinStandardHelpOptions = true, description = "Import article bundles (Markdown with YAML front matter) and the files "
		+ "they name. Folders: every *.md file in them. Exit code 1 if any file failed.")
public class ImportCommand implements Callable<Integer> {

	@Parameters(arity = "1..*", paramLabel = "PATH", description = "bundle files or folders")
	List<Path> paths;

	@Unmatched
	List<String> options = new java.util.ArrayList<>();

	@Spec
	CommandSpec spec;

	private final Function<String[], ConfigurableApplicationContext> context;

	/** @param context starts the application, given Spring options, without its web server */
	public ImportCommand(Function<String[], ConfigurableApplicationContext> context) {
		this.context = context;
	}

	@Override
	public Integer call() {
		PrintWriter out = spec.commandLine().getOut();
		PrintWriter err = spec.commandLine().getErr();
		try (var app = context.apply(options.toArray(String[]::new))) {
			ImportReport report = app.getBean(BundleImporter.class).importPaths(paths);
			for (var outcome : report.outcomes()) {
				if (outcome.failed()) {
					err.println("failed   " + outcome.error());
				}
				else {
					out.println((outcome.created() ? "created  " : "updated  ") + outcome.path() + "  <- "
							+ outcome.file());
				}
			}
			out.printf("%d imported, %d failed%n", report.imported(), report.failures());
			out.flush();
			err.flush();
			return report.failures() == 0 ? 0 : 1;
		}
	}

}
