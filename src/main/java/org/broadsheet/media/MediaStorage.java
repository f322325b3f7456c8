package org.broadsheet.media;

import java.net.URI;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where media is kept, from {@code broadsheet.media.*} (README, "Media storage").
 *
 * @param store {@code local} (the default: {@code <data>/media}, one node) or {@code s3}
 * (a bucket every node shares)
 * @param s3 the bucket, for {@code store=s3} and the {@code media-to-s3} command
 */
@ConfigurationProperties("broadsheet.media")
record MediaStorage(@DefaultValue("local") String store, @DefaultValue S3 s3) {

	/**
	 * An S3 bucket (AWS, or any server speaking its API: MinIO, Ceph, R2, S3Proxy).
	 *
	 * @param bucket its name; required
	 * @param endpoint the server's address, e.g. {@code http://127.0.0.1:9000}; none
	 * means AWS's for the region
	 * @param region e.g. {@code eu-west-1}; other servers mostly accept the default
	 * @param pathStyle address the bucket as {@code endpoint/bucket/key} rather than
	 * {@code bucket.endpoint/key}; true for S3Proxy and most MinIO set-ups
	 * @param prefix put every key under this one, e.g. {@code media/} (a {@code /} is
	 * added when missing); none by default
	 * @param accessKey with {@code secretKey}: the credentials; when absent the SDK's
	 * default chain finds them (environment, profile, instance or container role)
	 * @param secretKey see {@code accessKey}
	 */
	record S3(String bucket, URI endpoint, @DefaultValue("us-east-1") String region,
			@DefaultValue("false") boolean pathStyle, @DefaultValue("") String prefix, String accessKey,
			String secretKey) {

		public S3 {
			prefix = prefix.isEmpty() || prefix.endsWith("/") ? prefix : prefix + "/";
		}

		/**
		 * @return where keys go, e.g. {@code s3://news-media/media/}
		 */
		String location() {
			return "s3://" + bucket + "/" + prefix;
		}

	}

}
