package org.broadsheet.fediverse.actor;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.broadsheet.article.Article;
import org.broadsheet.site.SiteLinks;
import org.broadsheet.taxonomy.Tag;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * An article as an ActivityStreams {@code Article} object (Activity Vocabulary §3.3.1):
 * {@code id} and {@code url} its page's URL on this site, {@code name} the headline,
 * {@code summary} the standfirst as plain text (as Mastodon sends a content warning and
 * reads an {@code Article}'s summary: it escapes it itself), {@code content} (and
 * {@code contentMap} in the article's language) the byline, the lead image's caption and
 * credit, the body HTML (sanitized when it was saved, with the project's safelist in
 * {@code MarkdownRenderer}) and the syndication note ({@link ArticleContent}),
 * {@code attributedTo} every author in byline order, {@code published} and
 * {@code updated} (RFC 3339, UTC, whole seconds), the lead image, hashtags, addressed to
 * the public with the followers of its authors, of the publication and (when it is an
 * actor) of its section in copy.
 */
@Component
public class ArticleObjects {

	private final Actors actors;

	private final MessageSource messages;

	private final SiteLinks site;

	ArticleObjects(Actors actors, MessageSource messages, SiteLinks site) {
		this.actors = actors;
		this.messages = messages;
		this.site = site;
	}

	/**
	 * @param article a public article
	 * @return its {@code Article} object
	 */
	public Map<String, Object> object(Article article) {
		String url = actors.absolute(article.path());
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("@context", List.of(ActivityJson.ACTIVITY_STREAMS, Map.of("Hashtag", "as:Hashtag")));
		json.put("id", url);
		json.put("type", "Article");
		json.put("name", article.title());
		if (article.summary() != null && !article.summary().isBlank()) {
			json.put("summary", article.summary().strip());
		}
		String content = ArticleContent.html(article, actors::absolute, messages,
				Locale.forLanguageTag(site.language()));
		json.put("content", content);
		json.put("url", url);
		List<String> followers = new ArrayList<>();
		List<String> authors = new ArrayList<>();
		for (var author : article.authors()) {
			String id = actors.absolute(LocalActor.path(LocalActor.Kind.AUTHOR, author.id()));
			authors.add(id);
			followers.add(id + "/followers");
		}
		json.put("attributedTo", authors);
		if (article.publishedAt() != null) {
			json.put("published", utc(article.publishedAt()));
		}
		if (article.updatedSincePublished()) {
			json.put("updated", utc(article.updatedAt()));
		}
		if (article.language() != null) {
			json.put("contentMap", Map.of(article.language(), content));
		}
		var image = article.leadImage();
		if (image != null) {
			Map<String, Object> picture = new LinkedHashMap<>();
			picture.put("type", "Image");
			picture.put("url", actors.absolute(image.url()));
			picture.put("mediaType", image.contentType());
			picture.put("name", image.alt());
			picture.put("width", image.width());
			picture.put("height", image.height());
			json.put("image", picture);
		}
		json.put("tag", article.tags().stream().map(this::hashtag).toList());
		followers.add(actors.absolute(LocalActor.path(LocalActor.Kind.SITE, 0)) + "/followers");
		if (article.section() != null && article.section().fediverse()) {
			followers
				.add(actors.absolute(LocalActor.path(LocalActor.Kind.SECTION, article.section().id()) + "/followers"));
		}
		json.put("to", List.of(ActivityJson.PUBLIC));
		json.put("cc", followers);
		return json;
	}

	private Map<String, Object> hashtag(Tag tag) {
		return Map.of("type", "Hashtag", "href", actors.absolute(tag.path()), "name", "#" + hashtagName(tag.name()));
	}

	/**
	 * @return the tag's name as one word: each word's first letter upper case, the
	 * characters other than letters, digits and {@code _} dropped ({@code Foreign
	 * policy} → {@code ForeignPolicy}), as hashtags cannot hold spaces
	 */
	static String hashtagName(String name) {
		StringBuilder word = new StringBuilder();
		boolean start = true;
		for (int i = 0; i < name.length();) {
			int c = name.codePointAt(i);
			i += Character.charCount(c);
			if (Character.isLetterOrDigit(c) || c == '_') {
				word.appendCodePoint(start ? Character.toUpperCase(c) : c);
				start = false;
			}
			else {
				start = true;
			}
		}
		return word.isEmpty() ? name.strip() : word.toString();
	}

	private static String utc(Instant instant) {
		return instant.truncatedTo(ChronoUnit.SECONDS).toString();
	}

}
