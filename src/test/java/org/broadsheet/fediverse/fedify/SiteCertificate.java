package org.broadsheet.fediverse.fedify;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A self-signed certificate for {@code localhost} (RSA 2048, two days), made with the
 * JDK's keytool, so that the site under test serves https: Fedify looks {@code acct:}
 * handles up over https only (RFC 7033 §4 requires it), so the test site must have TLS
 * for the peer to find it by handle.
 */
record SiteCertificate(Path keyStore, Path pem, String password) {

	static SiteCertificate create(Path folder) throws IOException, InterruptedException {
		Path keyStore = folder.resolve("site.p12");
		Path pem = folder.resolve("site.pem");
		String password = "changeit";
		String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
		run(List.of(keytool, "-genkeypair", "-alias", "site", "-keyalg", "RSA", "-keysize", "2048", "-dname",
				"CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-validity", "2", "-storetype", "PKCS12",
				"-keystore", keyStore.toString(), "-storepass", password));
		run(List.of(keytool, "-exportcert", "-rfc", "-alias", "site", "-keystore", keyStore.toString(), "-storepass",
				password, "-file", pem.toString()));
		return new SiteCertificate(keyStore, pem, password);
	}

	private static void run(List<String> command) throws IOException, InterruptedException {
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes());
		if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
			throw new AssertionError(command.get(1) + " failed: " + output);
		}
	}

	/** Spring options that make the site serve https with this certificate. */
	List<String> serverOptions() {
		return List.of("--server.ssl.key-store=" + keyStore, "--server.ssl.key-store-password=" + password,
				"--server.ssl.key-store-type=PKCS12", "--server.ssl.key-alias=site");
	}

	/** A TLS context that trusts this certificate only, for the test's own clients. */
	SSLContext trustingIt() throws IOException, GeneralSecurityException {
		KeyStore trusted = KeyStore.getInstance("PKCS12");
		trusted.load(null, null);
		try (InputStream in = Files.newInputStream(pem)) {
			trusted.setCertificateEntry("site", CertificateFactory.getInstance("X.509").generateCertificate(in));
		}
		var factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
		factory.init(trusted);
		SSLContext context = SSLContext.getInstance("TLS");
		context.init(null, factory.getTrustManagers(), null);
		return context;
	}

}
