package org.broadsheet.newsletter.subscription;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.broadsheet.author.Author;
import org.broadsheet.author.Authors;
import org.broadsheet.newsletter.ListKey;
import org.broadsheet.shared.InvalidInput;
import org.broadsheet.site.SiteLinks;
import org.broadsheet.taxonomy.Section;
import org.broadsheet.taxonomy.Taxonomy;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The lists readers can choose (the site, sections and authors with a public article) and
 * their names in the site's language.
 */
@Component
class NewsletterLists {

	/** The most authors the sign-up page offers (in slug order). */
	static final int MAX_AUTHORS = 50;

	/** The most lists one form may ask for. */
	static final int MAX_LISTS = 100;

	private final Taxonomy taxonomy;

	private final Authors authors;

	private final SiteLinks site;

	private final MessageSource messages;

	NewsletterLists(Taxonomy taxonomy, Authors authors, SiteLinks site, MessageSource messages) {
		this.taxonomy = taxonomy;
		this.authors = authors;
		this.site = site;
		this.messages = messages;
	}

	/** A list as a form shows it: its key and its name. */
	record Choice(String key, String label) {
	}

	/**
	 * @return the lists the sign-up page offers: the site, then sections and authors with
	 * a public article
	 */
	List<Choice> offered() {
		List<Choice> choices = new ArrayList<>();
		choices.add(new Choice(ListKey.SITE.toString(), siteLabel()));
		for (Section section : taxonomy.publicSections()) {
			choices.add(
					new Choice(ListKey.section(section.id()).toString(), t("newsletter.list.section", section.name())));
		}
		for (Author author : authors.publicAuthors("", MAX_AUTHORS)) {
			choices.add(new Choice(ListKey.author(author.id()).toString(), t("newsletter.list.author", author.name())));
		}
		return choices;
	}

	/**
	 * @param field the form field the keys came from
	 * @param keys as sent, e.g. {@code site}, {@code section:3}
	 * @return the lists, each once, in the order given
	 * @throws InvalidInput naming {@code field}: no list
	 * ({@code newsletter.invalid.noList}) or a key that is not an existing section's or
	 * author's list ({@code newsletter.invalid.list})
	 */
	List<ListKey> existing(String field, List<String> keys) {
		if (keys == null || keys.isEmpty()) {
			throw new InvalidInput(field, "newsletter.invalid.noList");
		}
		if (keys.size() > MAX_LISTS) {
			throw new InvalidInput(field, "newsletter.invalid.list");
		}
		Set<ListKey> lists = new LinkedHashSet<>();
		for (String key : keys) {
			lists.add(ListKey.parse(field, key));
		}
		var sectionIds = lists.stream().filter(k -> k.kind() == ListKey.Kind.SECTION).map(ListKey::id).toList();
		var authorIds = lists.stream().filter(k -> k.kind() == ListKey.Kind.AUTHOR).map(ListKey::id).toList();
		if (taxonomy.sectionsByIds(sectionIds).size() < sectionIds.size()
				|| authors.byIds(authorIds).size() < authorIds.size()) {
			throw new InvalidInput(field, "newsletter.invalid.list");
		}
		return List.copyOf(lists);
	}

	/**
	 * @return the names of these lists, in order (a deleted section's or author's list is
	 * left out)
	 */
	List<Choice> named(List<ListKey> keys) {
		Map<Long, Section> sections = taxonomy
			.sectionsByIds(keys.stream().filter(k -> k.kind() == ListKey.Kind.SECTION).map(ListKey::id).toList());
		Map<Long, Author> byId = authors
			.byIds(keys.stream().filter(k -> k.kind() == ListKey.Kind.AUTHOR).map(ListKey::id).toList());
		List<Choice> named = new ArrayList<>();
		for (ListKey key : keys) {
			String label = switch (key.kind()) {
				case SITE -> siteLabel();
				case SECTION ->
					sections.containsKey(key.id()) ? t("newsletter.list.section", sections.get(key.id()).name()) : null;
				case AUTHOR ->
					byId.containsKey(key.id()) ? t("newsletter.list.author", byId.get(key.id()).name()) : null;
			};
			if (label != null) {
				named.add(new Choice(key.toString(), label));
			}
		}
		return named;
	}

	private String siteLabel() {
		return t("newsletter.list.site", site.siteName());
	}

	/**
	 * @return the message in the site's language
	 */
	String t(String key, Object... args) {
		return messages.getMessage(key, args, locale());
	}

	Locale locale() {
		return Locale.forLanguageTag(site.language());
	}

}
