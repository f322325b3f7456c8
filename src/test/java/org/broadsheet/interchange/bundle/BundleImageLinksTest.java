package org.broadsheet.interchange.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bundle's image is judged by where it really is, not by its path's text: links out of
 * the folder are refused.
 */
class BundleImageLinksTest {

	private final BundleParser parser = new BundleParser();

	@TempDir
	Path dir;

	private Path bundle(Path folder, String imageFile) throws IOException {
		Files.createDirectories(folder);
		return Files.writeString(folder.resolve("article.md"), "---\ntitle: T\nsection: News\nauthors: [A]\n"
				+ "published: 2020-01-01T00:00:00Z\nimage:\n  alt: A\n  file: " + imageFile + "\n---\nBody\n");
	}

	@Test
	void aLinkToAFileOutsideTheBundlesFolderIsRefusedNamingTheField() throws IOException {
		Path secret = Files.writeString(dir.resolve("secret.txt"), "not for import");
		Path folder = dir.resolve("bundle");
		Path file = bundle(folder, "lead.jpg");
		Files.createSymbolicLink(folder.resolve("lead.jpg"), secret);
		assertThatThrownBy(() -> parser.parse(file)).isInstanceOfSatisfying(BundleException.class, ex -> {
			assertThat(ex.field()).isEqualTo("image.file");
			assertThat(ex.line()).isEqualTo(8);
			assertThat(ex.getMessage()).contains("outside the bundle's folder");
		});
	}

	@Test
	void aLinkedFolderLeadingOutsideIsRefusedToo() throws IOException {
		Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
		Files.writeString(elsewhere.resolve("lead.jpg"), "x");
		Path folder = dir.resolve("bundle");
		Path file = bundle(folder, "pictures/lead.jpg");
		Files.createSymbolicLink(folder.resolve("pictures"), elsewhere);
		assertThatThrownBy(() -> parser.parse(file)).isInstanceOfSatisfying(BundleException.class,
				ex -> assertThat(ex.field()).isEqualTo("image.file"));
	}

	@Test
	void linksThatStayInsideAndALinkedBundleFolderAreAccepted() throws IOException {
		Path real = dir.resolve("real");
		Files.createDirectories(real.resolve("pictures"));
		Path original = Files.writeString(real.resolve("pictures/photo.jpg"), "x");
		bundle(real, "lead.jpg");
		Files.createSymbolicLink(real.resolve("lead.jpg"), real.resolve("pictures/photo.jpg"));
		// The bundle reached through a link to its folder: its real folder is what
		// counts.
		Path linkedFolder = Files.createSymbolicLink(dir.resolve("linked"), real);
		var image = parser.parse(linkedFolder.resolve("article.md")).image();
		assertThat(image.file()).isEqualTo(original.toRealPath());
	}

}
