package org.broadsheet.shared;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Function;

import org.springframework.context.ConfigurableApplicationContext;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

/**
 * A command that runs the application without its web server: what picocli does not match
 * goes to Spring as options ({@code --broadsheet.data=…}; the application refuses
 * anything else), the context is closed afterwards, and standard output and error are
 * flushed.
 */
public abstract class OfflineCommand implements Callable<Integer> {

	@Unmatched
	private List<String> springOptions = new ArrayList<>();

	@Spec
	private CommandSpec spec;

	private final Function<String[], ConfigurableApplicationContext> context;

	/**
	 * @param context starts the application, given Spring options, without its web server
	 */
	protected OfflineCommand(Function<String[], ConfigurableApplicationContext> context) {
		this.context = context;
	}

	@Override
	public final Integer call() {
		PrintWriter out = spec.commandLine().getOut();
		PrintWriter err = spec.commandLine().getErr();
		try (var app = context.apply(springOptions.toArray(String[]::new))) {
			return run(app, out, err);
		}
		finally {
			out.flush();
			err.flush();
		}
	}

	/**
	 * @param app the started application
	 * @return the exit code: 0 success, 1 the command reported failures, 2 bad usage
	 */
	protected abstract int run(ConfigurableApplicationContext app, PrintWriter out, PrintWriter err);

}
