package org.broadsheet.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;

import javax.imageio.ImageIO;

import org.broadsheet.support.RunningSite;
import org.broadsheet.support.TestDatabases;
import org.junit.jupiter.api.Test;

/**
 * What a crash leaves in the media folder (a file moved into place whose transaction
 * never committed, a temporary copy) is gone after the next start; referenced originals
 * stay, and so do files young enough to belong to work still in flight.
 */
class OrphanSweepTest {

	@Test
	void aStartRemovesFilesNoRowReferencesOnceTheyAreOlderThanTheGracePeriod() throws Exception {
		Path data = TestDatabases.newDataFolder();
		Path media = data.resolve("media");
		String kept;
		try (var site = RunningSite.start(data)) {
			var image = new BufferedImage(640, 480, BufferedImage.TYPE_INT_RGB);
			Path file = data.resolve("kept.png");
			ImageIO.write(image, "png", file.toFile());
			kept = site.bean(MediaLibrary.class).store(file, "Kept", null, null).storageKey();
		}
		// As a crash leaves them: an original moved into place before its row was
		// committed, its
		// variant, and a prepared copy that never got as far.
		String hash = "ab" + "0".repeat(62);
		Path orphan = write(media.resolve("ab").resolve(hash + ".jpg"));
		Path orphanVariant = write(media.resolve("variants").resolve(hash + "-480.jpg"));
		Path pending = write(media.resolve("pending123.tmp"));
		Path recent = write(media.resolve("cd").resolve("cd" + "1".repeat(62) + ".png"));
		Instant old = Instant.now().minus(Duration.ofDays(2));
		for (Path stale : new Path[] { orphan, orphanVariant, pending, media.resolve(kept) }) {
			Files.setLastModifiedTime(stale, FileTime.from(old));
		}

		try (var site = RunningSite.start(data)) {
			assertThat(orphan).doesNotExist();
			assertThat(orphanVariant).doesNotExist();
			assertThat(pending).doesNotExist();
			assertThat(media.resolve(kept)).exists();
			assertThat(recent).as("younger than the grace period: perhaps work in flight").exists();
			assertThat(site.get("/media/" + kept).status()).isEqualTo(200);
		}
	}

	private static Path write(Path file) throws Exception {
		Files.createDirectories(file.getParent());
		return Files.write(file, new byte[] { 1, 2, 3 });
	}

}
