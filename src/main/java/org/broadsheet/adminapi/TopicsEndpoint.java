package org.broadsheet.adminapi;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

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
@io.swagger.v3.oas.annotations.tags.Tag(name = "Admin API: sections, tags and authors",
		description = "Every one, public or not; any role reads them, editors and administrators change them. "
				+ "New ones are created by naming them in an article.")
class TopicsEndpoint {

	/** Descriptions for the OpenAPI document. */
	private static final String ANY_ROLE = "Any role.";

	private static final String EDITORS = "Editors and administrators.";

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
	@Schema(name = "Topic", description = "A section or a tag.")
	record Topic(@Schema(requiredMode = RequiredMode.REQUIRED) long id,
			@Schema(requiredMode = RequiredMode.REQUIRED,
					description = "Its URL segment; a rename keeps it") String slug,
			@Schema(requiredMode = RequiredMode.REQUIRED) String name, @Schema(requiredMode = RequiredMode.REQUIRED,
					description = "A section of commentary rather than news; always false for a tag") boolean opinion) {
	}

	/**
	 * A rename.
	 *
	 * @param opinion whether the section is an opinion section; null keeps it as it is;
	 * ignored for a tag
	 */
	@Schema(name = "Rename")
	record Rename(@Schema(requiredMode = RequiredMode.REQUIRED, description = "The new name") String name,
			@Schema(nullable = true, description = "Whether the section is an opinion section; null keeps it; "
					+ "ignored for a tag") Boolean opinion) {
	}

	/**
	 * An author's profile.
	 *
	 * @param photoUrl absolute URL of the portrait, or null
	 * @param links the author's own pages, absolute http(s) URLs
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	@Schema(name = "AdminAuthor", description = "An author's profile.")
	record AuthorJson(@Schema(requiredMode = RequiredMode.REQUIRED) long id,
			@Schema(requiredMode = RequiredMode.REQUIRED) String slug,
			@Schema(requiredMode = RequiredMode.REQUIRED) String name, @Schema(nullable = true) String title,
			@Schema(nullable = true) String affiliation, @Schema(nullable = true) String bio,
			@Schema(nullable = true, format = "uri", description = "The portrait's absolute URL") String photoUrl,
			@ArraySchema(arraySchema = @Schema(description = "The author's own pages"),
					schema = @Schema(format = "uri")) List<String> links) {
	}

	/**
	 * A profile update; every member is replaced (the name stays: bylines and the slug
	 * hang on it).
	 *
	 * @param photoImageId a media library image for the portrait, or null for none
	 */
	@Schema(name = "AuthorProfile", description = "A profile update; every member is replaced (the name stays).")
	record Profile(@Schema(nullable = true) String title, @Schema(nullable = true) String affiliation,
			@Schema(nullable = true) String bio,
			@Schema(nullable = true,
					description = "A media library image for the portrait; null for none") Long photoImageId,
			@ArraySchema(arraySchema = @Schema(nullable = true,
					description = "The author's own pages, absolute http(s) URLs")) List<String> links) {
	}

	/** The answers of a rename: the section or tag as it now is, or a problem. */
	@Documented
	@Retention(RetentionPolicy.RUNTIME)
	@Target(ElementType.METHOD)
	@ApiResponse(responseCode = "200", description = "As it now is",
			content = @Content(schema = @Schema(implementation = Topic.class),
					examples = @ExampleObject(name = "renamed", value = AdminApiExamples.TOPIC)))
	@AdminApiResponses.Change
	@interface Renamed {

	}

	/** The answer of a list of sections or tags. */
	@Documented
	@Retention(RetentionPolicy.RUNTIME)
	@Target(ElementType.METHOD)
	@ApiResponse(responseCode = "200", description = "Every one, by name",
			content = @Content(array = @ArraySchema(schema = @Schema(implementation = Topic.class)),
					examples = @ExampleObject(name = "list", value = AdminApiExamples.TOPICS)))
	@interface Listed {

	}

