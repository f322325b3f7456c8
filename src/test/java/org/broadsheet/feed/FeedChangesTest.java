package org.broadsheet.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.StringReader;
import java.nio.file.Files;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;

import javax.imageio.ImageIO;

import com.rometools.modules.content.ContentModule;
import com.rometools.modules.mediarss.MediaEntryModule;
import com.rometools.rome.io.SyndFeedInput;

import org.broadsheet.article.ArticleDraft;
import org.broadsheet.article.ArticleStatus;
import org.broadsheet.article.ArticleWorkflow;
import org.broadsheet.article.ImageUse;
import org.broadsheet.article.Syndication;
import org.broadsheet.author.AuthorProfile;
import org.broadsheet.media.MediaLibrary;
import org.broadsheet.support.RunningSite;
import org.broadsheet.support.TestArticles;
import org.broadsheet.support.TestClock;
import org.broadsheet.support.TestDatabases;
import org.jsoup.Jsoup;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;

/**
 * What feeds carry besides the body (the lead image as an enclosure, its caption and
 * credit, the authors' bio lines, the syndication note), the news sitemap's language per
 * article, and a feed's conditional GET after an article leaves it, over real HTTP with a
 * {@link TestClock}.
 */
class FeedChangesTest {

	static final TestClock clock = new TestClock();

	static RunningSite site;

	@BeforeAll
	static void start() throws Exception {
		site = RunningSite.start(TestDatabases.newDataFolder(), clock);
		var workflow = site.bean(ArticleWorkflow.class);
		var image = Files.createTempFile("lead", ".png");
		ImageIO.write(new BufferedImage(640, 360, BufferedImage.TYPE_INT_RGB), "png", image.toFile());
		long imageId = site.bean(MediaLibrary.class).store(image, "A picture", null, null).id();
		var anHourAgo = clock.instant().minus(1, ChronoUnit.HOURS);
		workflow.store(TestArticles.ACTOR,
				new ArticleDraft(null, "With a lead image", "World",
						List.of(new AuthorProfile("Ann Feed", null, null, "Ann Feed is senior fellow <b>at</b> X.")),
						"Summary", "The body.", new ImageUse(imageId, null, "Leaders meet & talk", "Xinhua"), List.of(),
						null, ArticleStatus.PUBLISHED, anHourAgo, null, new Syndication("Carnegie Commentary",
								"This first appeared in Carnegie Commentary", "https://carnegie.example/original")));
		workflow
			.store(TestArticles.ACTOR,
					new ArticleDraft(null, "En français", "World", List.of(AuthorProfile.named("Bob Feed")), null,
							"Le corps.", null, List.of(), "fr-CA", ArticleStatus.PUBLISHED, anHourAgo.plusSeconds(60),
							null, null))
			.id();
	}

	@AfterAll
	static void stop() {
		site.close();
	}

