package org.broadsheet;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import org.broadsheet.account.UserCommand;
import org.broadsheet.interchange.bundle.ImportCommand;
import org.broadsheet.interchange.wordpress.WordPressAddressesCommand;
import org.broadsheet.interchange.wordpress.WordPressExportCommand;
import org.broadsheet.interchange.wordpress.WordPressImportCommand;
import org.broadsheet.media.MediaToS3Command;
import org.broadsheet.search.ReindexCommand;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;

import picocli.CommandLine.Command;
import picocli.CommandLine;

/**
 * Entry point and command line (picocli). No command, or {@code serve}, runs the web
 * site; {@code import PATH...} imports article bundles; {@code import-wordpress FILE} and
 * {@code export-wordpress FILE} read and write WordPress exports (WXR); {@code reindex}
 * rebuilds the search index; {@code user add|list} manages newsroom accounts;
 * {@code media-to-s3} copies the media folder into an S3 bucket. Spring options
 * ({@code --server.port=9090}) may follow any command. Exit codes: 0 success, 1 the
 * command reported failures, 2 bad usage.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class BroadsheetApplication {

	/**
	 * The one source of the current instant (UTC) for every module. Tests that need time
	 * to pass register their own clock before the context starts, and advance it.
	 */
	@Bean
	@ConditionalOnMissingBean
	static Clock clock() {
		return Clock.systemUTC();
	}

	/**
	 * @param args a command and its options, or only Spring options to serve the site;
	 * see the class comment
	 */
	public static void main(String[] args) {
		boolean springOptionsOnly = args.length == 0
				|| args[0].startsWith("--") && !args[0].equals("--help") && !args[0].equals("--version");
		if (springOptionsOnly) {
			web(args);
			return;
		}
		int code = commandLine().execute(args);
		if (code != 0 || !"serve".equals(args[0])) {
			System.exit(code);
		}
	}

	/**
	 * @return the command line, for {@link CommandLine#execute(String...)}; it does not
	 * exit the JVM
	 */
	public static CommandLine commandLine() {
		var cli = new CommandLine(new Root());
		cli.addSubcommand(new Serve());
		cli.addSubcommand(new ImportCommand(BroadsheetApplication::offline));
		cli.addSubcommand(new WordPressImportCommand(BroadsheetApplication::offline));
		cli.addSubcommand(new WordPressExportCommand(BroadsheetApplication::offline));
		cli.addSubcommand(new WordPressAddressesCommand(BroadsheetApplication::offline));
		cli.addSubcommand(new ReindexCommand(BroadsheetApplication::offline));
		cli.addSubcommand(new UserCommand(BroadsheetApplication::offline));
		cli.addSubcommand(new MediaToS3Command(BroadsheetApplication::offline));
		cli.setExecutionExceptionHandler((ex, command, parsed) -> {
			if (ex instanceof UnknownOption) {
				command.getErr().println(ex.getMessage());
				command.usage(command.getErr());
				return 2;
			}
			throw ex;
		});
		return cli;
	}

	/**
	 * An option a command does not know that is not a Spring property either
	 * ({@code --name.part=value}).
	 */
	static final class UnknownOption extends IllegalArgumentException {

		UnknownOption(String option) {
			super("Unknown option: '" + option + "' (Spring properties are written --name.part=value)");
		}

	}

	private static ConfigurableApplicationContext web(String[] args) {
		prepareDataFolder(args);
		return new SpringApplicationBuilder(BroadsheetApplication.class).run(args);
	}

	/** The application without its web server or demo content, for commands. */
	private static ConfigurableApplicationContext offline(String[] args) {
		for (String arg : args) {
			// What a command leaves unmatched goes to Spring; a typo must not pass
			// silently.
			if (!arg.matches("--[A-Za-z][\\w-]*(\\.[\\w\\[\\]-]+)+=.*")) {
				throw new UnknownOption(arg);
			}
		}
		prepareDataFolder(args);
		// Command-line options outrank application.properties; default properties would
		// not.
		String[] options = Stream
			.concat(Stream.of("--broadsheet.demo.enabled=false", "--broadsheet.search.follow=false",
					"--broadsheet.cache.follow=false", "--broadsheet.workflow.clock=false",
					"--broadsheet.newsletter.digest-clock=false", "--logging.level.root=WARN"), Arrays.stream(args))
			.toArray(String[]::new);
		return new SpringApplicationBuilder(BroadsheetApplication.class).web(WebApplicationType.NONE)
			.logStartupInfo(false)
			.run(options);
	}

	/**
	 * SQLite does not create missing parent folders, so the data folder must exist first.
	 */
	private static void prepareDataFolder(String[] args) {
		String configured = System.getProperty("broadsheet.data", System.getenv("BROADSHEET_DATA"));
		for (String arg : args) {
			if (arg.startsWith("--broadsheet.data=")) {
				configured = arg.substring("--broadsheet.data=".length());
			}
		}
		Path folder = Path.of(configured == null || configured.isBlank() ? "data" : configured);
		try {
			Files.createDirectories(folder);
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot create the data folder " + folder.toAbsolutePath(), ex);
		}
	}

	@Command(name = "broadsheet", mixinStandardHelpOptions = true, versionProvider = Root.class,
			description = "Broadsheet: news and commentary publishing. With no command, serves the site.")
	static class Root implements CommandLine.IVersionProvider {

		@Override
		public String[] getVersion() {
			String version = BroadsheetApplication.class.getPackage().getImplementationVersion();
			return new String[] { "Broadsheet " + (version == null ? "(development build)" : version) };
		}

	}

	@Command(name = "serve", mixinStandardHelpOptions = true,
			description = "Run the web site at http://localhost:8080 (the default).")
	static class Serve implements Callable<Integer> {

		@CommandLine.Unmatched
		String[] options = {};

		@Override
		public Integer call() {
			web(options);
			return 0;
		}

	}

}