	@GetMapping("/sections")
	@Operation(summary = "List sections", description = ANY_ROLE)
	@Listed
	List<Topic> sections() {
		return taxonomy.sections().stream().map(TopicsEndpoint::topic).toList();
	}

	@PutMapping("/sections/{id}")
	@Operation(summary = "Rename a section", description = "Its slug and addresses stay. " + EDITORS,
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
					content = @Content(examples = @ExampleObject(name = "rename", value = AdminApiExamples.RENAME))))
	@Renamed
	Topic renameSection(@AuthenticationPrincipal ApiKeyActor actor,
			@Parameter(description = "The section's id", example = "3") @PathVariable long id,
			@RequestBody Rename body) {
		var section = taxonomy.sectionsByIds(List.of(id)).get(id);
		if (section == null) {
			throw new NotFound("section", id);
		}
		taxonomy.rename(actor, "section", id, body.name(), body.opinion() == null ? section.opinion() : body.opinion());
		return topic(taxonomy.sectionsByIds(List.of(id)).get(id));
	}

	@GetMapping("/tags")
	@Operation(summary = "List tags", description = ANY_ROLE)
	@Listed
	List<Topic> tags() {
		return taxonomy.tags().stream().map(t -> new Topic(t.id(), t.slug(), t.name(), false)).toList();
	}

	@PutMapping("/tags/{id}")
	@Operation(summary = "Rename a tag", description = "Its slug and addresses stay. " + EDITORS,
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
					content = @Content(examples = @ExampleObject(name = "rename", value = AdminApiExamples.RENAME))))
	@Renamed
	Topic renameTag(@AuthenticationPrincipal ApiKeyActor actor,
			@Parameter(description = "The tag's id", example = "8") @PathVariable long id, @RequestBody Rename body) {
		taxonomy.rename(actor, "tag", id, body.name(), false);
		Tag tag = taxonomy.tagsByIds(List.of(id)).get(id);
		return new Topic(tag.id(), tag.slug(), tag.name(), false);
	}

	@GetMapping("/authors")
	@Operation(summary = "List authors", description = ANY_ROLE)
	@ApiResponse(responseCode = "200", description = "Every author, by name",
			content = @Content(array = @ArraySchema(schema = @Schema(implementation = AuthorJson.class)),
					examples = @ExampleObject(name = "authors", value = AdminApiExamples.AUTHORS)))
	List<AuthorJson> authors() {
		return authors.all().stream().map(this::author).toList();
	}

	@GetMapping("/authors/{id}")
	@Operation(summary = "Get an author", description = ANY_ROLE)
	@ApiResponse(responseCode = "200", description = "The author",
			content = @Content(schema = @Schema(implementation = AuthorJson.class),
					examples = @ExampleObject(name = "author", value = AdminApiExamples.AUTHOR)))
	@AdminApiResponses.BadRequest
	@ApiResponse(responseCode = "404", ref = AdminApiDocument.NOT_FOUND)
	AuthorJson author(@Parameter(description = "The author's id", example = "5") @PathVariable long id) {
		var found = authors.byIds(List.of(id)).get(id);
		if (found == null) {
			throw new NotFound("author", id);
		}
		return author(found);
	}

	@PutMapping("/authors/{id}")
	@Operation(summary = "Update an author's profile", description = "Every member is replaced. " + EDITORS,
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
					content = @Content(examples = @ExampleObject(name = "profile", value = AdminApiExamples.PROFILE))))
	@ApiResponse(responseCode = "200", description = "The author as it now is",
			content = @Content(schema = @Schema(implementation = AuthorJson.class),
					examples = @ExampleObject(name = "author", value = AdminApiExamples.AUTHOR)))
	@AdminApiResponses.Lookup
	@AdminApiResponses.Invalid
	AuthorJson updateAuthor(@AuthenticationPrincipal ApiKeyActor actor,
			@Parameter(description = "The author's id", example = "5") @PathVariable long id,
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