	@Test
	void itemsCarryTheLeadImageCaptionCreditBioAndSyndicationNote() throws Exception {
		var rss = site.get("/feed/rss").response().body();
		var feed = new SyndFeedInput().build(new StringReader(rss));
		var entry = feed.getEntries().stream().filter(e -> e.getTitle().equals("With a lead image")).findFirst().get();
		assertThat(entry.getEnclosures()).hasSize(1);
		assertThat(entry.getEnclosures().get(0).getUrl()).startsWith(site.url("/media/"));
		assertThat(entry.getEnclosures().get(0).getType()).isEqualTo("image/png");
		var media = (MediaEntryModule) entry.getModule(MediaEntryModule.URI);
		assertThat(media.getMediaContents()[0].getMetadata().getDescription()).isEqualTo("Leaders meet & talk");
		assertThat(media.getMediaContents()[0].getMetadata().getCredits()[0].getName()).isEqualTo("Xinhua");
		var html = Jsoup.parse(((ContentModule) entry.getModule(ContentModule.URI)).getEncodeds().get(0));
		assertThat(html.select("figure img").attr("src")).startsWith(site.url("/media/"));
		assertThat(html.select("figcaption").text()).isEqualTo("Leaders meet & talk Xinhua");
		assertThat(html.select("p.bio").text()).isEqualTo("Ann Feed is senior fellow <b>at</b> X.");
		assertThat(html.select("p.bio b")).isEmpty();
		assertThat(html.select("p.syndication").text())
			.isEqualTo("This first appeared in Carnegie Commentary. Carnegie Commentary");
		assertThat(html.select("p.syndication a").attr("href")).isEqualTo("https://carnegie.example/original");

		var atom = Jsoup.parse(site.get("/feed/atom").response().body(), Parser.xmlParser());
		var enclosure = atom.select("entry link[rel=enclosure]");
		assertThat(enclosure).hasSize(1);
		assertThat(enclosure.attr("type")).isEqualTo("image/png");
		assertThat(atom.select("entry content").text()).contains("Leaders meet &amp; talk", "senior fellow");

		var json = JsonMapper.builder().build().readTree(site.get("/feed/json").response().body());
		var item = json.get("items")
			.valueStream()
			.filter(i -> i.get("title").asString().equals("With a lead image"))
			.findFirst()
			.orElseThrow();
		assertThat(item.get("image").asString()).startsWith(site.url("/media/"));
		assertThat(item.get("content_html").asString()).contains("<figcaption>Leaders meet &amp; talk",
				"carnegie.example/original");
	}

	@Test
	void theNewsSitemapGivesEachArticlesLanguage() {
		var xml = Jsoup.parse(site.get("/sitemaps/news.xml").response().body(), Parser.xmlParser());
		var languages = xml.select("url")
			.stream()
			.map(url -> url.selectFirst("loc").text() + " " + url.select("news|language").text())
			.toList();
		assertThat(languages).anyMatch(line -> line.contains("/world/en-fran") && line.endsWith(" fr"))
			.anyMatch(line -> line.contains("/world/with-a-lead-image") && line.endsWith(" en"));
		assertThat(SitemapController.newsLanguage("zh-Hant-TW")).isEqualTo("zh-tw");
		assertThat(SitemapController.newsLanguage("zh-Hans")).isEqualTo("zh-cn");
		assertThat(SitemapController.newsLanguage("pt-BR")).isEqualTo("pt");
	}

	@Test
	void aConditionalGetAfterAnUnpublishGetsTheNewFeed() {
		long leaving = site.bean(ArticleWorkflow.class)
			.store(TestArticles.ACTOR,
					new ArticleDraft(null, "Leaving soon", "World", List.of(AuthorProfile.named("Bob Feed")), null,
							"Body.", null, List.of(), null, ArticleStatus.PUBLISHED,
							clock.instant().minus(1, ChronoUnit.MINUTES), null, null))
			.id();
		for (String format : List.of("rss", "atom", "json")) {
			var first = site.get("/feed/" + format);
			String lastModified = first.header("Last-Modified");
			assertThat(lastModified).isNotNull();
			assertThat(site.get("/feed/" + format, "If-Modified-Since", lastModified).status()).isEqualTo(304);
		}
		var before = site.get("/feed/rss");
		String lastModified = before.header("Last-Modified");
		assertThat(before.response().body()).contains("Leaving soon");
		clock.advance(Duration.ofSeconds(10));
		site.bean(ArticleWorkflow.class).unpublish(TestArticles.ACTOR, leaving, null);
		var after = site.get("/feed/rss", "If-Modified-Since", lastModified);
		assertThat(after.status()).isEqualTo(200);
		assertThat(after.response().body()).doesNotContain("Leaving soon").contains("With a lead image");
		assertThat(site.get("/feed/rss", "If-Modified-Since", after.header("Last-Modified")).status()).isEqualTo(304);
	}

}
