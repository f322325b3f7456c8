import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Random;

/**
 * Writes a synthetic WordPress export (WXR 1.2) of about the given size, for the import memory
 * benchmark: posts of several paragraphs with categories, tags and two threaded comments each.
 * Usage: java scripts/GenerateWxr.java FILE MEGABYTES
 */
public class GenerateWxr {

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

	private static final String[] WORDS = ("harbour council budget river flood school rail election court market "
			+ "library energy water coast farm museum festival hospital bridge tram port weather report vote bank")
		.split(" ");

	public static void main(String[] args) throws IOException {
		Path file = Path.of(args[0]);
		long target = Long.parseLong(args[1]) * 1024 * 1024;
		Random random = new Random(42);
		try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
			out.write("""
					<?xml version="1.0" encoding="UTF-8"?>
					<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"
					  xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:wfw="http://wellformedweb.org/CommentAPI/"
					  xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
					<channel>
					<title>Benchmark Gazette</title>
					<link>https://benchmark.example</link>
					<wp:wxr_version>1.2</wp:wxr_version>
					<wp:base_blog_url>https://benchmark.example</wp:base_blog_url>
					""");
			for (int a = 0; a < 20; a++) {
				out.write("<wp:author><wp:author_login>writer" + a + "</wp:author_login><wp:author_email>writer" + a
						+ "@benchmark.example</wp:author_email><wp:author_display_name><![CDATA[Writer " + a
						+ "]]></wp:author_display_name></wp:author>\n");
			}
			for (int c = 0; c < 12; c++) {
				out.write("<wp:category><wp:term_id>" + (c + 1) + "</wp:term_id><wp:category_nicename>section-" + c
						+ "</wp:category_nicename><wp:category_parent></wp:category_parent><wp:cat_name><![CDATA[Section " + c
						+ "]]></wp:cat_name></wp:category>\n");
			}
			long written = 0;
			long comment = 1;
			Instant start = Instant.parse("2015-01-01T00:00:00Z");
			for (int id = 1; written < target; id++) {
				StringBuilder body = new StringBuilder();
				int paragraphs = 6 + random.nextInt(10);
				for (int p = 0; p < paragraphs; p++) {
					for (int w = 0; w < 60; w++) {
						body.append(WORDS[random.nextInt(WORDS.length)]).append(w % 13 == 12 ? ". " : " ");
					}
					body.append(p % 5 == 4 ? "\n<!-- wp:more -->\n" : "\n\n");
				}
				String date = DATE.format(start.plusSeconds(id * 3_600L));
				StringBuilder item = new StringBuilder();
				item.append("<item>\n<title><![CDATA[Report number ").append(id).append(" on the ")
					.append(WORDS[id % WORDS.length]).append("]]></title>\n")
					.append("<dc:creator>writer").append(id % 20).append("</dc:creator>\n")
					.append("<content:encoded><![CDATA[").append(body).append("]]></content:encoded>\n")
					.append("<excerpt:encoded><![CDATA[A short standfirst for report ").append(id).append(".]]></excerpt:encoded>\n")
					.append("<wp:post_id>").append(id).append("</wp:post_id>\n")
					.append("<wp:post_date>").append(date).append("</wp:post_date>\n")
					.append("<wp:post_date_gmt>").append(date).append("</wp:post_date_gmt>\n")
					.append("<wp:comment_status>open</wp:comment_status>\n")
					.append("<wp:post_name>report-").append(id).append("</wp:post_name>\n")
					.append("<wp:status>publish</wp:status><wp:post_type>post</wp:post_type><wp:is_sticky>0</wp:is_sticky>\n")
					.append("<category domain=\"category\" nicename=\"section-").append(id % 12).append("\"><![CDATA[Section ")
					.append(id % 12).append("]]></category>\n")
					.append("<category domain=\"post_tag\" nicename=\"tag-").append(id % 500).append("\"><![CDATA[Tag ")
					.append(id % 500).append("]]></category>\n");
				long parent = 0;
				for (int c = 0; c < 2; c++, comment++) {
					item.append("<wp:comment><wp:comment_id>").append(comment).append("</wp:comment_id>")
						.append("<wp:comment_author><![CDATA[Reader ").append(comment % 997).append("]]></wp:comment_author>")
						.append("<wp:comment_author_email>reader@benchmark.example</wp:comment_author_email>")
						.append("<wp:comment_date_gmt>").append(date).append("</wp:comment_date_gmt>")
						.append("<wp:comment_content><![CDATA[A comment about the ").append(WORDS[(int) (comment % WORDS.length)])
						.append(".]]></wp:comment_content><wp:comment_approved>1</wp:comment_approved>")
						.append("<wp:comment_type>comment</wp:comment_type><wp:comment_parent>").append(parent)
						.append("</wp:comment_parent></wp:comment>\n");
					parent = comment;
				}
				item.append("</item>\n");
				out.write(item.toString());
				written += item.length();
			}
			out.write("</channel>\n</rss>\n");
		}
	}

}
