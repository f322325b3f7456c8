import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.LinkedHashSet;
import java.util.Random;
import java.util.Set;

/**
 * Fills an empty, migrated Broadsheet SQLite database with N published articles of realistic size
 * for the page benchmark (scripts/benchmark-pages.sh): 8 sections, 300 authors (one to three per
 * article), 600 tags (two to six per article), 6–12 paragraphs (about 900 words, 6 KB of HTML),
 * one publication every 50 minutes back from now, 1 in 500 sticky. Seeded, so runs compare.
 * Usage: java -cp sqlite-jdbc.jar scripts/GenerateArticles.java DATABASE_FILE N
 */
public class GenerateArticles {

	static final String[] SECTIONS = { "News", "Politics", "Business", "Opinion", "Culture", "Science", "Sport", "World" };

	static final String[] WORDS = ("policy council budget river flood school rail election court market library energy "
			+ "water coast farm museum festival hospital bridge tram port weather report vote bank minister parliament "
			+ "treaty summit export import tariff inflation wages housing rent climate drought harvest fishing trade union "
			+ "strike teacher nurse doctor research university student science data privacy security border migration "
			+ "refugee embassy sanction diplomacy alliance defence navy army budget deficit surplus growth recession "
			+ "interest rates currency bond stock shares company profit loss merger startup investment pension").split(" ");

	public static void main(String[] args) throws SQLException {
		String file = args[0];
		int n = Integer.parseInt(args[1]);
		Random random = new Random(7);
		try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + file)) {
			db.setAutoCommit(false);
			try (var pragma = db.createStatement()) {
				pragma.execute("PRAGMA journal_mode=WAL");
			}
			for (int s = 0; s < SECTIONS.length; s++) {
				insert(db, "INSERT INTO section (id, slug, name, opinion) VALUES (?, ?, ?, ?)", s + 1,
						SECTIONS[s].toLowerCase(), SECTIONS[s], SECTIONS[s].equals("Opinion"));
			}
			for (int a = 1; a <= 300; a++) {
				String name = capital(word(random)) + " " + capital(word(random)) + "son " + a;
				insert(db, "INSERT INTO author (id, slug, name, title, bio) VALUES (?, ?, ?, ?, ?)", a,
						name.toLowerCase().replace(' ', '-'), name, "Correspondent",
						name + " writes about " + word(random) + " and " + word(random) + ".");
			}
			for (int t = 1; t <= 600; t++) {
				insert(db, "INSERT INTO tag (id, slug, name) VALUES (?, ?, ?)", t, word(random) + "-" + t,
						capital(word(random)) + " " + t);
			}
			long now = System.currentTimeMillis();
			try (PreparedStatement article = db.prepareStatement("""
					INSERT INTO article (id, section_id, slug, title, summary, body_markdown, body_html, status,
					  published_at, updated_at, sticky) VALUES (?, ?, ?, ?, ?, ?, ?, 'published', ?, ?, ?)""");
					PreparedStatement byline = db.prepareStatement(
							"INSERT INTO article_author (article_id, author_id, position) VALUES (?, ?, ?)");
					PreparedStatement tagging = db.prepareStatement(
							"INSERT INTO article_tag (article_id, tag_id, position) VALUES (?, ?, ?)")) {
				for (int i = 1; i <= n; i++) {
					String title = capital(sentence(random, 6 + random.nextInt(6)));
					StringBuilder markdown = new StringBuilder();
					StringBuilder html = new StringBuilder();
					for (int p = 0, paragraphs = 6 + random.nextInt(7); p < paragraphs; p++) {
						String paragraph = capital(sentence(random, 60 + random.nextInt(60))) + ".";
						markdown.append(paragraph).append("\n\n");
						html.append("<p>").append(paragraph).append("</p>\n");
					}
					long published = now - (long) (n - i + 1) * 50 * 60_000;
					article.setLong(1, i);
					article.setLong(2, 1 + random.nextInt(SECTIONS.length));
					article.setString(3, title.toLowerCase().replace(' ', '-') + "-" + i);
					article.setString(4, title);
					article.setString(5, capital(sentence(random, 25)) + ".");
					article.setString(6, markdown.toString());
					article.setString(7, html.toString());
					article.setLong(8, published);
					article.setLong(9, published);
					article.setBoolean(10, random.nextInt(500) == 0);
					article.addBatch();
					Set<Integer> authors = new LinkedHashSet<>();
					for (int k = 0, count = 1 + random.nextInt(3); k < count; k++) {
						authors.add(1 + random.nextInt(300));
					}
					int position = 0;
					for (int author : authors) {
						byline.setLong(1, i);
						byline.setLong(2, author);
						byline.setInt(3, position++);
						byline.addBatch();
					}
					Set<Integer> tags = new LinkedHashSet<>();
					for (int k = 0, count = 2 + random.nextInt(5); k < count; k++) {
						tags.add(1 + random.nextInt(600));
					}
					position = 0;
					for (int tag : tags) {
						tagging.setLong(1, i);
						tagging.setLong(2, tag);
						tagging.setInt(3, position++);
						tagging.addBatch();
					}
					if (i % 5000 == 0 || i == n) {
						article.executeBatch();
						byline.executeBatch();
						tagging.executeBatch();
						db.commit();
						System.err.print("\r" + i + " articles");
					}
				}
			}
			System.err.println();
		}
	}

	static void insert(Connection db, String sql, Object... values) throws SQLException {
		try (var statement = db.prepareStatement(sql)) {
			for (int i = 0; i < values.length; i++) {
				statement.setObject(i + 1, values[i]);
			}
			statement.executeUpdate();
		}
	}

	static String word(Random random) {
		return WORDS[random.nextInt(WORDS.length)];
	}

	static String sentence(Random random, int words) {
		StringBuilder sentence = new StringBuilder(word(random));
		for (int i = 1; i < words; i++) {
			sentence.append(' ').append(word(random));
		}
		return sentence.toString();
	}

	static String capital(String text) {
		return Character.toUpperCase(text.charAt(0)) + text.substring(1);
	}

}
