package org.broadsheet.interchange.wordpress;

import java.util.List;

/**
 * Small WordPress exports written by hand, one per permalink structure: a post filed
 * under a child category with a tag and a former slug, a page, an attachment of the post;
 * its writer has a Co-Authors Plus term whose nicename ({@code <name>-columnist}) is not
 * their login's; the first one also carries the slugs of issue 18.
 */
final class HandMade {

	/**
	 * A site with one permalink structure.
	 *
	 * @param name also the prefix of its section, tag, page and author names
	 * @param url its {@code wp:base_blog_url}
	 * @param base its folder, {@code ""} at the root
	 * @param pattern its structure, {@code %postname%} and friends
	 */
	record Site(String name, String url, String base, String pattern, long postId) {

		String section() {
			return name + "-news";
		}

		String slug() {
			return name + "-post";
		}

		/**
		 * @return the {@code wp:term_id} of its section's category; its child category
		 * and tag have the next ones, then the {@code wp:author_id} of its writer: each
		 * site's own, as {@code ?cat=ID} is one address of all imports
		 */
		long termId() {
			return postId + 50;
		}

		/**
		 * @return the path WordPress gives post {@code id} with slug {@code slug}
		 */
		String link(long id, String slug) {
			return base + pattern.replace("%year%", "2012")
				.replace("%monthnum%", "07")
				.replace("%day%", "11")
				.replace("%category%", section() + "/" + name + "-local")
				.replace("%postname%", slug)
				.replace("%post_id%", Long.toString(id));
		}

	}

	static final List<Site> STRUCTURES = List.of(
			new Site("day", "https://day.example", "", "/%year%/%monthnum%/%day%/%postname%/", 100),
			new Site("month", "https://month.example", "", "/%year%/%monthnum%/%postname%/", 200),
			new Site("archives", "https://archives.example", "", "/archives/%post_id%", 300),
			new Site("name", "https://name.example", "", "/%postname%/", 400),
			new Site("category", "https://category.example", "", "/%category%/%postname%/", 500),
			new Site("plain", "https://plain.example", "", "/?p=%post_id%", 600),
			new Site("folder", "https://folder.example/blog", "/blog", "/%year%/%monthnum%/%day%/%postname%/", 700));

	/**
	 * The slugs issue 18 saw rewritten, as WordPress stores them (percent-encoded), the
	 * last one longer than 80 characters.
	 */
	static final List<String> ISSUE_SLUGS = List.of("copyright-registries-2_0", "py-file-also-if-__name__-__main__",
			"license%e2%80%91oriented-open-source-licences",
			"a-slug-longer-than-eighty-characters-which-broadsheet-used-to-cut-at-a-word-boundary-and-lose-the-address");

	private HandMade() {
	}

	static long slugPostId(String slug) {
		return 1000 + ISSUE_SLUGS.indexOf(slug);
	}

