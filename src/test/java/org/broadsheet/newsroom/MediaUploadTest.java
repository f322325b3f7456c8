package org.broadsheet.newsroom;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.CRC32;

import org.apache.commons.imaging.Imaging;
import org.apache.commons.imaging.formats.jpeg.JpegImageMetadata;
import org.apache.commons.imaging.formats.jpeg.exif.ExifRewriter;
import org.apache.commons.imaging.formats.tiff.write.TiffOutputSet;
import org.broadsheet.account.Accounts;
import org.broadsheet.account.Role;
import org.broadsheet.account.SystemActor;
import org.broadsheet.media.MediaLibrary;
import org.broadsheet.support.NewsroomBrowser;
import org.broadsheet.support.RunningSite;
import org.broadsheet.support.TestDatabases;
import org.broadsheet.support.TestImages;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;

/**
 * The media library's upload, over HTTP: what is refused and why, and what a good photo
 * becomes.
 */
class MediaUploadTest {

	static Path data;

	static RunningSite site;

	static NewsroomBrowser editor;

	@BeforeAll
	static void start() {
		data = TestDatabases.newDataFolder();
		site = RunningSite.start(data);
		site.bean(Accounts.class)
			.create(SystemActor.CLI, "editor@news.test", "Editor", Role.EDITOR, "correct horse battery");
		editor = new NewsroomBrowser(site).signIn("editor@news.test", "correct horse battery");
	}

	@AfterAll
	static void stop() {
		site.close();
	}

	@Test
	void aPhotoIsStoredWithoutItsLocationAndWithResponsiveVariants() throws Exception {
		byte[] photo = withGps(TestImages.jpeg(2000, 1200));
		assertThat(hasGps(photo)).isTrue();
		var response = editor.upload("/newsroom/media", "harbour.jpg", photo,
				Map.of("alt", "A harbour", "caption", "The harbour at dawn", "credit", "Staff photographer"));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(302);

		var image = site.bean(MediaLibrary.class).recent(1).get(0);
		assertThat(image.width()).isEqualTo(2000);
		assertThat(image.credit()).isEqualTo("Staff photographer");
		assertThat(hasGps(Files.readAllBytes(data.resolve("media").resolve(image.storageKey())))).isFalse();
		assertThat(image.srcset()).contains("-480.jpg 480w", "-960.jpg 960w", "-1600.jpg 1600w",
				image.url() + " 2000w");

		String variant = image.srcset().split(",")[1].strip().split(" ")[0];
		var served = site.get(variant);
		assertThat(served.status()).isEqualTo(200);
		assertThat(served.header("Content-Type")).isEqualTo("image/jpeg");
		// Variants are derived: deleted, they are made again on request.
		FileSystemUtils.deleteRecursively(data.resolve("media/variants"));
		assertThat(site.get(variant).status()).isEqualTo(200);

		var page = Jsoup.parse(editor.get("/newsroom/media").body());
		assertThat(page.select(".media-grid img").eachAttr("alt")).contains("A harbour");
	}

	@Test
	void badFilesAreRefusedWithAClearMessage() throws Exception {
		assertRefused("renamed.png", TestImages.jpeg(100, 80), 400, "is named .png but is a JPEG image");
		assertRefused("bomb.png", pngHeader(30_000, 30_000), 400, "30000×30000 pixels");
		assertRefused("drawing.svg",
				"<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>".getBytes(), 400,
				"SVG is not accepted");
		assertRefused("drawing.jpg", "<?xml version=\"1.0\"?><svg onload=\"alert(1)\"/>".getBytes(), 400,
				"SVG is not accepted");
		assertRefused("empty.jpg", new byte[0], 400, "choose a non-empty image file");
		assertRefused("huge.jpg", new byte[50 * 1024 * 1024], 413, "larger than the upload limit");
		assertRefused("text.jpg", "just some text".getBytes(), 400, "is not a JPEG, PNG, GIF or WebP image");
		var noAlt = editor.upload("/newsroom/media", "fine.jpg", TestImages.jpeg(100, 80), Map.of("alt", ""));
		assertThat(noAlt.statusCode()).isEqualTo(400);
		assertThat(Jsoup.parse(noAlt.body()).selectFirst(".notice").text()).startsWith("alt:");
	}

	private static void assertRefused(String name, byte[] content, int status, String message) {
		var response = editor.upload("/newsroom/media", name, content, Map.of("alt", "Something"));
		assertThat(response.statusCode()).as(name).isEqualTo(status);
		assertThat(Jsoup.parse(response.body()).selectFirst(".notice").text()).as(name).contains(message);
	}

	@Test
	void aPhotoStoredByAnImportLosesItsLocationToo() throws Exception {
		Path file = Files.write(data.resolve("imported.jpg"), withGps(TestImages.jpeg(300, 200)));
		var image = site.bean(MediaLibrary.class).store(file, "Imported", null, null);
		assertThat(hasGps(Files.readAllBytes(data.resolve("media").resolve(image.storageKey())))).isFalse();
	}

	static byte[] withGps(byte[] jpeg) throws Exception {
		var set = new TiffOutputSet();
		set.setGpsInDegrees(103.8, 1.35);
		var out = new ByteArrayOutputStream();
		new ExifRewriter().updateExifMetadataLossless(jpeg, out, set);
		return out.toByteArray();
	}

	static boolean hasGps(byte[] jpeg) throws Exception {
		return Imaging.getMetadata(jpeg) instanceof JpegImageMetadata metadata && metadata.getExif() != null
				&& metadata.getExif().getGpsInfo() != null;
	}

	/** A PNG signature and header chunk declaring the size, and nothing else. */
	static byte[] pngHeader(int width, int height) {
		var buffer = ByteBuffer.allocate(33);
		buffer.put(new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' });
		buffer.putInt(13);
		byte[] chunk = ByteBuffer.allocate(17)
			.put("IHDR".getBytes())
			.putInt(width)
			.putInt(height)
			.put(new byte[] { 8, 2, 0, 0, 0 })
			.array();
		buffer.put(chunk);
		var crc = new CRC32();
		crc.update(chunk);
		buffer.putInt((int) crc.getValue());
		return buffer.array();
	}

}
