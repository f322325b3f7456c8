package org.broadsheet.search;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.function.Function;

import org.apache.lucene.store.LockObtainFailedException;
import org.broadsheet.shared.OfflineCommand;
import org.springframework.context.ConfigurableApplicationContext;

import picocli.CommandLine.Command;

/**
 * {@code reindex}: rebuilds the search index from the database. Stop the site first: it
 * holds the index.
 */
@Command(name = "reindex", mixinStandardHelpOptions = true,
		description = "Rebuild the search index from the database (stop the site first).")
public class ReindexCommand extends OfflineCommand {

	/**
	 * @param context starts the application, given Spring options, without its web server
	 */
	public ReindexCommand(Function<String[], ConfigurableApplicationContext> context) {
		super(context);
	}

	@Override
	protected int run(ConfigurableApplicationContext app, PrintWriter out, PrintWriter err) {
		try {
			app.getBean(IndexFollower.class).rebuild();
			out.println("Search index rebuilt.");
			return 0;
		}
		catch (UncheckedIOException ex) {
			err.println(
					"Cannot rebuild the index: " + ex.getMessage() + (ex.getCause() instanceof LockObtainFailedException
							? " (is the site running? stop it first)" : ""));
			return 1;
		}
	}

}
