package org.broadsheet.media;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Originals and variants in an S3 bucket that every node shares, through AWS SDK v2 over
 * Apache HttpClient 5. Readers never see the bucket: nodes stream its objects to them
 * (the bucket may be private). Every call has a deadline, so that a store that does not
 * answer fails a request or the health check instead of holding it: 2 s for the health
 * check, 10 s to read, two minutes to write.
 */
final class S3MediaStore implements MediaStore, AutoCloseable {

	private static final Duration HEALTH = Duration.ofSeconds(2);

	private static final Duration READ = Duration.ofSeconds(10);

	private static final Duration WRITE = Duration.ofMinutes(2);

	private final S3Client s3;

	private final MediaStorage.S3 settings;

	private S3MediaStore(S3Client s3, MediaStorage.S3 settings) {
		this.s3 = s3;
		this.settings = settings;
	}

	/**
	 * @throws IllegalStateException when no bucket is configured
	 */
	static S3MediaStore connect(MediaStorage.S3 settings) {
		if (settings.bucket() == null || settings.bucket().isBlank()) {
			throw new IllegalStateException(
					"broadsheet.media.s3.bucket must name the bucket (README, \"Media storage\")");
		}
		AwsCredentialsProvider credentials = settings.accessKey() == null || settings.accessKey().isBlank()
				? DefaultCredentialsProvider.builder().build() : StaticCredentialsProvider
					.create(AwsBasicCredentials.create(settings.accessKey(), settings.secretKey()));
		var builder = S3Client.builder()
			.region(Region.of(settings.region()))
			.forcePathStyle(settings.pathStyle())
			.credentialsProvider(credentials)
			.httpClientBuilder(Apache5HttpClient.builder()
				.connectionTimeout(HEALTH)
				// More than Tomcat's 64 threads: readers streaming images never leave the
				// health check without a connection.
				.maxConnections(128)
				.connectionAcquisitionTimeout(HEALTH)
				.socketTimeout(READ));
		if (settings.endpoint() != null) {
			builder.endpointOverride(settings.endpoint());
		}
		return new S3MediaStore(builder.build(), settings);
	}

	@Override
	public void put(String key, Path file, String contentType) {
		call("store " + key,
				() -> s3.putObject(b -> b.bucket(settings.bucket())
					.key(settings.prefix() + key)
					.contentType(contentType)
					.overrideConfiguration(within(WRITE)), RequestBody.fromFile(file)));
	}

	@Override
	public Optional<MediaStream> open(String key) {
		return ifFound(key, () -> {
			var object = s3.getObject(
					b -> b.bucket(settings.bucket()).key(settings.prefix() + key).overrideConfiguration(within(READ)));
			return new MediaStream(object, object.response().contentLength(), object.response().lastModified());
		});
	}

	@Override
	public Optional<StoredObject> stat(String key) {
		return ifFound(key, () -> {
			var head = s3.headObject(
					b -> b.bucket(settings.bucket()).key(settings.prefix() + key).overrideConfiguration(within(READ)));
			return new StoredObject(key, head.contentLength(), head.lastModified());
		});
	}

	/**
	 * @return what {@code request} read, or empty when the bucket has no such key
	 */
	private <T> Optional<T> ifFound(String key, Supplier<T> request) {
		return call("read " + key, () -> {
			try {
				return Optional.of(request.get());
			}
			catch (S3Exception ex) {
				// A HEAD has no body: some servers' 404 carries no error code to map.
				if (ex instanceof NoSuchKeyException || ex.statusCode() == 404) {
					return Optional.empty();
				}
				throw ex;
			}
		});
	}

	@Override
	public void delete(String key) {
		call("remove " + key, () -> s3.deleteObject(
				b -> b.bucket(settings.bucket()).key(settings.prefix() + key).overrideConfiguration(within(READ))));
	}

	/** Pages of 1,000 keys, each asked for when the stream reaches it. */
	@Override
	public Stream<StoredObject> list() {
		return s3
			.listObjectsV2Paginator(
					b -> b.bucket(settings.bucket()).prefix(settings.prefix()).overrideConfiguration(within(READ)))
			.contents()
			.stream()
			.map(o -> new StoredObject(o.key().substring(settings.prefix().length()), o.size(), o.lastModified()));
	}

	/** One HeadBucket: the bucket exists and these credentials may use it. */
	@Override
	public Optional<String> problem() {
		try {
			s3.headBucket(b -> b.bucket(settings.bucket()).overrideConfiguration(within(HEALTH)));
			return Optional.empty();
		}
		catch (SdkException ex) {
			return Optional.of(settings.location() + ": " + ex.getMessage());
		}
	}

	@Override
	public boolean shared() {
		return true;
	}

	@Override
	public String toString() {
		return settings.location();
	}

	@Override
	public void close() {
		s3.close();
	}

	private static AwsRequestOverrideConfiguration within(Duration deadline) {
		return AwsRequestOverrideConfiguration.builder().apiCallTimeout(deadline).build();
	}

	private <T> T call(String what, Supplier<T> request) {
		try {
			return request.get();
		}
		catch (SdkException ex) {
			throw new UncheckedIOException(
					new IOException("Cannot " + what + " in " + settings.location() + ": " + ex.getMessage(), ex));
		}
	}

}
