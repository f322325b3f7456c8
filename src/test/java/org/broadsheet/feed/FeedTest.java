package org.broadsheet.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.StringReader;
import java.nio.file.Files;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;

import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;

import com.rometools.modules.content.ContentModule;
import com.rometools.modules.mediarss.MediaEntryModule;
import com.rometools.rome.feed.module.DCModule;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;

import org.broadsheet.article.ArticleDraft;
import org.broadsheet.article.ArticleStatus;
import org.broadsheet.article.ArticleWorkflow;
import org.broadsheet.article.ImageUse;
import org.broadsheet.author.AuthorProfile;
import org.broadsheet.media.MediaLibrary;
import org.broadsheet.support.RunningSite;
import org.broadsheet.support.TestArticles;
import org.broadsheet.support.TestDatabases;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.w3c.dom.Element;
import org.xml.sax.InputSource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** RSS 2.0, Atom 1.0 and JSON Feed over HTTP, parsed by Rome and Jackson. */
class FeedTest {

	static final String TRICKY_TITLE = "Ends ]]> & has &amp; and < and \u0000\u000B emoji 🎉 ខ្មែរ";

	static final String CLEAN_TITLE = "Ends ]]> & has &amp; and < and  emoji 🎉 ខ្មែរ";

	/** Plain text that is markup if a reader takes it for HTML. */
	static final String HOSTILE = "<img src=x onerror=alert(1)>";

	static RunningSite site;

	@BeforeAll
	static void start() throws Exception {
		var data = TestDatabases.newDataFolder();
		site = RunningSite.start(data);
		var workflow = site.bean(ArticleWorkflow.class);
		var image = Files.createTempFile("lead", ".png");
		ImageIO.write(new BufferedImage(640, 360, BufferedImage.TYPE_INT_RGB), "png", image.toFile());
		long imageId = site.bean(MediaLibrary.class).store(image, "A picture", "Caption", "Credit").id();
		workflow.store(TestArticles.ACTOR,
				new ArticleDraft("tricky", CLEAN_TITLE, "Tech", List.of(AuthorProfile.named("Ann Feed")), "Summary",
						"Body with `]]>` and <b>bold</b> & more \u0007 ខ្មែរ 🎉",
						new ImageUse(imageId, null, null, null), List.of("Unicode", "XML"), null,
						ArticleStatus.PUBLISHED, Instant.parse("2024-03-01T10:00:00Z"), null, null));
		// The article rules refuse these characters now; rows stored before them may
		// still hold them.
		site.bean(JdbcClient.class)
			.sql("UPDATE article SET title = ?, summary = ? WHERE slug = 'tricky'")
			.params(TRICKY_TITLE, "Summary with ]]> and \u0007 bell")
			.update();
		workflow.store(TestArticles.ACTOR,
				new ArticleDraft(null, "Plain story", "News", List.of(AuthorProfile.named("Bob Feed")), "Plain",
						"Plain body", null, List.of("XML"), null, ArticleStatus.PUBLISHED,
						Instant.parse("2024-02-01T10:00:00Z"), null, null));
		workflow.store(TestArticles.ACTOR,
				new ArticleDraft(null, HOSTILE + " title", "Hostile", List.of(AuthorProfile.named(HOSTILE + " Writer")),
						HOSTILE + " & friends", "Body", null, List.of(HOSTILE + " tag"), null, ArticleStatus.PUBLISHED,
						Instant.parse("2024-01-01T10:00:00Z"), null, null));
	}

	@AfterAll
	static void stop() {
		site.close();
	}

	static SyndFeed parse(String path) throws Exception {
		var response = site.get(path);
		assertThat(response.status()).as(path).isEqualTo(200);
		return new SyndFeedInput().build(new StringReader(response.response().body()));
	}

	@Test
	void rssCarriesEveryElementAndTrickyTextIntact() throws Exception {
		var response = site.get("/feed/rss");
		assertThat(response.header("Content-Type")).startsWith("application/rss+xml");
		String xml = response.response().body();
		assertThat(xml).contains("<atom:link href=\"" + site.url("/feed/rss") + "\" rel=\"self\"");
		SyndFeed feed = new SyndFeedInput().build(new StringReader(xml));
		assertThat(feed.getFeedType()).isEqualTo("rss_2.0");
		assertThat(feed.getEntries()).hasSize(3);
		var entry = feed.getEntries().get(0);
		assertThat(entry.getTitle()).isEqualTo(CLEAN_TITLE);
		assertThat(entry.getLink()).isEqualTo(site.url("/tech/tricky"));
		assertThat(entry.getDescription().getValue()).isEqualTo("Summary with ]]&gt; and  bell");
		assertThat(entry.getCategories()).extracting(c -> c.getName()).contains("Tech", "Unicode", "XML");
		assertThat(((DCModule) entry.getModule(DCModule.URI)).getCreators()).containsExactly("Ann Feed");
		String html = ((ContentModule) entry.getModule(ContentModule.URI)).getEncodeds().get(0);
		assertThat(html).contains("<code>]]&gt;</code>", "ខ្មែរ 🎉").doesNotContain("\u0000");
		var media = (MediaEntryModule) entry.getModule(MediaEntryModule.URI);
		assertThat(media.getMediaContents()[0].getReference().toString()).startsWith(site.url("/media/"));
		assertThat(media.getMediaContents()[0].getWidth()).isEqualTo(640);
		assertThat(xml).contains("<pubDate>Fri, 01 Mar 2024 10:00:00 GMT</pubDate>");
	}

