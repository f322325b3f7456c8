package org.broadsheet.newsletter.mail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.simplejavamail.utils.mail.dkim.Canonicalization;
import org.simplejavamail.utils.mail.dkim.DkimMessage;
import org.simplejavamail.utils.mail.dkim.DkimSigner;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * DKIM signatures (RFC 6376, rsa-sha256, relaxed/relaxed) of newsletter e-mails, when
 * {@code broadsheet.newsletter.dkim.domain}, {@code .selector} and {@code .private-key}
 * (the path of an RSA key in PKCS#8 PEM, {@code -----BEGIN PRIVATE KEY-----}) are set;
 * none of them set means no signature, some of them a start-up error. The signature
 * covers From, To, Subject, Date, Message-ID, MIME-Version, the content headers, List-Id,
 * List-Unsubscribe and List-Unsubscribe-Post (RFC 8058 §4 asks for the last two) and the
 * body; it is computed when the message is written to the SMTP server (simplejavamail's
 * {@code utils-mail-dkim}), so a header changed after {@link #sign} is still covered.
 * Receivers find the public key in DNS at {@code <selector>._domainkey.<domain>}.
 */
@Component
class DkimSigning {

	private final String domain;

	private final String selector;

	private final RSAPrivateKey key;

	DkimSigning(@Value("${broadsheet.newsletter.dkim.domain:}") String domain,
			@Value("${broadsheet.newsletter.dkim.selector:}") String selector,
			@Value("${broadsheet.newsletter.dkim.private-key:}") String privateKey) {
		boolean any = !domain.isBlank() || !selector.isBlank() || !privateKey.isBlank();
		boolean all = !domain.isBlank() && !selector.isBlank() && !privateKey.isBlank();
		if (any && !all) {
			throw new IllegalStateException("DKIM needs all of broadsheet.newsletter.dkim.domain, .selector and"
					+ " .private-key (or none of them)");
		}
		this.domain = domain.strip();
		this.selector = selector.strip();
		this.key = all ? readKey(Path.of(privateKey.strip())) : null;
	}

	/**
	 * @return whether messages are signed
	 */
	boolean enabled() {
		return key != null;
	}

	/**
	 * @param message complete, its changes saved
	 * @return a message that signs itself when written, or {@code message} itself when
	 * DKIM is not configured
	 */
	MimeMessage sign(MimeMessage message) throws MessagingException {
		if (key == null) {
			return message;
		}
		// A signer per message: DkimSigner keeps its digest and signature objects, which
		// are not thread-safe, and a send may run on several threads.
		var signer = new DkimSigner(domain, selector, key);
		signer.setCheckDomainKey(false);
		signer.setHeaderCanonicalization(Canonicalization.RELAXED);
		signer.setBodyCanonicalization(Canonicalization.RELAXED);
		signer.addHeaderToSign("List-Unsubscribe-Post");
		return new SignedMessage(message, signer);
	}

	/**
	 * Reads an RSA private key in PKCS#8 PEM.
	 * @throws IllegalStateException naming the file when it cannot be read or holds no
	 * such key (a PKCS#1 {@code BEGIN RSA PRIVATE KEY} file is converted with
	 * {@code openssl pkcs8 -topk8 -nocrypt -in old.pem -out dkim.pem})
	 */
	static RSAPrivateKey readKey(Path file) {
		try {
			String pem = Files.readString(file, StandardCharsets.US_ASCII);
			int begin = pem.indexOf("-----BEGIN PRIVATE KEY-----");
			int end = pem.indexOf("-----END PRIVATE KEY-----");
			if (begin < 0 || end < begin) {
				throw new IllegalStateException("broadsheet.newsletter.dkim.private-key: " + file
						+ " holds no PKCS#8 key (-----BEGIN PRIVATE KEY-----); convert it with"
						+ " openssl pkcs8 -topk8 -nocrypt -in key.pem -out dkim.pem");
			}
			byte[] der = Base64.getMimeDecoder()
				.decode(pem.substring(begin + "-----BEGIN PRIVATE KEY-----".length(), end));
			return (RSAPrivateKey) KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
		}
		catch (IOException | GeneralSecurityException | ClassCastException | IllegalArgumentException ex) {
			throw new IllegalStateException(
					"broadsheet.newsletter.dkim.private-key: cannot read an RSA key from " + file + ": " + ex, ex);
		}
	}

	/** A signing message that keeps the Message-ID it was composed with. */
	private static final class SignedMessage extends DkimMessage {

		SignedMessage(MimeMessage message, DkimSigner signer) throws MessagingException {
			super(message, signer);
		}

		@Override
		protected void updateMessageID() {
			// The Message-ID names the send and the subscriber: never replaced.
		}

	}

}
