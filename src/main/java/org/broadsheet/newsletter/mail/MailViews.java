package org.broadsheet.newsletter.mail;

import java.util.List;

/**
 * What the e-mail templates ({@code src/main/jte/newsletter/}) show. Every text is plain
 * text (the templates escape it) except {@link Article#body()}, which {@link MailHtml}
 * cleaned; every URL is absolute. Per-recipient values are {@link MailSegments} markers.
 */
public final class MailViews {

	private MailViews() {
	}

	/**
	 * The frame of every e-mail.
	 *
	 * @param lang BCP 47 tag of the content
	 * @param dir {@code ltr} or {@code rtl}
	 * @param title the subject, also the HTML title
	 * @param preheader the line inbox lists show after the subject (the standfirst), or
	 * null
	 * @param siteUrl the home page's absolute URL
	 * @param lists the names of the send's lists, joined, for the footer
	 * @param test whether this is a test send (no recipient links)
	 */
	public record Frame(String lang, String dir, String title, String preheader, String siteName, String siteUrl,
			String lists, boolean test, MailWords words) {

		/**
		 * @return the marker of the recipient's preferences link
		 */
		public String preferences() {
			return MailSegments.PREFERENCES;
		}

		/**
		 * @return the marker of the recipient's unsubscribe link
		 */
		public String unsubscribe() {
			return MailSegments.UNSUBSCRIBE;
		}

		/**
		 * @return the marker of the recipient's address
		 */
		public String email() {
			return MailSegments.EMAIL;
		}

	}

	/** A link: its text and absolute URL. */
	public record Link(String text, String url) {
	}

	/**
	 * The lead image at the width the e-mail shows it.
	 *
	 * @param src absolute URL of the image or of its variant
	 * @param width CSS pixels
	 * @param height CSS pixels
	 * @param caption may be null
	 * @param credit may be null
	 */
	public record Picture(String src, int width, int height, String alt, String caption, String credit) {
	}

	/**
	 * The note of a syndicated article.
	 *
	 * @param note the sentence, ending with its punctuation; may be null
	 * @param original the link to the original, or null
	 */
	public record Note(String note, Link original) {
	}

	/**
	 * One article in full.
	 *
	 * @param section the section's link (kicker)
	 * @param authors byline order
	 * @param image may be null
	 * @param standfirst may be null
	 * @param body cleaned HTML ({@link MailHtml})
	 * @param bios the authors' bio lines, in byline order
	 * @param syndication may be null
	 * @param commentsUrl the article's comments, {@code …#comments}
	 */
	public record Article(Frame frame, String url, Link section, String headline, List<Link> authors, Picture image,
			String standfirst, String body, List<String> bios, Note syndication, String commentsUrl) {
	}

	/**
	 * A teaser in a digest.
	 *
	 * @param standfirst may be null
	 */
	public record Teaser(String headline, String url, String section, List<Link> authors, String standfirst) {
	}

	/** A digest: teasers of several articles. */
	public record Digest(Frame frame, List<Teaser> teasers) {
	}

}
