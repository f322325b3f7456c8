package org.broadsheet.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.broadsheet.BroadsheetApplication;
import org.broadsheet.article.ArticleDraft;
import org.broadsheet.article.ArticleStatus;
import org.broadsheet.article.ArticleWorkflow;
import org.broadsheet.article.PublishedArticles;
import org.broadsheet.author.AuthorProfile;
import org.broadsheet.comment.CommentStatus;
import org.broadsheet.comment.Comments;
import org.broadsheet.support.Corpus;
import org.broadsheet.support.RunningSite;
import org.broadsheet.support.TestArticles;
import org.broadsheet.support.TestDatabases;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.yaml.snakeyaml.Yaml;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The reference page, end to end: the seed bundle imported with the command line into a
 * fresh database, the real application started on a random port, its pages fetched over
 * HTTP.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReferencePageEndToEndTest {

	static final String PATH = "/opinion/russias-n-korea-approach";

	static Path seed;

	static Map<String, Object> bundle;

	static String body;

	static RunningSite site;

	@BeforeAll
	static void importAndStart() throws IOException {
		seed = Corpus.require("seed");
		String text = Files.readString(seed.resolve("russias-n-korea-approach.md"));
		String[] parts = text.split("(?m)^---$", 3);
		bundle = new Yaml().load(parts[1]);
		body = parts[2].strip();

		Path data = TestDatabases.newDataFolder();
		Path extra = Files.createDirectories(data.resolve("extra"));
		writeNeighbours(extra);
		var out = new StringWriter();
		var cli = BroadsheetApplication.commandLine();
		cli.setOut(new PrintWriter(out));
		int code = cli.execute("import", seed.toString(), extra.toString(), "--broadsheet.data=" + data);
		assertThat(code).as(out.toString()).isZero();
		assertThat(out.toString()).contains("created  " + PATH).contains("6 imported, 0 failed");

		site = RunningSite.start(data, "--broadsheet.site.page-size=2");
	}

	@AfterAll
	static void stop() {
		if (site != null) {
			site.close();
		}
	}

	@Test
	@Order(1)
	void rendersEveryElementOfTheReferencePage() {
		var page = site.get(PATH);
		assertThat(page.status()).isEqualTo(200);
		Document doc = page.html();
		String url = site.url(PATH);
		@SuppressWarnings("unchecked")
		var image = (Map<String, String>) bundle.get("image");
		@SuppressWarnings("unchecked")
		var author = ((List<Map<String, String>>) bundle.get("authors")).get(0);
		@SuppressWarnings("unchecked")
		var syndication = (Map<String, String>) bundle.get("syndication");

		// Head: title, description, canonical, Open Graph, language.
		assertThat(doc.title()).isEqualTo(bundle.get("title"));
		assertThat(doc.selectFirst("meta[name=description]").attr("content")).isEqualTo(bundle.get("summary"));
		assertThat(doc.selectFirst("link[rel=canonical]").attr("href")).isEqualTo(url);
		assertThat(doc.selectFirst("meta[property=og:title]").attr("content")).isEqualTo(bundle.get("title"));
		assertThat(doc.selectFirst("meta[property=og:type]").attr("content")).isEqualTo("article");
		assertThat(doc.selectFirst("meta[property=og:image:alt]").attr("content")).isEqualTo(image.get("alt"));
		assertThat(doc.select("meta[property=article:tag]").eachAttr("content")).containsExactly("Russia",
				"North Korea", "Korean Peninsula", "Denuclearization", "Vladimir Putin", "Kim Jong Un");
		assertThat(doc.selectFirst("meta[property=og:description]").attr("content")).isEqualTo(bundle.get("summary"));
		assertThat(doc.selectFirst("meta[property=og:image]").attr("content")).startsWith(site.url("/media/"));
		assertThat(Integer.parseInt(doc.selectFirst("meta[property=og:image:width]").attr("content"))).isPositive();
		assertThat(Integer.parseInt(doc.selectFirst("meta[property=og:image:height]").attr("content"))).isPositive();
		assertThat(doc.selectFirst("meta[property=article:published_time]").attr("content"))
			.isEqualTo("2019-04-25T01:00:00Z");
		assertThat(doc.selectFirst("meta[property=article:modified_time]").attr("content")).isNotBlank();
		assertThat(doc.select("meta[property=article:author]").eachAttr("content"))
			.containsExactly(site.url("/author/alexander-gabuev"));
		assertThat(doc.selectFirst("meta[property=article:section]").attr("content")).isEqualTo("Opinion");
		assertThat(doc.selectFirst("meta[name=twitter:card]").attr("content")).isEqualTo("summary_large_image");
		assertThat(doc.selectFirst("meta[name=twitter:image:alt]").attr("content")).isEqualTo(image.get("alt"));
		assertThat(doc.selectFirst("html").attr("lang")).isEqualTo("en");
		assertThat(doc.selectFirst("html").attr("dir")).isEqualTo("ltr");

		// Headline, byline with author link and comment count, share links.
		Element article = doc.selectFirst("main article.article");
		assertThat(article.selectFirst("header h1").text()).isEqualTo(bundle.get("title"));
		Element byline = article.selectFirst(".byline");
		assertThat(byline.select("a[rel=author]")).singleElement().satisfies(a -> {
			assertThat(a.text()).isEqualTo(author.get("name"));
			assertThat(a.attr("href")).isEqualTo("/author/alexander-gabuev");
		});
		assertThat(byline.selectFirst("a.comment-count").text()).isEqualTo("No Comments");
		assertThat(byline.selectFirst("a.comment-count").attr("href")).isEqualTo("#comments");
		assertThat(doc.getElementById("comments")).isNotNull();
		assertThat(byline.selectFirst("time").attr("datetime")).isEqualTo("2019-04-25T01:00:00Z");
		assertShareLinks(byline.select(".share-links a"), url);

		// Lead image: figure with alt, caption and the credit as its own element.
		Element figure = article.selectFirst("figure.lead-image");
		assertThat(figure.selectFirst("img").attr("alt")).isEqualTo(image.get("alt"));
		assertThat(figure.selectFirst("img").attr("width")).isNotBlank();
		assertThat(figure.selectFirst("figcaption .caption").text()).isEqualTo(image.get("caption"));
		assertThat(figure.selectFirst("figcaption .credit").text()).isEqualTo(image.get("credit"));
		assertThat(figure.selectFirst("figcaption .caption").text()).doesNotContain("Xinhua");
		var imageResponse = site.get(figure.selectFirst("img").attr("src"));
		assertThat(imageResponse.status()).isEqualTo(200);
		assertThat(imageResponse.header("Content-Type")).isEqualTo("image/jpeg");

		// Standfirst and body, paragraph by paragraph.
		assertThat(article.selectFirst("p.standfirst").text()).isEqualTo(bundle.get("summary"));
		List<String> paragraphs = Arrays.stream(body.split("\\n\\s*\\n")).map(String::strip).toList();
		assertThat(article.select(".article-body > p").eachText()).containsExactlyElementsOf(paragraphs);

		// Bio box, syndication note (no original URL: canonical stays ours), share and
		// like.
		assertThat(article.selectFirst(".author-bio .bio").text()).isEqualTo(author.get("bio"));
		assertThat(article.selectFirst(".author-bio a").attr("href")).isEqualTo("/author/alexander-gabuev");
		assertThat(article.selectFirst(".syndication-note").text()).isEqualTo(syndication.get("note"));
		assertThat(article.selectFirst(".syndication-link")).isNull();
		assertThat(article.selectFirst(".share-like h2").text()).isEqualTo("Share and Like this post");
		assertShareLinks(article.select(".share-like .share-links a"), url);

		// Related posts: by shared tags; never itself or a draft.
		Element related = doc.selectFirst("aside.related");
		assertThat(related.selectFirst("h2").text()).isEqualTo("Related Posts");
		List<String> relatedTitles = related.select(".teaser-title a").eachText();
		assertThat(relatedTitles).hasSizeBetween(1, 4)
			.contains("Building a better Belt and Road")
			.doesNotContain(bundle.get("title").toString(), "An unpublished draft about Russia");

		// Previous and next article by publication time.
		Element neighbours = doc.selectFirst("nav.neighbours");
		assertThat(neighbours.selectFirst("a.previous .label").text()).isEqualTo("Previous Article");
		assertThat(neighbours.selectFirst("a.previous .title").text()).isEqualTo("Cambodia and the next Belt and Road");
		assertThat(neighbours.selectFirst("a.next .label").text()).isEqualTo("Next Article");
		assertThat(neighbours.selectFirst("a.next .title").text()).isEqualTo("Building a better Belt and Road");
		assertThat(site.get(neighbours.selectFirst("a.next").attr("href")).status()).isEqualTo(200);

		// In the reference page's order.
		assertInDocumentOrder(doc, "h1.headline", ".byline", "figure.lead-image", "p.standfirst", ".article-body",
				".author-bio", ".syndication", ".share-like", "aside.related", "nav.neighbours");
	}

	@Test
	@Order(2)
	void carriesStructuredDataForEveryAuthorTheImageAndTheOriginal() {
		Document doc = site.get(PATH).html();
		JsonNode ld = new JsonMapper().readTree(doc.selectFirst("script[type=application/ld+json]").data());
		assertThat(ld.get("@type").asString()).isEqualTo("OpinionNewsArticle");
		assertThat(ld.get("headline").asString()).isEqualTo(bundle.get("title"));
		assertThat(ld.get("author").get(0).get("name").asString()).isEqualTo("Alexander Gabuev");
		assertThat(ld.get("image").get("@type").asString()).isEqualTo("ImageObject");
		assertThat(ld.get("image").get("creditText").asString()).isEqualTo("Xinhua");
		assertThat(ld.get("image").get("caption").asString()).startsWith("Top leader of the Democratic");
		assertThat(ld.get("isBasedOn").get("publisher").get("name").asString()).isEqualTo("Carnegie Commentary");
		assertThat(ld.get("datePublished").asString()).isEqualTo("2019-04-25T01:00:00Z");
	}

	@Test
	@Order(3)
	void showsWhatTheScrapedPageShows() throws IOException {
		List<String> scraped = Files.readAllLines(seed.resolve("page-as-scraped.txt"))
			.stream()
			.map(String::strip)
			.filter(l -> !l.isEmpty())
			.toList();
		Document doc = site.get(PATH).html();
		assertThat(doc.selectFirst("h1").text()).isEqualTo(scraped.get(0));
		assertThat(doc.selectFirst("figcaption").text()).isEqualTo(scraped.get(2));
		String text = doc.body().text();
		for (String line : scraped) {
			if (line.length() > 80 && !line.startsWith(scraped.get(2)) && !line.contains("it can be found at")) {
				assertThat(text).contains(line);
			}
		}
		assertThat(text).contains("Share and Like this post", "Related Posts", "Previous Article", "Next Article");
	}

	@Test
	@Order(4)
	void countsOnlyApprovedComments() {
		PublishedArticles articles = site.bean(PublishedArticles.class);
		Comments comments = site.bean(Comments.class);
		long id = articles.published("opinion", "russias-n-korea-approach").orElseThrow().id();
		comments.add(id, "Reader <b>One</b>", "First <script>alert(1)</script>", CommentStatus.APPROVED);
		comments.add(id, "Held", "Pending", CommentStatus.PENDING);
		Document one = site.get(PATH).html();
		assertThat(one.selectFirst(".byline a.comment-count").text()).isEqualTo("1 Comment");
		assertThat(one.select("#comments .comment")).singleElement().satisfies(c -> {
			assertThat(c.selectFirst(".comment-author").text()).isEqualTo("Reader <b>One</b>");
			assertThat(c.select("script")).isEmpty();
		});
		comments.add(id, "Reader Two", "Second", CommentStatus.APPROVED);
		assertThat(site.get(PATH).html().selectFirst(".byline a.comment-count").text()).isEqualTo("2 Comments");
	}

	@Test
	void coAuthorsAreJoinedInOrderAndEachAuthorPageListsTheArticle() {
		Document doc = site.get("/news/three-hands-on-one-story").html();
		assertThat(doc.selectFirst(".byline .authors").text())
			.isEqualTo("Alexander Gabuev, Second Author and Third Author");
		JsonNode ld = new JsonMapper().readTree(doc.selectFirst("script[type=application/ld+json]").data());
		assertThat(ld.get("@type").asString()).isEqualTo("NewsArticle");
		assertThat(ld.get("author")).hasSize(3);
		for (String author : List.of("alexander-gabuev", "second-author", "third-author")) {
			assertThat(site.get("/author/" + author).html().select(".teaser-title a").eachText())
				.contains("Three hands on one story");
		}
		var profile = site.get("/author/alexander-gabuev").html();
		assertThat(profile.selectFirst("h1").text()).isEqualTo("Alexander Gabuev");
		assertThat(profile.selectFirst(".profile-bio").text()).startsWith("Alexander Gabuev is senior fellow");
	}

	@Test
	void homeSectionAndTagPagesArePaginated() {
		var home = site.get("/");
		assertThat(home.status()).isEqualTo(200);
		assertThat(home.html().selectFirst(".teaser-lead .teaser-title").text())
			.isEqualTo("Building a better Belt and Road");
		assertThat(home.html().selectFirst(".pagination a[rel=next]").attr("href")).isEqualTo("/?page=2");
		var second = site.get("/?page=2").html();
		assertThat(second.select(".teaser-title a").eachText()).hasSize(2);
		assertThat(second.selectFirst(".pagination a[rel=prev]").attr("href")).isEqualTo("/");

		var section = site.get("/opinion/").html();
		assertThat(section.selectFirst("h1").text()).isEqualTo("Opinion");
		assertThat(section.select(".teaser-title a").eachText()).containsExactly("Building a better Belt and Road",
				"Russia’s N Korea approach");
		assertThat(site.get("/opinion").status()).isEqualTo(301);

		var tag = site.get("/tag/russia").html();
		assertThat(tag.selectFirst("h1").text()).isEqualTo("Tag: Russia");
		assertThat(tag.select(".teaser-title a").eachText()).containsExactly("Building a better Belt and Road",
				"Russia’s N Korea approach");
	}

	@Test
	void rightToLeftArticlesSetTheDirection() {
		var page = site.get("/culture/" + "%D9%85%D9%83%D8%AA%D8%A8%D8%A9-%D9%84%D9%8A%D9%84%D9%8A%D8%A9");
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.html().selectFirst("html").attr("lang")).isEqualTo("en");
		assertThat(page.html().selectFirst("article.article").attr("lang")).isEqualTo("ar");
		assertThat(page.html().selectFirst("article.article").attr("dir")).isEqualTo("rtl");
		assertThat(page.html().selectFirst("meta[property=og:locale]").attr("content")).isEqualTo("ar");
		assertThat(page.html().selectFirst("h1").text()).isEqualTo("مكتبة ليلية");
	}

	@Test
	void missingPagesAnswer404AndMalformedOnes400() {
		for (String path : List.of("/opinion/no-such-article", "/no-such-section/", "/tag/no-such-tag",
				"/author/nobody", "/opinion/?page=99", "/media/00/missing.jpg", "/robots-are-not-here.txt")) {
			var page = site.get(path);
			assertThat(page.status()).as(path).isEqualTo(404);
			assertThat(page.html().selectFirst("h1").text()).as(path).isEqualTo("Page not found");
		}
		for (String path : List.of("/error", "/?page=0", "/?page=-1", "/opinion/?page=0", "/?page=2147483647",
				"/opinion/?page=2147483647")) {
			var page = site.get(path);
			assertThat(page.status()).as(path).isEqualTo(404);
			assertThat(page.header("Content-Type")).as(path).startsWith("text/html");
			assertThat(page.html().selectFirst("link[rel=canonical]")).as(path).isNull();
		}
		var bad = site.get("/?page=abc");
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.html().text()).contains("“page”");
	}

	@Test
	void apiAddressesAnswerJson() {
		for (String path : List.of("/api/nothing", "/api/nothing/here")) {
			var page = site.get(path);
			assertThat(page.status()).as(path).isEqualTo(404);
			assertThat(page.header("Content-Type")).as(path).startsWith("application/json");
		}
	}

	@Test
	void decomposedOrCapitalisedAddressesRedirectToTheSlug() {
		var nfd = site.get("/author/Alexander-Gabuev");
		assertThat(nfd.status()).isEqualTo(301);
		assertThat(nfd.header("Location")).endsWith("/author/alexander-gabuev");
		var article = site.get("/Opinion/Russias-N-Korea-Approach");
		assertThat(article.status()).isEqualTo(301);
		assertThat(article.header("Location")).endsWith(PATH);
	}

	@Test
	void pagesAreCompressedWithWeakEtags() {
		var page = site.get(PATH, "Accept-Encoding", "gzip");
		assertThat(page.header("Content-Encoding")).isEqualTo("gzip");
		assertThat(page.header("ETag")).startsWith("W/");
	}

	@Test
	void aTrailingSlashRedirectsToTheArticle() {
		var page = site.get(PATH + "/");
		assertThat(page.status()).isEqualTo(301);
		assertThat(page.header("Location")).endsWith(PATH);
	}

	@Test
	void pagesCarrySecurityHeadersWithoutInlineScripts() {
		for (String path : List.of(PATH, "/", "/tag/russia")) {
			for (int served = 0; served < 2; served++) {
				// Rendered, then from the page cache: each security header exactly once
				// either way.
				var headers = site.get(path).response().headers();
				for (String name : List.of("Content-Security-Policy", "X-Content-Type-Options", "X-Frame-Options",
						"Referrer-Policy")) {
					assertThat(headers.allValues(name)).as(path + " " + name).hasSize(1);
				}
			}
		}
		var page = site.get(PATH);
		assertThat(page.header("Content-Security-Policy")).contains("script-src 'self'")
			.doesNotContain("unsafe-inline");
		assertThat(page.header("X-Content-Type-Options")).isEqualTo("nosniff");
		// Scripts only from the site's own files, or JSON-LD data (not run).
		assertThat(page.html().select("script")).allSatisfy(s -> assertThat(s.attr("type").equals("application/ld+json")
				|| s.attr("src").startsWith("/assets/") && s.data().isEmpty())
			.isTrue());
		assertThat(page.html().select("[onclick], [onload], [onerror]")).isEmpty();
	}

	@Test
	void unchangedPagesAnswer304ToConditionalRequests() {
		var first = site.get("/tag/russia");
		String etag = first.header("ETag");
		assertThat(etag).isNotBlank();
		assertThat(site.get("/tag/russia", "If-None-Match", etag).status()).isEqualTo(304);
	}

	@Test
	void aChangedSlugRedirectsPermanently() {
		var workflow = site.bean(ArticleWorkflow.class);
		var saved = workflow.store(TestArticles.ACTOR,
				new ArticleDraft(null, "Soon renamed", "News", List.of(AuthorProfile.named("Staff")), null, "Text",
						null, List.of(), null, ArticleStatus.PUBLISHED, Instant.parse("2018-01-01T00:00:00Z"), null,
						null));
		TestArticles.republish(workflow, saved.id(),
				new ArticleDraft("renamed-story", "Soon renamed", "News", List.of(AuthorProfile.named("Staff")), null,
						"Text", null, List.of(), null, ArticleStatus.PUBLISHED, Instant.parse("2018-01-01T00:00:00Z"),
						null, null));
		var old = site.get("/news/soon-renamed");
		assertThat(old.status()).isEqualTo(301);
		assertThat(old.header("Location")).endsWith("/news/renamed-story");
		assertThat(site.get("/news/renamed-story").status()).isEqualTo(200);
	}

	@Test
	void aMalformedBundleFailsTheCommandNamingFileLineAndField() throws IOException {
		Path data = TestDatabases.newDataFolder();
		Path bad = Files.writeString(data.resolve("bad.md"),
				"---\ntitle: Bad\nsection: News\nauthors: [A]\n" + "published: 2019-13-45T00:00:00Z\n---\nBody\n");
		var err = new StringWriter();
		var cli = BroadsheetApplication.commandLine();
		cli.setErr(new PrintWriter(err));
		cli.setOut(new PrintWriter(new StringWriter()));
		assertThat(cli.execute("import", bad.toString(), "--broadsheet.data=" + data)).isEqualTo(1);
		assertThat(err.toString()).contains(bad + ":5: published: must be a date and time");
	}

	private static void assertShareLinks(List<Element> links, String url) {
		String encoded = URLEncoder.encode(url, StandardCharsets.UTF_8);
		assertThat(links).extracting(a -> a.attr("href").replaceAll("[?].*", ""))
			.containsExactly("mailto:", "https://x.com/intent/post", "https://www.facebook.com/sharer/sharer.php",
					"https://www.linkedin.com/sharing/share-offsite/", "https://t.me/share/url", "https://wa.me/");
		assertThat(links).allSatisfy(a -> assertThat(a.attr("href")).contains(encoded));
		assertThat(links).noneSatisfy(a -> assertThat(a.attr("href")).startsWith("javascript"));
	}

	private static void assertInDocumentOrder(Document doc, String... selectors) {
		List<Element> all = doc.getAllElements();
		List<Integer> positions = new ArrayList<>();
		for (String selector : selectors) {
			Element found = doc.selectFirst(selector);
			assertThat(found).as(selector).isNotNull();
			positions.add(all.indexOf(found));
		}
		assertThat(positions).isSorted();
	}

	private static void writeNeighbours(Path dir) throws IOException {
		Files.writeString(dir.resolve("before.md"), """
				---
				title: Cambodia and the next Belt and Road
				section: Opinion
				authors: [Test Writer]
				tags: [Belt and Road]
				published: 2019-04-24T09:00:00+07:00
				---
				A test article published the day before the reference article.
				""");
		Files.writeString(dir.resolve("after.md"), """
				---
				title: Building a better Belt and Road
				section: Opinion
				authors: [Test Writer]
				tags: [Russia, North Korea]
				published: 2019-04-26T09:00:00+07:00
				---
				A test article published the day after, sharing two tags.
				""");
		Files.writeString(dir.resolve("draft.md"), """
				---
				title: An unpublished draft about Russia
				section: Opinion
				status: draft
				authors: [Test Writer]
				tags: [Russia, North Korea, Kim Jong Un, Vladimir Putin]
				---
				Never public.
				""");
		Files.writeString(dir.resolve("coauthors.md"), """
				---
				title: Three hands on one story
				section: News
				authors:
				  - Alexander Gabuev
				  - name: Second Author
				  - Third Author
				published: 2019-03-01T00:00:00Z
				---
				Written together.
				""");
		Files.writeString(dir.resolve("arabic.md"), """
				---
				title: مكتبة ليلية
				section: Culture
				language: ar
				authors: [Test Writer]
				published: 2019-01-01T00:00:00Z
				---
				نص تجريبي.
				""");
	}

}
