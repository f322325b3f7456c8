package org.broadsheet.support;

import java.net.URI;
import java.util.List;
import java.util.Properties;

import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStore;
import org.jclouds.blobstore.BlobStoreContext;
import org.jclouds.blobstore.TransientApiMetadata;

/**
 * A real S3 API server for tests: S3Proxy over jclouds' in-memory ({@code transient})
 * blob store, on a free port of the loopback address, with path-style addresses and AWS
 * signatures (version 2 or 4) checked against one test key.
 */
public final class S3Server implements AutoCloseable {

	/** The access key the server accepts. */
	public static final String ACCESS_KEY = "test-access";

	/** The secret key the server accepts. */
	public static final String SECRET_KEY = "test-secret";

	private final BlobStoreContext context;

	private final S3Proxy proxy;

	private S3Server(BlobStoreContext context, S3Proxy proxy) {
		this.context = context;
		this.proxy = proxy;
	}

	/** Starts a server with one empty bucket, {@code bucket}. */
	public static S3Server start(String bucket) {
		var properties = new Properties();
		properties.setProperty("jclouds.transient.location", "");
		BlobStoreContext context = ContextBuilder.newBuilder(new TransientApiMetadata())
			.credentials("identity", "credential")
			.overrides(properties)
			.build(BlobStoreContext.class);
		context.getBlobStore().createContainerInLocation(null, bucket);
		S3Proxy proxy = S3Proxy.builder()
			.blobStore(context.getBlobStore())
			.endpoint(URI.create("http://127.0.0.1:0"))
			.awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
			.build();
		try {
			proxy.start(); // returns once Jetty listens
		}
		catch (Exception ex) {
			context.close();
			throw new IllegalStateException("S3Proxy did not start", ex);
		}
		return new S3Server(context, proxy);
	}

	/**
	 * @return the server's address, e.g. {@code http://127.0.0.1:41234}
	 */
	public String endpoint() {
		return "http://127.0.0.1:" + proxy.getPort();
	}

	/**
	 * @return the Spring options that point a node's media store at this server
	 */
	public List<String> options(String bucket) {
		return List.of("--broadsheet.media.store=s3", "--broadsheet.media.s3.bucket=" + bucket,
				"--broadsheet.media.s3.endpoint=" + endpoint(), "--broadsheet.media.s3.path-style=true",
				"--broadsheet.media.s3.access-key=" + ACCESS_KEY, "--broadsheet.media.s3.secret-key=" + SECRET_KEY);
	}

	/**
	 * @return what the server keeps, for looking behind the S3 API
	 */
	public BlobStore blobs() {
		return context.getBlobStore();
	}

	/** Stops the server; what it kept is gone. */
	@Override
	public void close() {
		try {
			proxy.stop();
		}
		catch (Exception ex) {
			throw new IllegalStateException("S3Proxy did not stop", ex);
		}
		finally {
			context.close();
		}
	}

}
