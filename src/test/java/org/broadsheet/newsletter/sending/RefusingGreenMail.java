package org.broadsheet.newsletter.sending;

import java.util.Map;
import java.util.Set;

import com.icegreen.greenmail.Managers;
import com.icegreen.greenmail.mail.MailAddress;
import com.icegreen.greenmail.server.AbstractServer;
import com.icegreen.greenmail.smtp.SmtpManager;
import com.icegreen.greenmail.smtp.SmtpState;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * GreenMail, the real SMTP server of the tests, with a mail server's usual recipient
 * check: RCPT TO an address of {@code unknown} is answered {@value #REPLY} (RFC 5321
 * §4.2.2: a permanent refusal), as for a mailbox that does not exist.
 */
final class RefusingGreenMail extends GreenMail {

	static final String REPLY = "550 5.1.1 No such mailbox";

	private final Set<String> unknown;

	RefusingGreenMail(ServerSetup setup, Set<String> unknown) {
		super(setup);
		this.unknown = Set.copyOf(unknown);
	}

	@Override
	protected Map<String, AbstractServer> createServices(ServerSetup[] config, Managers ignored) {
		var refusing = new Managers() {

			private final SmtpManager smtp = new SmtpManager(getImapHostManager(), getUserManager()) {
				@Override
				public String checkRecipient(SmtpState state, MailAddress address) {
					return unknown.contains(address.getEmail()) ? REPLY : super.checkRecipient(state, address);
				}
			};

			@Override
			public SmtpManager getSmtpManager() {
				return smtp;
			}

		};
		managers = refusing;
		return super.createServices(config, refusing);
	}

}
