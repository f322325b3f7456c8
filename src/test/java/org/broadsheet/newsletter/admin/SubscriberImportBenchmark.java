package org.broadsheet.newsletter.admin;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.broadsheet.account.Accounts;
import org.broadsheet.account.Role;
import org.broadsheet.account.SystemActor;
import org.broadsheet.support.NewsroomBrowser;
import org.broadsheet.support.RunningSite;
import org.broadsheet.support.TestDatabases;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A CSV import of N rows ({@code email,name,consented}, every row consented) through the
 * newsroom's upload form on a site on SQLite, timed as the editor waits for the answer:
 * the whole request (upload, parse and check, writes in transactions of 500 rows, the
 * report page). Prints the time, the file size and the rows stored. Usage:
 * {@code SubscriberImportBenchmark [N]} (100,000).
 */
public final class SubscriberImportBenchmark {

	private SubscriberImportBenchmark() {
	}

	public static void main(String[] args) {
		int rows = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
		var csv = new StringBuilder("email,name,consented\n");
		for (int i = 1; i <= rows; i++) {
			csv.append("reader").append(i).append("@example.org,Reader ").append(i).append(",true\n");
		}
		byte[] file = csv.toString().getBytes(StandardCharsets.UTF_8);
		try (var site = RunningSite.start(TestDatabases.newDataFolder(), "--logging.level.root=warn")) {
			site.bean(Accounts.class)
				.create(SystemActor.CLI, "importer@news.example", "Im Porter", Role.EDITOR, "a long enough password");
			var browser = new NewsroomBrowser(site).signIn("importer@news.example", "a long enough password");
			long start = System.nanoTime();
			var answer = browser.upload("/newsroom/subscribers/import", "readers.csv", file, Map.of("lists", "site"));
			long millis = (System.nanoTime() - start) / 1_000_000;
			long stored = site.bean(JdbcClient.class)
				.sql("SELECT COUNT(*) FROM subscriber WHERE status = 'active'")
				.query(Long.class)
				.single();
			System.out.printf("rows %d, file %.1f MB, HTTP %d in %d ms (%.0f rows/s), subscribers stored %d%n", rows,
					file.length / 1e6, answer.statusCode(), millis, rows * 1000.0 / millis, stored);
		}
	}

}
