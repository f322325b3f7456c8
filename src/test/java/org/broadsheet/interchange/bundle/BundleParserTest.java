package org.broadsheet.interchange.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import org.broadsheet.article.ArticleStatus;
import org.broadsheet.support.Corpus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BundleParserTest {

	private final BundleParser parser = new BundleParser();

	@TempDir
	Path dir;

	@Test
	void readsEveryFieldOfTheSeedBundle() {
		Path seed = Corpus.require("seed/russias-n-korea-approach.md");
		Bundle bundle = parser.parse(seed);
		var d = bundle.draft();
		assertThat(d.title()).isEqualTo("Russia’s N Korea approach");
		assertThat(d.slug()).isEqualTo("russias-n-korea-approach");
		assertThat(d.section()).isEqualTo("Opinion");
		assertThat(d.authors()).singleElement().satisfies(a -> {
			assertThat(a.name()).isEqualTo("Alexander Gabuev");
			assertThat(a.bio()).startsWith("Alexander Gabuev is senior fellow");
		});
		assertThat(d.tags()).containsExactly("Russia", "North Korea", "Korean Peninsula", "Denuclearization",
				"Vladimir Putin", "Kim Jong Un");
		assertThat(d.publishedAt()).isEqualTo(Instant.parse("2019-04-25T01:00:00Z"));
		assertThat(d.status()).isEqualTo(ArticleStatus.PUBLISHED);
		assertThat(d.summary()).startsWith("Russia doesn’t play a decisive role");
		assertThat(d.bodyMarkdown()).startsWith("The summit between").endsWith("the Kremlin’s interests.");
		assertThat(bundle.image().file()).isEqualTo(seed.toAbsolutePath().normalize().getParent().resolve("lead.jpg"));
		assertThat(bundle.image().credit()).isEqualTo("Xinhua");
		assertThat(bundle.image().caption()).startsWith("Top leader of the Democratic People’s Republic");
		assertThat(bundle.image().alt()).isNotBlank();
		assertThat(d.syndication().publication()).isEqualTo("Carnegie Commentary");
		assertThat(d.syndication().note())
			.isEqualTo("The longer version of this commentary first appeared in Carnegie Commentary");
		assertThat(d.syndication().hasOriginalUrl()).isFalse();
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|',
			textBlock = """
					unclosed quote       | 4 |           | title: "Unclosed\\nsection: News
					unknown field        | 4 | colour    | title: T\\nsection: News\\ncolour: red
					bad date             | 5 | published | title: T\\nsection: News\\nauthors: [A]\\npublished: yesterday
					bad status           | 5 | status    | title: T\\nsection: News\\nauthors: [A]\\nstatus: maybe
					authors not a list   | 4 | authors   | title: T\\nsection: News\\nauthors: {x: 1}
					author without name  | 5 | authors[0].name | title: T\\nsection: News\\nauthors:\\n  - bio: B
					blank title          | 2 | title     | title: ""\\nsection: News
					image without file   | 7 | image.file | title: T\\nsection: News\\nauthors: [A]\\npublished: 2020-01-01T00:00:00Z\\nimage:\\n  alt: A
					missing image file   | 8 | image.file | title: T\\nsection: News\\nauthors: [A]\\npublished: 2020-01-01T00:00:00Z\\nimage:\\n  alt: A\\n  file: nope.jpg
					relative original    | 8 | syndication.url | title: T\\nsection: News\\nauthors: [A]\\npublished: 2020-01-01T00:00:00Z\\nsyndication:\\n  note: N\\n  url: /relative
					duplicate key        | 5 | title     | title: T\\nsection: News\\nauthors: [A]\\ntitle: U
					emoji-only section   | 3 | section   | title: T\\nsection: "🚀"\\nauthors: [A]
					emoji-only tag       | 5 | tags[1]   | title: T\\nsection: News\\nauthors: [A]\\ntags: [Fine, "!!"]
					empty published      | 5 | published | title: T\\nsection: News\\nauthors: [A]\\npublished:
					image outside folder | 8 | image.file | title: T\\nsection: News\\nauthors: [A]\\npublished: 2020-01-01T00:00:00Z\\nimage:\\n  alt: A\\n  file: ../../etc/passwd
					bad language         | 6 | language  | title: T\\nsection: News\\nauthors: [A]\\npublished: 2020-01-01T00:00:00Z\\nlanguage: not a tag!
					""")
	void malformedFrontMatterNamesLineAndField(String name, int line, String field, String yaml) throws IOException {
		Path file = write("bad.md", "---\n" + yaml.replace("\\n", "\n") + "\n---\nBody\n");
		assertThatThrownBy(() -> parser.parse(file)).isInstanceOfSatisfying(BundleException.class, ex -> {
			assertThat(ex.file()).isEqualTo(file);
			assertThat(ex.field()).as(ex.getMessage()).isEqualTo(field);
			assertThat(ex.line()).as(ex.getMessage()).isEqualTo(line);
			assertThat(ex.getMessage()).startsWith(file + ":" + line + ":");
		});
	}

	@Test
	void overlongFieldsAndHugeFilesAreRefused() throws IOException {
		Path title = write("long.md", "---\ntitle: " + "x".repeat(301) + "\nsection: News\nauthors: [A]\n---\n");
		assertThatThrownBy(() -> parser.parse(title)).hasMessageContaining(":2: title: at most 300 characters");
		Path huge = write("huge.md", "---\ntitle: T\n---\n" + "x".repeat(5_000_001));
		assertThatThrownBy(() -> parser.parse(huge)).hasMessageContaining(":0: larger than 5 MB");
	}

	@Test
	void missingFrontMatterIsRefused() throws IOException {
		Path file = write("plain.md", "# Just Markdown\n");
		assertThatThrownBy(() -> parser.parse(file)).hasMessageContaining(":1:").hasMessageContaining("front matter");
		Path unclosed = write("unclosed.md", "---\ntitle: T\n");
		assertThatThrownBy(() -> parser.parse(unclosed)).hasMessageContaining("closing '---'");
	}

	@Test
	void notUtf8IsRefused() throws IOException {
		Path file = dir.resolve("latin1.md");
		Files.write(file, "---\ntitle: Caf\u00e9\n---\n".getBytes(StandardCharsets.ISO_8859_1));
		assertThatThrownBy(() -> parser.parse(file)).hasMessageContaining("not UTF-8");
	}

	@Test
	void draftNeedsNoDateAndAuthorsMayBePlainNames() throws IOException {
		Path file = write("draft.md", "---\ntitle: T\nsection: News\nstatus: draft\nauthors: [Ann, Bo]\n---\n\nText");
		var d = parser.parse(file).draft();
		assertThat(d.status()).isEqualTo(ArticleStatus.DRAFT);
		assertThat(d.publishedAt()).isNull();
		assertThat(d.authors()).extracting(a -> a.name()).containsExactly("Ann", "Bo");
		assertThat(d.bodyMarkdown()).isEqualTo("Text");
	}

	private Path write(String name, String text) throws IOException {
		return Files.writeString(dir.resolve(name), text);
	}

}
