package org.broadsheet.interchange.wordpress;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import org.broadsheet.support.TestDatabases;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * WordPress's {@code [caption]}, {@code [embed]} and {@code [gallery]} shortcodes and its
 * {@code <iframe>}s import as the blocks Markdown gives: a captioned figure and a gallery
 * of library images (alt text from the attachment, else its caption), embeds of allowed
 * players, and no other frame.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
@DirtiesContext
class WordPressShortcodesTest {

	static final Path DATA = TestDatabases.newDataFolder();

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		TestDatabases.sqlite(registry, DATA);
	}

	@Autowired
	WordPressImporter importer;

	@Autowired
	JdbcClient jdbc;

	@TempDir
	Path dir;

	@Test
	void shortcodesBecomeTheSameBlocksAsMarkdown() throws IOException {
		Path uploads = Files.createDirectories(dir.resolve("uploads/2020/01"));
		ImageIO.write(new BufferedImage(600, 400, BufferedImage.TYPE_INT_RGB), "png",
				uploads.resolve("photo.png").toFile());
		ImageIO.write(new BufferedImage(300, 200, BufferedImage.TYPE_INT_RGB), "png",
				uploads.resolve("second.png").toFile());
		Path wxr = Path.of("src/test/resources/wxr/shortcodes.xml");
		var report = importer.importFile(wxr, new WordPressImporter.Options(dir.resolve("uploads"), "Uncategorized"),
				(phase, done, total) -> {
				});
		assertThat(report.notes()).noneMatch(note -> note.contains("shortcodes left as text"));
		String html = jdbc.sql("SELECT body_html FROM article WHERE title = 'Shortcodes'").query(String.class).single();
		var body = Jsoup.parseBodyFragment(html).body();

		var captioned = body.selectFirst("figure:has(figcaption):not(.gallery)");
		assertThat(captioned.select("figcaption").text()).isEqualTo("The square on Sunday.");
		var photo = captioned.selectFirst("img");
		assertThat(photo.attr("src")).startsWith("/media/");
		assertThat(photo.attr("alt")).isEqualTo("Crowds in the square");
		assertThat(photo.attr("srcset")).contains(" 480w", " 600w");
		assertThat(photo.attr("width")).isEqualTo("600");

		var gallery = body.selectFirst("figure.gallery");
		assertThat(gallery.select("img").eachAttr("alt")).containsExactly("Crowds in the square",
				"Police lines at dusk");
		assertThat(gallery.select("img").eachAttr("src")).allMatch(src -> src.startsWith("/media/"));

		assertThat(body.select("figure.embed").eachAttr("data-embed-src")).containsExactly(
				"https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ", "https://player.vimeo.com/video/76979871?dnt=1");
		assertThat(html).doesNotContain("evil.example", "<iframe", "[embed", "[gallery", "[caption");
		assertThat(body.select("p").eachText()).contains("Opening paragraph.", "Closing paragraph.");
	}

}
