package org.broadsheet.interchange.wordpress;

import static org.broadsheet.interchange.wordpress.WxrValues.decodeSlug;
import static org.broadsheet.interchange.wordpress.WxrValues.displayName;
import static org.broadsheet.interchange.wordpress.WxrValues.plainLine;
import static org.broadsheet.interchange.wordpress.WxrValues.plainText;
import static org.broadsheet.interchange.wordpress.WxrValues.shorten;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import org.broadsheet.shared.Links;
import org.broadsheet.author.AuthorProfile;

/**
 * Who wrote each item, as WordPress showed it. With the Co-Authors Plus plugin
 * (https://github.com/Automattic/Co-Authors-Plus) a post's byline is its terms of the
 * {@code author} taxonomy in their order: each term's name is the co-author's login, its
 * slug {@code cap-} and their nicename, and the plugin shows the post's
 * {@code dc:creator} only when it has no such term. A co-author is a WordPress user (a
 * {@code wp:author}) or a guest author: an item of type {@code guest-author} whose
 * profile is in {@code cap-*} postmeta. The taxonomy's {@code wp:term}s describe each
 * co-author as "display name, first name, last name, login, id, email".
 *
 * <p>
 * A name the file does not declare is matched as WordPress's importer matches it (the
 * login ignoring case, then with the characters {@code sanitize_user} drops removed),
 * else it becomes a new author of its own: never someone else.
 */
final class WordPressBylines {

	/** The post type of Co-Authors Plus's guest authors. */
	static final String GUEST_AUTHOR = "guest-author";

	/** The prefix of Co-Authors Plus's {@code author} terms' slugs. */
	static final String CAP = "cap-";

	/** The byline of an item without a {@code dc:creator} when no author is sure. */
	static final String UNKNOWN = "Staff";

	/** What {@code sanitize_user($login, true)} keeps. */
	private static final Pattern NOT_IN_LOGIN = Pattern.compile("[^A-Za-z0-9 _.\\-@]");

	private static final Pattern NOT_IN_NICENAME = Pattern.compile("[^\\p{L}\\p{N}_-]");

	/**
	 * A byline author as the file gives them.
	 *
	 * @param login the key kept with the author: the {@code wp:author} login, the guest
	 * author's {@code cap-user_login}, or the name the file gave; blank for
	 * {@link #UNKNOWN}
	 * @param name the byline name, at most {@link AuthorProfile#MAX_NAME} characters
	 * @param email or empty
	 * @param bio plain text, or empty
	 * @param website an http(s) URL, or empty
	 */
	record Person(String login, String name, String email, String bio, String website) {

		/**
		 * @return their profile as articles name it
		 */
		AuthorProfile profile() {
			return new AuthorProfile(name, null, null, bio.isBlank() ? null : shorten(bio, AuthorProfile.MAX_BIO));
		}

	}

	private final Map<String, Wxr.Author> authors;

	private final List<Person> guests;

	private final Map<String, Wxr.TaxonomyTerm> authorTerms;

	WordPressBylines(Map<String, Wxr.Author> authors, List<Person> guests, Map<String, Wxr.TaxonomyTerm> authorTerms) {
		this.authors = authors;
		this.guests = guests;
		this.authorTerms = authorTerms;
	}

	/**
	 * @return a guest-author item's profile: {@code cap-display_name} (else first and
	 * last name, else the title), {@code cap-user_login} (else the item's name without
	 * {@code cap-}), {@code cap-user_email}, {@code cap-description} as plain text,
	 * {@code cap-website}
	 */
	static Person guest(Wxr.Item item) {
		String name = plainLine(item.meta("cap-display_name"));
		if (!hasLetter(name)) {
			name = plainLine(item.meta("cap-first_name") + " " + item.meta("cap-last_name"));
		}
		if (!hasLetter(name)) {
			name = plainLine(item.title());
		}
		String login = decodeSlug(item.meta("cap-user_login"));
		if (login.isBlank()) {
			login = withoutPrefix(decodeSlug(item.postName()));
		}
		if (!hasLetter(name)) {
			name = login;
		}
		String website = item.meta("cap-website").strip();
		return new Person(login, shorten(name, AuthorProfile.MAX_NAME), item.meta("cap-user_email").strip(),
				plainText(item.meta("cap-description")).strip(), Links.isWebUrl(website) ? website : "");
	}

	/**
	 * @return the item's byline in order, each person once; remarks go to {@code notes}
	 */
	List<Person> of(Wxr.Item item, Consumer<String> notes) {
		Map<String, Person> byline = new LinkedHashMap<>();
		for (Wxr.Term term : item.terms()) {
			if (term.domain().strip().equals("author")) {
				Person person = coAuthor(term, notes);
				byline.putIfAbsent(person.name().toLowerCase(Locale.ROOT), person);
			}
		}
		if (byline.isEmpty()) {
			Person person = creator(item.creator(), notes);
			byline.put(person.name(), person);
		}
		return List.copyOf(byline.values());
	}

