package org.broadsheet.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.broadsheet.BroadsheetApplication;
import org.broadsheet.account.Accounts;
import org.broadsheet.account.Role;
import org.broadsheet.account.SystemActor;
import org.broadsheet.support.NewsroomBrowser;
import org.broadsheet.support.RunningSite;
import org.broadsheet.support.S3Server;
import org.broadsheet.support.TestDatabases;
import org.broadsheet.support.TestImages;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Media in an S3 bucket (S3Proxy, a real S3 API server, on a free port) shared by two
 * nodes on one database: what one node stores, the other serves, variants included;
 * missing objects are 404; orphans are swept from the bucket; a local folder is copied in
 * by {@code media-to-s3}; and a bucket that cannot be reached makes the node unready
 * within seconds while its pages still serve.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class S3MediaStoreTest {

	static final String BUCKET = "news-media";

	S3Server s3;

	RunningSite a;

	RunningSite b;

	NewsroomBrowser editorOnA;

	@BeforeAll
	void start() {
		s3 = S3Server.start(BUCKET);
		Path dataA = TestDatabases.newDataFolder();
		var options = new ArrayList<>(s3.options(BUCKET));
		options.add("--spring.datasource.url=jdbc:sqlite:" + dataA.resolve("broadsheet.db")
				+ "?journal_mode=WAL&busy_timeout=10000&foreign_keys=true&synchronous=FULL");
		a = RunningSite.start(dataA, options.toArray(String[]::new));
		b = RunningSite.start(TestDatabases.newDataFolder(), options.toArray(String[]::new));
		a.bean(Accounts.class).create(SystemActor.CLI, "editor@s3.test", "Editor", Role.EDITOR, "editor-password-1");
		editorOnA = new NewsroomBrowser(a).signIn("editor@s3.test", "editor-password-1");
	}

	@AfterAll
	void stop() {
		b.close();
		a.close();
		s3.close();
	}

	@Test
	void anImageUploadedOnOneNodeIsServedByTheOtherWithItsVariants() throws Exception {
		var response = editorOnA.upload("/newsroom/media", "quay.jpg", TestImages.jpeg(2000, 1200),
				Map.of("alt", "A quay"));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(302);
		var image = a.bean(MediaLibrary.class).recent(1).get(0);
		assertThat(image.alt()).isEqualTo("A quay");
		String variant960 = Variants.key(image, 960);
		assertThat(List.of(image.storageKey(), Variants.key(image, 480), variant960, Variants.key(image, 1600)))
			.allMatch(key -> s3.blobs().blobExists(BUCKET, key));
		assertThat(a.bean(MediaLibrary.class).folder().resolve(image.storageKey())).doesNotExist();

		var original = b.get(image.url());
		assertThat(original.status()).isEqualTo(200);
		assertThat(original.header("Content-Type")).isEqualTo("image/jpeg");
		assertThat(original.header("Cache-Control")).isEqualTo("max-age=31536000, public, immutable");
		assertThat(Long.parseLong(original.header("Content-Length")))
			.isEqualTo(s3.blobs().blobMetadata(BUCKET, image.storageKey()).getContentMetadata().getContentLength());
		assertThat(original.header("Last-Modified")).isNotNull();
		String etag = original.header("ETag");
		assertThat(etag).contains(image.storageKey().substring(3));
		assertThat(b.get(image.url(), "If-None-Match", etag).status()).isEqualTo(304);

		// A variant missing from the bucket is made by the node asked, and kept there for
		// the others.
		s3.blobs().removeBlob(BUCKET, variant960);
		var made = b.get("/media/" + variant960);
		assertThat(made.status()).isEqualTo(200);
		assertThat(made.header("Content-Type")).isEqualTo("image/jpeg");
		assertThat(s3.blobs().blobExists(BUCKET, variant960)).isTrue();
		assertThat(a.get("/media/" + variant960).status()).isEqualTo(200);
		assertThat(b.get("/media/" + Variants.key(image, 480)).status()).isEqualTo(200);
	}

	@Test
	void whatIsMissingIs404() throws Exception {
		Path file = Files.write(Files.createTempFile("gone", ".jpg"), TestImages.jpeg(800, 600));
		var image = a.bean(MediaLibrary.class).store(file, "Gone", null, null);
		assertThat(a.get(image.url()).status()).isEqualTo(200);
		s3.blobs().removeBlob(BUCKET, image.storageKey());
		assertThat(b.get(image.url()).status()).isEqualTo(404);
		assertThat(b.get("/media/" + Variants.key(image, 480)).status()).as("no original to make it from")
			.isEqualTo(404);
		assertThat(b.get("/media/ab/ab" + "0".repeat(62) + ".jpg").status()).isEqualTo(404);
		assertThat(b.get("/media/cd/ab" + "0".repeat(62) + ".jpg").status()).isEqualTo(404);
		assertThat(b.get("/media/variants/ab" + "0".repeat(62) + "-480.jpg").status()).isEqualTo(404);
	}

	@Test
	void theSweepRemovesOriginalsNoRowReferencesFromTheBucket() throws Exception {
		Path file = Files.write(Files.createTempFile("kept", ".jpg"), TestImages.jpeg(640, 480));
		var kept = a.bean(MediaLibrary.class).store(file, "Kept", null, null);
		String orphan = "cd/cd" + "1".repeat(62) + ".jpg";
		String orphanVariant = "variants/cd" + "1".repeat(62) + "-480.jpg";
		for (String key : List.of(orphan, orphanVariant)) {
			s3.blobs().putBlob(BUCKET, s3.blobs().blobBuilder(key).payload(new byte[] { 1, 2, 3 }).build());
		}
		var library = a.bean(MediaLibrary.class);
		var now = new OrphanSweep(library, a.bean(JdbcClient.class), Clock.systemUTC(), Duration.ofDays(1));
		assertThat(now.sweep()).as("younger than the grace period: perhaps an upload in flight").isZero();
		assertThat(s3.blobs().blobExists(BUCKET, orphan)).isTrue();

		var later = new OrphanSweep(library, a.bean(JdbcClient.class),
				Clock.fixed(Instant.now().plus(Duration.ofDays(2)), java.time.ZoneOffset.UTC), Duration.ofDays(1));
		later.sweep();
		assertThat(s3.blobs().blobExists(BUCKET, orphan)).isFalse();
		assertThat(s3.blobs().blobExists(BUCKET, orphanVariant)).isFalse();
		assertThat(s3.blobs().blobExists(BUCKET, kept.storageKey())).isTrue();
	}

	@Test
	void aBucketMostlyUnknownToTheDatabaseIsNotSwept() throws Exception {
		Path file = Files.write(Files.createTempFile("kept", ".jpg"), TestImages.jpeg(320, 240));
		a.bean(MediaLibrary.class).store(file, "Kept", null, null);
		List<String> strangers = new ArrayList<>();
		for (int i = 0; i <= OrphanSweep.SHARED_LIMIT; i++) {
			String hash = "%064x".formatted(i + 1);
			strangers.add(hash.substring(0, 2) + "/" + hash + ".jpg");
		}
		strangers
			.forEach(key -> s3.blobs().putBlob(BUCKET, s3.blobs().blobBuilder(key).payload(new byte[] { 1 }).build()));
		try {
			var later = new OrphanSweep(a.bean(MediaLibrary.class), a.bean(JdbcClient.class),
					Clock.fixed(Instant.now().plus(Duration.ofDays(2)), java.time.ZoneOffset.UTC), Duration.ofDays(1));
			assertThat(later.sweep()).isZero();
			assertThat(strangers).allMatch(key -> s3.blobs().blobExists(BUCKET, key));
		}
		finally {
			strangers.forEach(key -> s3.blobs().removeBlob(BUCKET, key));
		}
	}

	@Test
	void mediaToS3CopiesALocalFolderOnceAndChecksSizes() throws Exception {
		Path data = TestDatabases.newDataFolder();
		Path media = data.resolve("media");
		String hash = "ef" + "2".repeat(62);
		write(media.resolve("ef").resolve(hash + ".png"), 300);
		write(media.resolve("variants").resolve(hash + "-480.png"), 120);
		write(media.resolve("pending1.tmp"), 10);

		var first = run(data);
		assertThat(first[0]).as(first[1]).isEqualTo("0");
		assertThat(first[1]).contains("Copied 2 files", "0 were there already", "0 failed");
		assertThat(s3.blobs().blobMetadata(BUCKET, "moved/ef/" + hash + ".png").getContentMetadata().getContentLength())
			.isEqualTo(300);
		assertThat(s3.blobs().blobExists(BUCKET, "moved/variants/" + hash + "-480.png")).isTrue();
		assertThat(s3.blobs().blobExists(BUCKET, "moved/pending1.tmp")).isFalse();

		var second = run(data);
		assertThat(second[0]).isEqualTo("0");
		assertThat(second[1]).contains("Copied 0 files", "2 were there already", "0 failed");
	}

	/**
	 * @return the exit code and what the command printed
	 */
	private String[] run(Path data) {
		var out = new StringWriter();
		var cli = BroadsheetApplication.commandLine();
		cli.setOut(new PrintWriter(out));
		cli.setErr(new PrintWriter(out));
		var args = new ArrayList<>(List.of("media-to-s3", "--broadsheet.data=" + data));
		args.addAll(s3.options(BUCKET));
		args.remove("--broadsheet.media.store=s3");
		args.add("--broadsheet.media.s3.prefix=moved");
		int code = cli.execute(args.toArray(String[]::new));
		return new String[] { String.valueOf(code), out.toString() };
	}

	@Test
	@Order(Integer.MAX_VALUE)
	void aBucketThatCannotBeReachedMakesTheNodeUnreadyWithinSecondsAndPagesStillServe() throws Exception {
		assertThat(a.get("/actuator/health/readiness").status()).isEqualTo(200);
		s3.close();
		long started = System.nanoTime();
		var readiness = a.get("/actuator/health/readiness");
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
		assertThat(readiness.status()).isEqualTo(503);
		assertThat(a.get("/").status()).isEqualTo(200);
		assertThat(b.get("/media/ab/ab" + "0".repeat(62) + ".jpg").status()).isEqualTo(503);
		var upload = editorOnA.upload("/newsroom/media", "late.jpg", TestImages.jpeg(300, 200), Map.of("alt", "Late"));
		assertThat(upload.statusCode()).isEqualTo(503);
		assertThat(upload.body()).contains("could not be stored just now");
	}

	private static void write(Path file, int size) {
		try {
			Files.createDirectories(file.getParent());
			Files.write(file, new byte[size]);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
