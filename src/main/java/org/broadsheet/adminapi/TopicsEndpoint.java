package org.broadsheet.adminapi;

import java.util.List;

import org.broadsheet.account.ApiKeyActor;
import org.broadsheet.author.Author;
import org.broadsheet.author.Authors;
import org.broadsheet.shared.InvalidInput;
import org.broadsheet.shared.NotFound;
import org.broadsheet.site.SiteLinks;
import org.broadsheet.taxonomy.Section;
import org.broadsheet.taxonomy.Tag;
import org.broadsheet.taxonomy.Taxonomy;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Sections, tags and authors in the Admin API: every one, public or not, by id; renaming
 * a section or tag (its slug and addresses stay) and editing an author's profile, through
 * {@link Taxonomy} and {@link Authors} (editors and administrators). New ones are created
 * by naming them in an article.
 */
@RestController
@RequestMapping(AdminPaths.BASE)
class TopicsEndpoint {

	private final Taxonomy taxonomy;

	private final Authors authors;

	private final SiteLinks site;

	TopicsEndpoint(Taxonomy taxonomy, Authors authors, SiteLinks site) {
		this.taxonomy = taxonomy;
		this.authors = authors;
		this.site = site;
	}

	/**
	 * @param opinion a section of commentary rather than news (its articles are marked as
	 * opinion); always false for a tag
	 */
	record Topic(long id, String slug, String name, boolean opinion) {
	}

	/**
	 * A rename.
	 *
	 * @param opinion whether the section is an opinion section; null keeps it as it is;
	 * ignored for a tag
	 */
	record Rename(String name, Boolean opinion) {
	}

	/**
	 * An author's profile.
	 *
	 * @param photoUrl absolute URL of the portrait, or null
	 * @param links the author's own pages, absolute http(s) URLs
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record AuthorJson(long id, String slug, String name, String title, String affiliation, String bio, String photoUrl,
			List<String> links) {
	}

	/**
	 * A profile update; every member is replaced (the name stays: bylines and the slug
	 * hang on it).
	 *
	 * @param photoImageId a media library image for the portrait, or null for none
	 */
	record Profile(String title, String affiliation, String bio, Long photoImageId, List<String> links) {
	}

	@GetMapping("/sections")
	List<Topic> sections() {
		return taxonomy.sections().stream().map(TopicsEndpoint::topic).toList();
	}

	@PutMapping("/sections/{id}")
	Topic renameSection(@AuthenticationPrincipal ApiKeyActor actor, @PathVariable long id, @RequestBody Rename body) {
		var section = taxonomy.sectionsByIds(List.of(id)).get(id);
		if (section == null) {
			throw new NotFound("section", id);
		}
		taxonomy.rename(actor, "section", id, body.name(), body.opinion() == null ? section.opinion() : body.opinion());
		return topic(taxonomy.sectionsByIds(List.of(id)).get(id));
	}

	@GetMapping("/tags")
	List<Topic> tags() {
		return taxonomy.tags().stream().map(t -> new Topic(t.id(), t.slug(), t.name(), false)).toList();
	}

	@PutMapping("/tags/{id}")
	Topic renameTag(@AuthenticationPrincipal ApiKeyActor actor, @PathVariable long id, @RequestBody Rename body) {
		taxonomy.rename(actor, "tag", id, body.name(), false);
		Tag tag = taxonomy.tagsByIds(List.of(id)).get(id);
		return new Topic(tag.id(), tag.slug(), tag.name(), false);
	}

	@GetMapping("/authors")
	List<AuthorJson> authors() {
		return authors.all().stream().map(this::author).toList();
	}

	@GetMapping("/authors/{id}")
	AuthorJson author(@PathVariable long id) {
		var found = authors.byIds(List.of(id)).get(id);
		if (found == null) {
			throw new NotFound("author", id);
		}
		return author(found);
	}

	@PutMapping("/authors/{id}")
	AuthorJson updateAuthor(@AuthenticationPrincipal ApiKeyActor actor, @PathVariable long id,
			@RequestBody Profile body) {
		var links = body.links() == null ? null : String.join("\n", body.links());
		try {
			return author(authors.updateProfile(actor, id, body.title(), body.affiliation(), body.bio(),
					body.photoImageId(), links));
		}
		catch (InvalidInput ex) {
			// The profile service names the portrait as the newsroom's form does.
			throw "photo".equals(ex.field()) ? new InvalidInput("photoImageId", ex.key(), ex.arguments()) : ex;
		}
	}

	private static Topic topic(Section section) {
		return new Topic(section.id(), section.slug(), section.name(), section.opinion());
	}

	private AuthorJson author(Author a) {
		return new AuthorJson(a.id(), a.slug(), a.name(), a.title(), a.affiliation(), a.bio(),
				a.photoUrl() == null ? null : site.absolute(a.photoUrl()), a.linkList());
	}

}
