package org.broadsheet.account;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Function;

import org.springframework.context.ConfigurableApplicationContext;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

/**
 * {@code user add|list|reset-password}: newsroom accounts from the command line (the
 * first administrator, a forgotten password).
 */
@Command(name = "user", mixinStandardHelpOptions = true, description = "Manage newsroom accounts.",
		subcommands = { UserCommand.Add.class, UserCommand.ListAccounts.class, UserCommand.ResetPassword.class })
public class UserCommand {

	private final Function<String[], ConfigurableApplicationContext> context;

	/**
	 * @param context starts the application, given Spring options, without its web server
	 */
	public UserCommand(Function<String[], ConfigurableApplicationContext> context) {
		this.context = context;
	}

	@Command(name = "add", mixinStandardHelpOptions = true,
			description = "Create an account. The password is read from standard input (one line), never from an option.")
	static class Add implements Callable<Integer> {

		@picocli.CommandLine.ParentCommand
		UserCommand parent;

		@Option(names = "--email", required = true, description = "sign-in email")
		String email;

		@Option(names = "--name", required = true, description = "display name")
		String name;

		@Option(names = "--role", required = true, description = "contributor, author, editor or administrator")
		String role;

		@Unmatched
		List<String> options = new ArrayList<>();

		@Spec
		CommandSpec spec;

		@Override
		public Integer call() throws Exception {
			var err = spec.commandLine().getErr();
			Role parsed;
			try {
				parsed = Role.parse(role);
			}
			catch (IllegalArgumentException ex) {
				err.println(ex.getMessage());
				return 2;
			}
			if (System.console() != null) {
				spec.commandLine().getOut().print("Password (at least " + Accounts.MIN_PASSWORD + " characters): ");
				spec.commandLine().getOut().flush();
			}
			String password = System.console() != null ? new String(System.console().readPassword())
					: new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
			try (var app = parent.context.apply(options.toArray(String[]::new))) {
				var account = app.getBean(Accounts.class).create(SystemActor.CLI, email, name, parsed, password);
				spec.commandLine()
					.getOut()
					.printf("Created %s (%s), role %s. Sign in at /login.%n", account.email(), account.displayName(),
							account.role().name().toLowerCase(Locale.ROOT));
				return 0;
			}
			catch (IllegalArgumentException ex) {
				err.println(ex.getMessage());
				return 1;
			}
		}

	}

	@Command(name = "list", mixinStandardHelpOptions = true, description = "List the accounts.")
	static class ListAccounts implements Callable<Integer> {

		@picocli.CommandLine.ParentCommand
		UserCommand parent;

		@Unmatched
		List<String> options = new ArrayList<>();

		@Spec
		CommandSpec spec;

		@Override
		public Integer call() {
			try (var app = parent.context.apply(options.toArray(String[]::new))) {
				for (var account : app.getBean(Accounts.class).all()) {
					spec.commandLine()
						.getOut()
						.printf("%-40s %-14s %s%n", account.email(), account.role().name().toLowerCase(Locale.ROOT),
								account.displayName());
				}
				return 0;
			}
		}

	}

	@Command(name = "reset-password", mixinStandardHelpOptions = true,
			description = "Set a forgotten password and end the account's sessions. The new password is read from standard input (one line), or made up and printed with --generate.")
	static class ResetPassword implements Callable<Integer> {

		@picocli.CommandLine.ParentCommand
		UserCommand parent;

		@picocli.CommandLine.Parameters(index = "0", description = "the account's sign-in email")
		String email;

		@Option(names = "--generate", description = "make up a password of 20 random characters and print it")
		boolean generate;

		@Option(names = "--reset-two-factor", description = "also turn two-factor sign-in off (a lost phone)")
		boolean resetTwoFactor;

		@Unmatched
		List<String> options = new ArrayList<>();

		@Spec
		CommandSpec spec;

		@Override
		public Integer call() throws Exception {
			var out = spec.commandLine().getOut();
			String password;
			if (generate) {
				password = Passwords.generate();
			}
			else {
				if (System.console() != null) {
					out.print("New password (at least " + PasswordRules.MIN + " characters): ");
					out.flush();
				}
				password = System.console() != null ? new String(System.console().readPassword())
						: new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
			}
			try (var app = parent.context.apply(options.toArray(String[]::new))) {
				app.getBean(Passwords.class).reset(SystemActor.CLI, email, password);
				var account = app.getBean(Accounts.class).byEmail(email).orElseThrow();
				if (resetTwoFactor) {
					app.getBean(TwoFactor.class).disable(SystemActor.CLI, account.id());
				}
				out.printf("Password of %s changed; their sessions have ended.%n", account.email());
				if (generate) {
					out.println("New password: " + password);
				}
				return 0;
			}
			catch (IllegalArgumentException ex) {
				spec.commandLine().getErr().println(ex.getMessage());
				return 1;
			}
		}

	}

}
