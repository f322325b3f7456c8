package org.broadsheet.fediverse.actor;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import org.broadsheet.author.Author;
import org.broadsheet.author.Authors;
import org.broadsheet.settings.SettingsStore;
import org.broadsheet.site.SiteLinks;
import org.broadsheet.site.SiteSettings;
import org.broadsheet.taxonomy.Section;
import org.broadsheet.taxonomy.Taxonomy;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * Finds this site's actors: the publication (always), each author with a public page (in
 * the byline of a public article) and each section with a public article whose editors
 * made it an actor ({@code Section#fediverse}, a switch on the newsroom's sections). A
 * user name is looked up as the publication's handle first, then as such a section's
 * slug, then as an author's slug, so an author whose slug is a section's is found by
 * actor URL only.
 */
@Component
public class Actors {

	/** Used when the base URL gives no name. */
	static final String DEFAULT_HANDLE = "news";

	private static final Pattern ACTOR_PATH = Pattern.compile("/ap/(authors|sections)/([1-9][0-9]{0,17})");

	private static final Pattern ADDRESS = Pattern.compile("[0-9.]+|\\[.*\\]");

	private final Authors authors;

	private final Taxonomy taxonomy;

	private final SiteLinks links;

	private final SettingsStore settings;

	private final FediverseSettings fediverse;

	private final String handle;

	Actors(Authors authors, Taxonomy taxonomy, SiteLinks links, SettingsStore settings, FediverseSettings fediverse,
			SiteSettings site) {
		this.authors = authors;
		this.taxonomy = taxonomy;
		this.links = links;
		this.settings = settings;
		this.fediverse = fediverse;
		this.handle = fediverse.handle().isEmpty() ? defaultHandle(site.baseUrl()) : normal(fediverse.handle());
	}

	/**
	 * @param baseUrl the base URL setting, possibly blank
	 * @return the first label of its host that is not {@code www}, lower case; else
	 * {@value #DEFAULT_HANDLE} (no base URL, an IP address, a single-label host)
	 */
	static String defaultHandle(String baseUrl) {
		if (baseUrl.isBlank()) {
			return DEFAULT_HANDLE;
		}
		String host;
		try {
			host = URI.create(baseUrl).getHost();
		}
		catch (IllegalArgumentException ex) {
			return DEFAULT_HANDLE;
		}
		if (host == null || ADDRESS.matcher(host).matches()) {
			return DEFAULT_HANDLE;
		}
		List<String> labels = List.of(host.toLowerCase(Locale.ROOT).split("\\."));
		if (labels.size() > 2 && labels.get(0).equals("www")) {
			labels = labels.subList(1, labels.size());
		}
		return labels.size() < 2 ? DEFAULT_HANDLE : labels.get(0);
	}

	/**
	 * @return the host part of the handles: the authority ({@code host[:port]}, lower
	 * case) of the base URL, or of the request's URL when no base URL is set
	 */
	public String domain() {
		return URI.create(links.absolute("/")).getRawAuthority().toLowerCase(Locale.ROOT);
	}

	/**
	 * @param path absolute path, percent-encoded
	 * @return the absolute URL on the site's base URL
	 */
	public String absolute(String path) {
		return links.absolute(path);
	}

	/**
	 * @param keyName {@code site}, {@code author:<id>} or {@code section:<id>} (see
	 * {@link LocalActor#keyName()})
	 * @return that actor's id: the absolute URL of its actor document
	 * @throws IllegalArgumentException if the key name has none of those forms
	 */
	public String id(String keyName) {
		return absolute(LocalActor.path(keyName));
	}

	/**
	 * @param actorId an actor id of this site ({@link #id(String)})
	 * @return the id of its public key, {@code <actor id>#main-key}, as Mastodon names
	 * it; the {@code keyId} of the HTTP signatures the actor makes
	 */
	public static String keyId(String actorId) {
		return actorId + "#main-key";
	}

	/**
	 * @return the publication's actor
	 */
	public LocalActor site() {
		var logo = settings.current().logo();
		return new LocalActor(LocalActor.Kind.SITE, 0, handle, links.siteName(), paragraphs(links.tagline()),
				logo == null ? null : logo.url(), "/");
	}

	/**
	 * @param slug decoded; compared in NFC lower case, as slugs are stored
	 * @return the author with this slug, if they have a public page
	 */
	public Optional<LocalActor> authorBySlug(String slug) {
		return authors.publicBySlug(normal(slug)).map(Actors::author);
	}

	/**
	 * @return the author with this id, if they have a public page
	 */
	public Optional<LocalActor> author(long id) {
		return Optional.ofNullable(authors.byIds(List.of(id)).get(id))
			.flatMap(found -> authors.publicBySlug(found.slug()))
			.map(Actors::author);
	}

	/**
	 * @return the section with this id, if it is an actor and has a public article
	 */
	public Optional<LocalActor> section(long id) {
		return Optional.ofNullable(taxonomy.sectionsByIds(List.of(id)).get(id))
			.filter(Section::fediverse)
			.flatMap(found -> taxonomy.publicSectionBySlug(found.slug()))
			.map(Actors::section);
	}

	/**
	 * @param username the user part of a handle, decoded; compared in NFC lower case as
	 * slugs are stored
	 * @return the actor called so: the publication, else a section that is an actor, else
	 * an author
	 */
	public Optional<LocalActor> byUsername(String username) {
		String wanted = normal(username);
		if (wanted.equals(handle)) {
			return Optional.of(site());
		}
		var section = taxonomy.publicSectionBySlug(wanted).filter(Section::fediverse);
		if (section.isPresent()) {
			return section.map(Actors::section);
		}
		return authorBySlug(wanted);
	}

	/**
	 * @param path a path on this site, percent-encoded: an actor's ({@code /ap/site},
	 * {@code /ap/authors/<id>}, {@code /ap/sections/<id>}) or an author's page
	 * ({@code /author/<slug>})
	 * @return the actor it names
	 */
	public Optional<LocalActor> byPath(String path) {
		if (path.equals("/ap/site")) {
			return Optional.of(site());
		}
		var matcher = ACTOR_PATH.matcher(path);
		if (matcher.matches()) {
			long id = Long.parseLong(matcher.group(2));
			return matcher.group(1).equals("authors") ? author(id) : section(id);
		}
		if (path.startsWith("/author/") && path.indexOf('/', "/author/".length()) < 0) {
			String slug = decoded(path.substring("/author/".length()));
			return slug == null ? Optional.empty() : authorBySlug(slug);
		}
		return Optional.empty();
	}

	/**
	 * @param encoded a path segment or the user part of an {@code acct:} URI,
	 * percent-encoded (RFC 3986 §2.1; {@code +} is itself)
	 * @return it decoded as UTF-8, or null when it is not well encoded
	 */
	static String decoded(String encoded) {
		try {
			return URLDecoder.decode(encoded.replace("+", "%2B"), StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private static LocalActor author(Author author) {
		StringBuilder summary = new StringBuilder();
		String role = String.join(", ",
				java.util.stream.Stream.of(author.title(), author.affiliation()).filter(t -> t != null).toList());
		if (!role.isEmpty()) {
			summary.append(paragraphs(role));
		}
		if (author.bio() != null) {
			summary.append(paragraphs(author.bio()));
		}
		return new LocalActor(LocalActor.Kind.AUTHOR, author.id(), author.slug(), author.name(),
				summary.isEmpty() ? null : summary.toString(), author.photoUrl(), author.path());
	}

	private static LocalActor section(Section section) {
		return new LocalActor(LocalActor.Kind.SECTION, section.id(), section.slug(), section.name(), null, null,
				section.path());
	}

	/**
	 * @return plain text as HTML paragraphs, one per block of lines, every character
	 * escaped (so the result is safe HTML whatever the text); null for blank text
	 */
	static String paragraphs(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		StringBuilder html = new StringBuilder();
		for (String block : text.strip().split("\\R\\s*\\R")) {
			html.append("<p>").append(HtmlUtils.htmlEscape(block.strip(), "UTF-8").replaceAll("\\R", "<br>"));
			html.append("</p>");
		}
		return html.toString();
	}

	private static String normal(String name) {
		return Normalizer.normalize(name, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
	}

}
