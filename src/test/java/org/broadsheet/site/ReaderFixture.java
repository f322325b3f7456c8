package org.broadsheet.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.broadsheet.BroadsheetApplication;
import org.broadsheet.account.Accounts;
import org.broadsheet.account.Role;
import org.broadsheet.account.SystemActor;
import org.broadsheet.article.ArticleDraft;
import org.broadsheet.article.ArticleStatus;
import org.broadsheet.article.ArticleWorkflow;
import org.broadsheet.article.PublishedArticles;
import org.broadsheet.author.AuthorProfile;
import org.broadsheet.author.Authors;
import org.broadsheet.comment.CommentStatus;
import org.broadsheet.comment.Comments;
import org.broadsheet.media.MediaLibrary;
import org.broadsheet.page.PageStatus;
import org.broadsheet.page.StaticPageDraft;
import org.broadsheet.page.StaticPages;
import org.broadsheet.support.Corpus;
import org.broadsheet.support.RunningSite;
import org.broadsheet.support.TestArticles;
import org.broadsheet.support.TestDatabases;

/**
 * A running site with every kind of reader page filled: the reference article (imported
 * from the seed bundle, with lead image, tags, syndication note and an approved comment),
 * its author with a portrait, an Arabic article, enough sections for a crowded navigation
 * and enough articles for a second page of the front; and an administrator for the
 * newsroom.
 */
final class ReaderFixture {

	static final String REFERENCE = "/opinion/russias-n-korea-approach";

	static final String GONE = "/world/withdrawn-report";

	static final String PAGE = "/page/about";

	static final String ADMIN = "admin@news.test";

	static final String PASSWORD = "correct horse battery";

	static final String[] SECTIONS = { "World", "Business", "Culture", "Science", "Technology", "Sport", "Climate" };

	final RunningSite site;

	/** The Arabic article's path. */
	final String arabic;

	/** The reference article's newsroom id. */
	final long referenceId;

	/** The author portrait's id in the media library. */
	final long imageId;

	private ReaderFixture(RunningSite site, String arabic, long referenceId, long imageId) {
		this.imageId = imageId;
		this.site = site;
		this.arabic = arabic;
		this.referenceId = referenceId;
	}

	static ReaderFixture start(String... options) throws Exception {
		Path seed = Corpus.require("seed");
		Path data = TestDatabases.newDataFolder();
		var out = new StringWriter();
		var cli = BroadsheetApplication.commandLine();
		cli.setOut(new PrintWriter(out));
		assertThat(cli.execute("import", seed.toString(), "--broadsheet.data=" + data)).as(out.toString()).isZero();
		var args = new java.util.ArrayList<>(
				List.of("--broadsheet.site.page-size=4", "--broadsheet.site.time-zone=UTC"));
		args.addAll(List.of(options));
		var site = RunningSite.start(data, args.toArray(String[]::new));
		site.bean(Accounts.class).create(SystemActor.CLI, ADMIN, "Ada Admin", Role.ADMINISTRATOR, PASSWORD);
		var workflow = site.bean(ArticleWorkflow.class);
		Instant at = Instant.parse("2019-04-26T08:00:00Z");
		for (int i = 0; i < SECTIONS.length; i++) {
			workflow.store(TestArticles.ACTOR,
					new ArticleDraft(null, "Report number " + (i + 1) + " from the " + SECTIONS[i] + " desk",
							SECTIONS[i], List.of(AuthorProfile.named("Staff")),
							"What happened, and why it matters to readers of the " + SECTIONS[i] + " pages.",
							"First paragraph of the report.\n\nSecond paragraph of the report.", null,
							List.of("Russia"), null, ArticleStatus.PUBLISHED, at.plus(i, ChronoUnit.HOURS), null,
							null));
		}
		String arabic = workflow
			.store(TestArticles.ACTOR,
					new ArticleDraft("arabic-report", "روسيا وكوريا الشمالية", "World",
							List.of(AuthorProfile.named("Staff")), "لا تؤدي روسيا دوراً حاسماً في شبه الجزيرة الكورية.",
							"لكن سلوكها يؤثر في التطورات العامة في المنطقة.\n\nفقرة ثانية.", null, List.of("Russia"),
							"ar", ArticleStatus.PUBLISHED, at.plus(1, ChronoUnit.DAYS), null, null))
			.path();
		// An article taken off the site (its address answers 410) and a static page in
		// the
		// footer.
		long withdrawn = workflow
			.store(TestArticles.ACTOR,
					new ArticleDraft("withdrawn-report", "A withdrawn report", "World",
							List.of(AuthorProfile.named("Staff")), "Taken down.", "Its text.", null, List.of(), null,
							ArticleStatus.PUBLISHED, at, null, null))
			.id();
		workflow.delete(TestArticles.ACTOR, withdrawn);
		site.bean(StaticPages.class)
			.create(SystemActor.CLI, new StaticPageDraft("about", "About us", "Who we are.",
					"We report the news.\n\n## Contact\n\nWrite to the desk.", null, PageStatus.PUBLISHED, true, 1));
		var image = site.bean(MediaLibrary.class).store(seed.resolve("lead.jpg"), "A portrait", null, null);
		var authors = site.bean(Authors.class);
		var gabuev = authors.publicBySlug("alexander-gabuev").orElseThrow();
		authors.updateProfile(SystemActor.CLI, gabuev.id(), "Senior fellow", "Carnegie Moscow Centre", gabuev.bio(),
				image.id(), "https://carnegie.ru/experts/1234");
		long referenceId = site.bean(PublishedArticles.class)
			.published("opinion", "russias-n-korea-approach")
			.orElseThrow()
			.id();
		site.bean(Comments.class)
			.add(referenceId, "A reader", "A considered reply to the commentary.", CommentStatus.APPROVED);
		Files.createDirectories(SCREENSHOTS);
		return new ReaderFixture(site, arabic, referenceId, image.id());
	}

	static final Path SCREENSHOTS = Path.of("target/screenshots");

	void close() {
		site.close();
	}

}