	/**
	 * Readers render an RSS description as HTML: plain text must arrive as text there,
	 * and titles, categories and creators must decode (once) to exactly the characters
	 * typed.
	 */
	@Test
	void rssCarriesPlainTextAsText() throws Exception {
		String xml = site.get("/feed/rss?section=hostile").response().body();
		var factory = DocumentBuilderFactory.newInstance();
		factory.setNamespaceAware(true);
		var dom = factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
		var item = (Element) dom.getElementsByTagName("item").item(0);
		String description = item.getElementsByTagName("description").item(0).getTextContent();
		var asHtml = Jsoup.parseBodyFragment(description);
		assertThat(asHtml.select("img, [onerror]")).isEmpty();
		assertThat(asHtml.body().text()).isEqualTo(HOSTILE + " & friends");
		assertThat(item.getElementsByTagName("title").item(0).getTextContent()).isEqualTo(HOSTILE + " title");
		var categories = item.getElementsByTagName("category");
		assertThat(IntStream.range(0, categories.getLength()).mapToObj(i -> categories.item(i).getTextContent()))
			.containsExactly("Hostile", HOSTILE + " tag");
		assertThat(item.getElementsByTagNameNS("http://purl.org/dc/elements/1.1/", "creator").item(0).getTextContent())
			.isEqualTo(HOSTILE + " Writer");
		// Atom and JSON Feed say what their text is: it stays as typed.
		var atom = parse("/feed/atom?section=hostile").getEntries().get(0);
		assertThat(atom.getDescription().getValue()).isEqualTo(HOSTILE + " & friends");
		assertThat(site.get("/feed/atom?section=hostile").response().body()).contains("<summary type=\"text\">");
		JsonNode json = new JsonMapper().readTree(site.get("/feed/json?section=hostile").response().body());
		assertThat(json.get("items").get(0).get("summary").asString()).isEqualTo(HOSTILE + " & friends");
	}

	@Test
	void atomIsRfc4287() throws Exception {
		SyndFeed feed = parse("/feed/atom");
		assertThat(feed.getFeedType()).isEqualTo("atom_1.0");
		assertThat(feed.getLinks()).anySatisfy(l -> {
			assertThat(l.getRel()).isEqualTo("self");
			assertThat(l.getHref()).isEqualTo(site.url("/feed/atom"));
		});
		var entry = feed.getEntries().get(0);
		assertThat(entry.getTitle()).isEqualTo(CLEAN_TITLE);
		assertThat(entry.getAuthors()).extracting(a -> a.getName()).containsExactly("Ann Feed");
		assertThat(entry.getContents().get(0).getValue()).contains("<b>bold</b>");
		assertThat(site.get("/feed/atom").response().body()).contains("<updated>2024-03-01T10:00:00Z</updated>");
	}

	@Test
	void jsonFeedIsVersion11() {
		JsonNode feed = new JsonMapper().readTree(site.get("/feed/json").response().body());
		assertThat(feed.get("version").asString()).isEqualTo("https://jsonfeed.org/version/1.1");
		assertThat(feed.get("feed_url").asString()).isEqualTo(site.url("/feed/json"));
		var item = feed.get("items").get(0);
		assertThat(item.get("title").asString()).isEqualTo(CLEAN_TITLE);
		assertThat(item.get("date_published").asString()).isEqualTo("2024-03-01T10:00:00Z");
		assertThat(item.get("authors").get(0).get("name").asString()).isEqualTo("Ann Feed");
		assertThat(item.get("image").asString()).startsWith(site.url("/media/"));
	}

	@Test
	void filtersCombineAndUnknownOnesAre404() throws Exception {
		assertThat(parse("/feed/rss?tag=xml").getEntries()).hasSize(2);
		assertThat(parse("/feed/rss?tag=xml&author=bob-feed").getEntries()).extracting(e -> e.getTitle())
			.containsExactly("Plain story");
		assertThat(parse("/feed/atom?section=tech").getEntries()).hasSize(1);
		assertThat(site.get("/feed/rss?section=nope").status()).isEqualTo(404);
	}

	@Test
	void conditionalGetAnswers304() {
		var first = site.get("/feed/rss");
		assertThat(site.get("/feed/rss", "If-Modified-Since", first.header("Last-Modified")).status()).isEqualTo(304);
		assertThat(site.get("/feed/rss", "If-None-Match", first.header("ETag")).status()).isEqualTo(304);
	}

	@Test
	void everyPageAdvertisesTheFeeds() {
		assertThat(site.get("/").html().select("link[rel=alternate]").eachAttr("href")).containsExactly("/feed/rss",
				"/feed/atom", "/feed/json");
	}

}
