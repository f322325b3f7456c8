package org.broadsheet.author;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.broadsheet.text.SlugClaim;
import org.broadsheet.text.Slugger;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Stores and finds authors. */
@Service
public class Authors {

	private static final String COLUMNS = "id, slug, name, title, affiliation, bio";

	private final JdbcClient jdbc;

	private final Slugger slugger;

	Authors(JdbcClient jdbc, Slugger slugger) {
		this.jdbc = jdbc;
		this.slugger = slugger;
	}

	/**
	 * Finds the author called {@code profile.name()} (ignoring case), creating them if new; the
	 * profile's non-null fields replace the stored ones.
	 *
	 * @return the stored author
	 * @throws IllegalArgumentException when the name has no letters or digits
	 */
	@Transactional
	public Author save(AuthorProfile profile) {
		String base = slugger.slugify(profile.name());
		if (base.isEmpty()) {
			throw new IllegalArgumentException("An author's name needs a letter or a digit: " + profile.name());
		}
		for (int attempt = 0; attempt < 5; attempt++) {
			var claim = SlugClaim.claim(base, profile.name(), s -> bySlug(s).map(Author::name));
			if (!claim.held()) {
				jdbc.sql("INSERT INTO author (slug, name) VALUES (?, ?) ON CONFLICT (slug) DO NOTHING")
					.params(claim.slug(), profile.name())
					.update();
			}
			// Another transaction may have taken the free slug for another name meanwhile: claim again.
			if (bySlug(claim.slug()).map(a -> a.name().equalsIgnoreCase(profile.name())).orElse(false)) {
				jdbc.sql("""
						UPDATE author SET name = ?, title = COALESCE(?, title), affiliation = COALESCE(?, affiliation),
						  bio = COALESCE(?, bio) WHERE slug = ?""")
					.params(profile.name(), profile.title(), profile.affiliation(), profile.bio(), claim.slug())
					.update();
				return bySlug(claim.slug()).orElseThrow();
			}
		}
		throw new IllegalStateException("Could not claim a slug for author '" + profile.name() + "'");
	}

	/** @param slug decoded slug */
	public Optional<Author> bySlug(String slug) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM author WHERE slug = ?").param(slug).query(Author.class).optional();
	}

	/** @return every author, by name */
	public List<Author> all() {
		return jdbc.sql("SELECT " + COLUMNS + " FROM author ORDER BY name").query(Author.class).list();
	}

	/** @return the authors with these ids, keyed by id (one query) */
	public Map<Long, Author> byIds(Collection<Long> ids) {
		if (ids.isEmpty()) {
			return Map.of();
		}
		return jdbc.sql("SELECT " + COLUMNS + " FROM author WHERE id IN (:ids)")
			.param("ids", ids)
			.query(Author.class)
			.list()
			.stream()
			.collect(Collectors.toMap(Author::id, Function.identity()));
	}

}
