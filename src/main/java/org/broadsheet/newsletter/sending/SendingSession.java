package org.broadsheet.newsletter.sending;

import java.util.Properties;

import jakarta.mail.MessagingException;
import jakarta.mail.Provider;
import jakarta.mail.Session;

import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * The mail session newsletters are sent through: Spring's {@code spring.mail.*} settings
 * (host, port, protocol, username, password and {@code spring.mail.properties.*}, e.g.
 * STARTTLS) as {@link JavaMailSenderImpl} has them, with {@link MarkingTransport}
 * registered as the transport for {@code smtp} and {@code smtps}
 * ({@code mail.smtp.class}, {@code mail.smtps.class}), BDAT off (the mark runs before the
 * DATA command's final dot), sockets without Nagle's delay ({@link NoDelaySockets}) and
 * timeouts, so that a dead server never holds a claim forever.
 */
final class SendingSession {

	/** Connect and read timeouts, in milliseconds, unless configured. */
	static final String TIMEOUT_MS = "30000";

	private final JavaMailSenderImpl sender;

	private final Session session;

	SendingSession(JavaMailSenderImpl sender) {
		this.sender = sender;
		Properties properties = new Properties();
		properties.putAll(sender.getJavaMailProperties());
		for (String protocol : new String[] { "smtp", "smtps" }) {
			String prefix = "mail." + protocol + ".";
			properties.put(prefix + "class",
					"smtp".equals(protocol) ? MarkingTransport.class.getName() : MarkingTransport.Ssl.class.getName());
			properties.put(prefix + "chunksize", "0");
			properties.putIfAbsent(prefix + "connectiontimeout", TIMEOUT_MS);
			properties.putIfAbsent(prefix + "timeout", TIMEOUT_MS);
			properties.putIfAbsent(prefix + "writetimeout", TIMEOUT_MS);
		}
		properties.putIfAbsent("mail.smtp.socketFactory", NoDelaySockets.plain());
		properties.putIfAbsent("mail.smtps.ssl.socketFactory", NoDelaySockets.tls());
		this.session = Session.getInstance(properties);
		// mail.<protocol>.class picks among registered providers only.
		session.addProvider(
				new Provider(Provider.Type.TRANSPORT, "smtp", MarkingTransport.class.getName(), "Broadsheet", "1"));
		session.addProvider(new Provider(Provider.Type.TRANSPORT, "smtps", MarkingTransport.Ssl.class.getName(),
				"Broadsheet", "1"));
	}

	Session session() {
		return session;
	}

	/**
	 * @return a connected transport (one SMTP connection, authenticated when a username
	 * is configured)
	 * @throws MessagingException when the server cannot be reached or refuses the login
	 */
	MarkingTransport connect() throws MessagingException {
		String protocol = sender.getProtocol() == null ? "smtp" : sender.getProtocol();
		var transport = session.getTransport(protocol);
		if (!(transport instanceof MarkingTransport marking)) {
			throw new IllegalStateException("mail." + protocol + ".class did not take: " + transport.getClass());
		}
		marking.connect(sender.getHost(), sender.getPort(), sender.getUsername(), sender.getPassword());
		return marking;
	}

}
