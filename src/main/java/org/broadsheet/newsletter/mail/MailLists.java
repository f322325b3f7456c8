package org.broadsheet.newsletter.mail;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.broadsheet.author.Author;
import org.broadsheet.author.Authors;
import org.broadsheet.newsletter.ListKey;
import org.broadsheet.shared.InvalidInput;
import org.broadsheet.site.SiteLinks;
import org.broadsheet.taxonomy.Section;
import org.broadsheet.taxonomy.Taxonomy;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The lists a send goes to ({@code newsletter_send.list_keys}, space-separated keys),
 * named for the footer ("you subscribed to …") and the List-Id header.
 */
@Component
class MailLists {

	private final JdbcClient jdbc;

	private final Taxonomy taxonomy;

	private final Authors authors;

	private final SiteLinks site;

	private final MessageSource messages;

	MailLists(JdbcClient jdbc, Taxonomy taxonomy, Authors authors, SiteLinks site, MessageSource messages) {
		this.jdbc = jdbc;
		this.taxonomy = taxonomy;
		this.authors = authors;
		this.site = site;
		this.messages = messages;
	}

	/**
	 * The lists of a send.
	 *
	 * @param label the List-Id label of the first list: {@code site}, {@code section-12},
	 * {@code author-5}
	 * @param names the lists' names in the site's language, joined with commas
	 */
	record SendLists(String label, String names) {
	}

	/**
	 * @return the lists of send {@code sendId}; the site's list when the send names none
	 * (or is not stored, as for a preview)
	 */
	SendLists ofSend(long sendId) {
		String stored = jdbc.sql("SELECT list_keys FROM newsletter_send WHERE id = ?")
			.param(sendId)
			.query(String.class)
			.optional()
			.orElse("");
		List<ListKey> keys = new ArrayList<>();
		try {
			keys.addAll(ListKey.split("list_keys", stored));
		}
		catch (InvalidInput ex) {
			// Not written by ListKey.join: the site's list names the send.
		}
		if (keys.isEmpty()) {
			keys.add(ListKey.SITE);
		}
		List<String> names = new ArrayList<>();
		for (ListKey key : keys) {
			names.add(name(key));
		}
		ListKey first = keys.get(0);
		String label = first.kind() == ListKey.Kind.SITE ? "site"
				: first.kind().name().toLowerCase(Locale.ROOT) + "-" + first.id();
		return new SendLists(label, String.join(", ", names));
	}

	/**
	 * @return the list's name in the site's language (the site's, a section's, an
	 * author's)
	 */
	String name(ListKey key) {
		Locale locale = Locale.forLanguageTag(site.language());
		return switch (key.kind()) {
			case SITE -> messages.getMessage("newsletter.mail.list.site", new Object[] { site.siteName() }, locale);
			case SECTION -> messages.getMessage("newsletter.mail.list.section",
					new Object[] { taxonomy.sections()
						.stream()
						.filter(s -> s.id() == key.id())
						.map(Section::name)
						.findFirst()
						.orElse(key.toString()) },
					locale);
			case AUTHOR -> messages.getMessage("newsletter.mail.list.author",
					new Object[] { authors.all()
						.stream()
						.filter(a -> a.id() == key.id())
						.map(Author::name)
						.findFirst()
						.orElse(key.toString()) },
					locale);
		};
	}

}