	/**
	 * @return the WXR 1.2 text of {@code site}'s export
	 */
	static String export(Site site) {
		String n = site.name();
		var items = new StringBuilder();
		items.append(post(site, site.postId(), site.slug(), "an-older-slug"));
		if (site == STRUCTURES.get(0)) {
			for (String slug : ISSUE_SLUGS) {
				items.append(post(site, slugPostId(slug), slug, null));
			}
		}
		long pageId = site.postId() + 1;
		items.append(item(site, pageId, n + " About", site.url() + "/" + n + "-about/", n + "-about", "page", "publish",
				0, ""));
		// A static front page: WordPress exports its link as the site's root.
		items.append(
				item(site, site.postId() + 3, n + " Home", site.url() + "/", n + "-home", "page", "publish", 0, ""));
		items.append(item(site, site.postId() + 2, "Photo",
				site.url() + site.link(site.postId(), site.slug()).substring(site.base().length()) + "photo/", "photo",
				"attachment", "inherit", site.postId(),
				"<wp:attachment_url>" + site.url() + "/wp-content/uploads/2012/07/photo.jpg</wp:attachment_url>"));
		return """
				<?xml version="1.0" encoding="UTF-8"?>
				<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"
				  xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/"
				  xmlns:wp="http://wordpress.org/export/1.2/">
				<channel>
				<title>%1$s</title>
				<link>%2$s</link>
				<wp:wxr_version>1.2</wp:wxr_version>
				<wp:base_site_url>%2$s</wp:base_site_url>
				<wp:base_blog_url>%2$s</wp:base_blog_url>
				<wp:author><wp:author_id>%7$d</wp:author_id><wp:author_login><![CDATA[%1$s.writer]]></wp:author_login>
				  <wp:author_email>%1$s@example.com</wp:author_email>
				  <wp:author_display_name><![CDATA[%1$s Writer]]></wp:author_display_name></wp:author>
				<wp:category><wp:term_id>%4$d</wp:term_id><wp:category_nicename>%1$s-news</wp:category_nicename>
				  <wp:category_parent></wp:category_parent><wp:cat_name><![CDATA[%1$s News]]></wp:cat_name></wp:category>
				<wp:category><wp:term_id>%5$d</wp:term_id><wp:category_nicename>%1$s-local</wp:category_nicename>
				  <wp:category_parent>%1$s-news</wp:category_parent><wp:cat_name><![CDATA[%1$s Local]]></wp:cat_name></wp:category>
				<wp:tag><wp:term_id>%6$d</wp:term_id><wp:tag_slug>%1$smustread</wp:tag_slug>
				  <wp:tag_name><![CDATA[%1$s Must Read]]></wp:tag_name></wp:tag>
				<wp:term><wp:term_id>%8$d</wp:term_id><wp:term_taxonomy>author</wp:term_taxonomy>
				  <wp:term_slug>cap-%1$s-columnist</wp:term_slug><wp:term_name><![CDATA[%1$s.writer]]></wp:term_name></wp:term>
				%3$s
				</channel>
				</rss>
				"""
			.formatted(n, site.url(), items, site.termId(), site.termId() + 1, site.termId() + 2, site.termId() + 3,
					site.termId() + 4);
	}

	private static String post(Site site, long id, String slug, String oldSlug) {
		String meta = oldSlug == null ? ""
				: "<wp:postmeta><wp:meta_key>_wp_old_slug</wp:meta_key><wp:meta_value><![CDATA[" + oldSlug
						+ "]]></wp:meta_value></wp:postmeta>";
		String n = site.name();
		String terms = "<category domain=\"category\" nicename=\"" + n + "-local\"><![CDATA[" + n
				+ " Local]]></category><category domain=\"post_tag\" nicename=\"" + n + "mustread\"><![CDATA[" + n
				+ " Must Read]]></category>";
		String link = site.url() + site.link(id, slug).substring(site.base().length());
		return item(site, id, "Post " + slug, link, slug, "post", "publish", 0, terms + meta);
	}

	private static String item(Site site, long id, String title, String link, String slug, String type, String status,
			long parent, String more) {
		return """
				<item>
				<title>%s</title>
				<link>%s</link>
				<dc:creator><![CDATA[%s.writer]]></dc:creator>
				<content:encoded><![CDATA[<p>Body of %s.</p>]]></content:encoded>
				<excerpt:encoded><![CDATA[]]></excerpt:encoded>
				<wp:post_id>%d</wp:post_id>
				<wp:post_date>2012-07-11 09:00:00</wp:post_date>
				<wp:post_date_gmt>2012-07-11 09:00:00</wp:post_date_gmt>
				<wp:comment_status>open</wp:comment_status>
				<wp:post_name><![CDATA[%s]]></wp:post_name>
				<wp:status>%s</wp:status>
				<wp:post_parent>%d</wp:post_parent>
				<wp:post_type>%s</wp:post_type>
				<wp:post_password></wp:post_password>
				<wp:is_sticky>0</wp:is_sticky>
				%s
				</item>
				""".formatted(title, link.replace("&", "&amp;"), site.name(), title, id, slug, status, parent, type,
				more);
	}

}
