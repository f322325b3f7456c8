package org.broadsheet.interchange.wordpress;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.broadsheet.interchange.wordpress.WordPressPermalinks.Post;
import org.broadsheet.interchange.wordpress.WordPressPermalinks.Structure;
import org.junit.jupiter.api.Test;

class WordPressPermalinksTest {

	private static final Post POST = new Post("42", "hello-world", "2012-07-11 09:30:00", List.of("news/local"));

	@Test
	void keysMeetTheSpellingsWordPressAnsweredAlike() {
		assertThat(WordPressPermalinks.keyOfUrl("https://example.com/2012/07/11/Hello-World/"))
			.isEqualTo("/2012/07/11/hello-world");
		assertThat(WordPressPermalinks.key("/2012/07/11/hello-world", "utm_source=x"))
			.isEqualTo("/2012/07/11/hello-world");
		assertThat(WordPressPermalinks.keyOfUrl("http://example.org/?p=1#comments")).isEqualTo("/?p=1");
		assertThat(WordPressPermalinks.key("/", "replytocom=3&p=1&page_id=")).isEqualTo("/?p=1&page_id=");
		assertThat(WordPressPermalinks.keyOfUrl("https://example.com")).isEqualTo("/");
		assertThat(WordPressPermalinks.keyOfUrl("https://example.com/license%e2%80%91oriented/"))
			.isEqualTo("/license\u2011oriented");
		assertThat(WordPressPermalinks.key("/license%E2%80%91oriented", null)).isEqualTo("/license\u2011oriented");
		assertThat(WordPressPermalinks.key("/bad%zz/", null)).isEqualTo("/bad%zz");
	}

	@Test
	void keysKeepTheQueryVarsOfArchivesInOneOrderAndCase() {
		assertThat(WordPressPermalinks.key("/", "feed=rss2&cat=3")).isEqualTo("/?cat=3&feed=rss2");
		assertThat(WordPressPermalinks.key("/", "cat=3&feed=rss2&paged=2")).isEqualTo("/?cat=3&feed=rss2");
		assertThat(WordPressPermalinks.key("/", "tag=Must-Read")).isEqualTo("/?tag=must-read");
		assertThat(WordPressPermalinks.key("/", "tag_id=4")).isEqualTo("/?tag_id=4");
		assertThat(WordPressPermalinks.key("/blog/", "category_name=news%2Flocal"))
			.isEqualTo("/blog?category_name=news/local");
		assertThat(WordPressPermalinks.key("/", "author_name=caf%C3%A9")).isEqualTo("/?author_name=caf\u00e9");
		assertThat(WordPressPermalinks.keyOfUrl("https://example.com/?author=2&feed=rss2"))
			.isEqualTo("/?author=2&feed=rss2");
	}

	@Test
	void everyCommonStructureIsRecognisedFromTheLinks() {
		Map<Structure, String> links = Map.of(Structure.DAY_AND_NAME, "/blog/2012/07/11/hello-world/",
				Structure.MONTH_AND_NAME, "/blog/2012/07/hello-world/", Structure.YEAR_AND_NAME,
				"/blog/2012/hello-world/", Structure.CATEGORY_AND_NAME, "/blog/news/local/hello-world/",
				Structure.ARCHIVES_ID, "/blog/archives/42", Structure.NAME, "/blog/hello-world/", Structure.PLAIN,
				"/blog/?p=42");
		links.forEach((structure, link) -> {
			Map<Post, String> samples = new LinkedHashMap<>();
			samples.put(POST, WordPressPermalinks.keyOfUrl("https://example.com" + link));
			assertThat(WordPressPermalinks.detect("/blog", samples)).as(link).isEqualTo(structure);
			assertThat(WordPressPermalinks.addresses(structure, "/blog", POST)).contains(link);
		});
		assertThat(WordPressPermalinks.detect("", Map.of(POST, "/somewhere/else"))).isNull();
		assertThat(WordPressPermalinks.basePath("https://example.com/blog/")).isEqualTo("/blog");
		assertThat(WordPressPermalinks.basePath("https://example.com")).isEmpty();
	}

	@Test
	void aPostWithoutADateOrNameHasNoStructureAddress() {
		var undated = new Post("7", "", "0000-00-00 00:00:00", List.of());
		assertThat(WordPressPermalinks.addresses(Structure.DAY_AND_NAME, "", undated)).isEmpty();
		assertThat(WordPressPermalinks.addresses(Structure.NAME, "", undated)).isEmpty();
		assertThat(WordPressPermalinks.addresses(Structure.CATEGORY_AND_NAME, "", undated)).isEmpty();
		assertThat(WordPressPermalinks.addresses(Structure.ARCHIVES_ID, "", undated)).containsExactly("/archives/7");
	}

	@Test
	void theMigrationReportRequestsThePathAndQueryOfAnOldUrl() {
		assertThat(WordPressAddressesCommand.pathAndQuery("https://example.com/a/b/?p=1#x")).isEqualTo("/a/b/?p=1");
		assertThat(WordPressAddressesCommand.pathAndQuery("https://example.com?p=1")).isEqualTo("/?p=1");
		assertThat(WordPressAddressesCommand.pathAndQuery("https://example.com")).isEqualTo("/");
		assertThat(WordPressAddressesCommand.pathAndQuery("a/b")).isEqualTo("/a/b");
	}

}