	/** The person a {@code dc:creator} names. */
	Person creator(String creator, Consumer<String> notes) {
		String login = creator.strip();
		if (login.isEmpty()) {
			if (authors.size() == 1) {
				return person(authors.values().iterator().next());
			}
			notes.accept("no dc:creator: credited to " + UNKNOWN);
			return new Person("", UNKNOWN, "", "", "");
		}
		Wxr.Author author = authors.get(login);
		if (author != null) {
			return person(author);
		}
		author = only(authors.values().stream().filter(a -> a.login().strip().equalsIgnoreCase(login)).toList());
		if (author != null) {
			notes.accept("author '" + login + "' matched '" + author.login().strip() + "' ignoring case");
			return person(author);
		}
		String sanitized = NOT_IN_LOGIN.matcher(login).replaceAll("").strip();
		author = sanitized.isEmpty() ? null
				: only(authors.values()
					.stream()
					.filter(a -> NOT_IN_LOGIN.matcher(a.login()).replaceAll("").strip().equalsIgnoreCase(sanitized))
					.toList());
		if (author != null) {
			notes.accept("author '" + login + "' read as '" + author.login().strip() + "', as WordPress reads logins");
			return person(author);
		}
		return unknown(login, "author '" + login + "' is not in the file's authors", notes);
	}

	/** The person an {@code author} term names. */
	private Person coAuthor(Wxr.Term term, Consumer<String> notes) {
		String name = plainLine(term.name());
		String nicename = decodeSlug(term.nicename());
		String key = withoutPrefix(nicename).toLowerCase(Locale.ROOT);
		for (Person guest : guests) {
			if (nicename(guest.login()).equals(key) || guest.login().equalsIgnoreCase(name)) {
				return guest;
			}
		}
		Wxr.Author author = authors.get(name);
		if (author == null) {
			author = only(authors.values()
				.stream()
				.filter(a -> a.login().strip().equalsIgnoreCase(name) || nicename(a.login()).equals(key))
				.toList());
		}
		if (author == null) {
			author = only(authors.values().stream().filter(a -> displayName(a).equalsIgnoreCase(name)).toList());
		}
		if (author != null) {
			return person(author);
		}
		Wxr.TaxonomyTerm described = authorTerms.get(nicename.toLowerCase(Locale.ROOT));
		if (described != null) {
			Person person = described(described, name.isEmpty() ? key : name);
			if (person != null) {
				return unknown(person, "co-author '" + person.login() + "' is only in the author terms", notes);
			}
		}
		return unknown(name.isEmpty() ? key : name,
				"co-author '" + (name.isEmpty() ? key : name) + "' is neither in the file's authors nor a guest author",
				notes);
	}

	/**
	 * Reads a Co-Authors Plus term description, "display first last login id email",
	 * taking first and last names as one word or none each.
	 */
	private static Person described(Wxr.TaxonomyTerm term, String login) {
		String[] words = term.description().strip().split(" ", -1);
		int n = words.length;
		if (n < 6 || !words[n - 2].matches("\\d+") || !words[n - 3].equalsIgnoreCase(login)) {
			return null;
		}
		String name = plainLine(String.join(" ", List.of(words).subList(0, n - 5)));
		if (!hasLetter(name)) {
			return null;
		}
		return new Person(words[n - 3], shorten(name, AuthorProfile.MAX_NAME),
				words[n - 1].contains("@") ? words[n - 1] : "", "", "");
	}

	private Person unknown(String login, String why, Consumer<String> notes) {
		String name = plainLine(login);
		if (!hasLetter(name)) {
			notes.accept(why + " and has no letter or digit: credited to " + UNKNOWN);
			return new Person("", UNKNOWN, "", "", "");
		}
		return unknown(new Person(login, shorten(name, AuthorProfile.MAX_NAME), "", "", ""), why, notes);
	}

	private static Person unknown(Person person, String why, Consumer<String> notes) {
		notes.accept(why + ": credited to a new author '" + person.name() + "'");
		return person;
	}

	private static Person person(Wxr.Author author) {
		return new Person(author.login().strip(), displayName(author), author.email().strip(), "", "");
	}

	/** The one author of a list, or null for none or several (never a guess). */
	private static Wxr.Author only(Collection<Wxr.Author> candidates) {
		return candidates.size() == 1 ? candidates.iterator().next() : null;
	}

	/** What WordPress's {@code sanitize_title} makes of a login, near enough. */
	static String nicename(String login) {
		String lower = Normalizer.normalize(login.strip(), Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
		String dashed = NOT_IN_NICENAME.matcher(lower.replaceAll("[\\s.]+", "-")).replaceAll("");
		return dashed.replaceAll("-{2,}", "-").replaceAll("^-|-$", "");
	}

	/**
	 * @return a Co-Authors Plus slug without its {@link #CAP} prefix
	 */
	static String withoutPrefix(String slug) {
		String s = slug.strip();
		return s.regionMatches(true, 0, CAP, 0, CAP.length()) ? s.substring(CAP.length()) : s;
	}

	private static boolean hasLetter(String text) {
		return text.codePoints().anyMatch(Character::isLetterOrDigit);
	}

	/**
	 * @return the guest authors, by login ignoring case, each once
	 */
	static List<Person> distinct(List<Person> guests) {
		Map<String, Person> byLogin = new HashMap<>();
		List<Person> kept = new ArrayList<>();
		for (Person guest : guests) {
			if (!guest.login().isBlank()
					&& byLogin.putIfAbsent(guest.login().toLowerCase(Locale.ROOT), guest) == null) {
				kept.add(guest);
			}
		}
		return kept;
	}

}
