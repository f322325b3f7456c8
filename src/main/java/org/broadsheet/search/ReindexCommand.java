package org.broadsheet.search;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Function;

import org.springframework.context.ConfigurableApplicationContext;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

/** {@code reindex}: rebuilds the search index from the database. Stop the site first: it holds the index. */
@Command(name = "reindex", mixinStandardHelpOptions = true, description = "Rebuild the search index from the database (stop the site first).")
public class ReindexCommand implements Callable<Integer> {

	@Unmatched
	List<String> options = new ArrayList<>();

	@Spec
	CommandSpec spec;

	private final Function<String[], ConfigurableApplicationContext> context;

	/** @param context starts the application, given Spring options, without its web server */
	public ReindexCommand(Function<String[], ConfigurableApplicationContext> context) {
		this.context = context;
	}

	@Override
	public Integer call() {
		try (var app = context.apply(options.toArray(String[]::new))) {
			app.getBean(IndexFollower.class).rebuild();
			spec.commandLine().getOut().println("Search index rebuilt.");
			return 0;
		}
		catch (java.io.UncheckedIOException ex) {
			spec.commandLine().getErr().println("Cannot rebuild the index: " + ex.getMessage()
					+ (ex.getCause() instanceof org.apache.lucene.store.LockObtainFailedException
							? " (is the site running? stop it first)" : ""));
			return 1;
		}
	}

}
