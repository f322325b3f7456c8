package org.broadsheet.newsroom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.imageio.ImageIO;

import org.broadsheet.account.Accounts;
import org.broadsheet.account.Role;
import org.broadsheet.account.SystemActor;
import org.broadsheet.media.MediaLibrary;
import org.broadsheet.support.NewsroomBrowser;
import org.broadsheet.support.ReaderBrowser;
import org.broadsheet.support.RunningSite;
import org.broadsheet.support.TestArticles;
import org.broadsheet.support.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Large photos uploaded while readers comment, all at once over real HTTP on SQLite (one
 * writer): decoding and resizing happen outside any transaction, so nobody waits for the
 * write lock long enough to fail.
 */
class UploadsUnderLoadTest {

	static final int UPLOADS = 4;

	static final int COMMENTS = 12;

	static RunningSite site;

	@BeforeAll
	static void start() {
		site = RunningSite.start(TestDatabases.newDataFolder(), "--broadsheet.comments.min-fill-time=0s",
				"--broadsheet.comments.per-minute=1000", "--broadsheet.comments.per-hour=1000");
		site.bean(Accounts.class)
			.create(SystemActor.CLI, "editor@news.test", "Editor", Role.EDITOR, "correct horse battery");
	}

	@AfterAll
	static void stop() {
		site.close();
	}

	@Test
	void largeUploadsAndCommentsSentTogetherAllSucceed() throws Exception {
		String path = TestArticles.publish(site, "Busy newsroom", Instant.now().minusSeconds(3600));
		var editor = new NewsroomBrowser(site).signIn("editor@news.test", "correct horse battery");
		List<byte[]> photos = photos(UPLOADS, 7000, 7000);
		List<ReaderBrowser> readers = new ArrayList<>();
		for (int i = 0; i < COMMENTS; i++) {
			var reader = new ReaderBrowser(site);
			reader.open(path);
			readers.add(reader);
		}

		var together = new CyclicBarrier(UPLOADS + COMMENTS);
		List<Callable<HttpResponse<String>>> requests = new ArrayList<>();
		for (int i = 0; i < UPLOADS; i++) {
			byte[] photo = photos.get(i);
			String name = "photo-" + i + ".jpg";
			requests.add(() -> {
				together.await();
				return editor.upload("/newsroom/media", name, photo, Map.of("alt", "Photo " + name));
			});
		}
		for (int i = 0; i < COMMENTS; i++) {
			var reader = readers.get(i);
			String text = "Comment number " + i + " sent while photos upload.";
			requests.add(() -> {
				together.await();
				return reader.comment(path,
						Map.of("name", "Reader", "email", "reader@example.com", "text", text, "website", ""));
			});
		}
		ExecutorService pool = Executors.newFixedThreadPool(requests.size());
		List<HttpResponse<String>> responses = new ArrayList<>();
		try {
			for (Future<HttpResponse<String>> future : pool.invokeAll(requests)) {
				responses.add(future.get());
			}
		}
		finally {
			pool.shutdownNow();
		}

		for (var response : responses) {
			assertThat(response.statusCode()).as(response.request().uri() + ": " + response.body()).isEqualTo(302);
		}
		var jdbc = site.bean(JdbcClient.class);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM comment").query(Integer.class).single()).isEqualTo(COMMENTS);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM image").query(Integer.class).single()).isEqualTo(UPLOADS);
	}

	@Test
	void imageWorkIsRefusedInsideATransaction() throws Exception {
		Path file = Files.write(Files.createTempFile("photo", ".jpg"), photos(1, 100, 80).get(0));
		var media = site.bean(MediaLibrary.class);
		var transaction = site.bean(TransactionTemplate.class);
		assertThatThrownBy(() -> transaction.execute(status -> media.prepare(file, "photo.jpg")))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("inside a transaction");
	}

	/**
	 * Photographs of {@code width × height} pixels, each different (a gradient with its
	 * own mark).
	 */
	static List<byte[]> photos(int count, int width, int height) throws Exception {
		var image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		var g = image.createGraphics();
		g.setPaint(new GradientPaint(0, 0, Color.ORANGE, width, height, Color.BLUE));
		g.fillRect(0, 0, width, height);
		List<byte[]> photos = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			g.setColor(new Color(40 * i, 200, 255 - 40 * i));
			g.fillRect(100 + 200 * i, 100, 150, 150);
			var out = new ByteArrayOutputStream();
			ImageIO.write(image, "jpg", out);
			photos.add(out.toByteArray());
		}
		g.dispose();
		return photos;
	}

}
