package org.broadsheet.newsletter.mail;

import java.util.ArrayList;
import java.util.List;

/**
 * A rendered e-mail part cut at the places where each recipient's own values go: the part
 * is rendered once per send with markers ({@link #PREFERENCES}, {@link #UNSUBSCRIBE},
 * {@link #EMAIL}) and {@link #fill} joins the pieces with one recipient's values, which
 * is string building only.
 */
record MailSegments(List<String> pieces, List<Character> markers, int length) {

	/** Marks the recipient's preferences link. */
	static final String PREFERENCES = marker('P');

	/** Marks the recipient's unsubscribe link. */
	static final String UNSUBSCRIBE = marker('U');

	/** Marks the recipient's address. */
	static final String EMAIL = marker('E');

	/**
	 * A marker is a letter between two U+0001 characters, which article text cannot hold
	 * (the article rules refuse control characters).
	 */
	private static String marker(char name) {
		return "\u0001" + name + "\u0001";
	}

	/**
	 * @return the rendered text cut at its markers
	 */
	static MailSegments of(String rendered) {
		List<String> pieces = new ArrayList<>();
		List<Character> markers = new ArrayList<>();
		int start = 0;
		int at = rendered.indexOf('\u0001');
		while (at >= 0) {
			if (at + 2 < rendered.length() && rendered.charAt(at + 2) == '\u0001'
					&& "PUE".indexOf(rendered.charAt(at + 1)) >= 0) {
				pieces.add(rendered.substring(start, at));
				markers.add(rendered.charAt(at + 1));
				start = at + 3;
				at = rendered.indexOf('\u0001', start);
			}
			else {
				at = rendered.indexOf('\u0001', at + 1);
			}
		}
		pieces.add(rendered.substring(start));
		return new MailSegments(List.copyOf(pieces), List.copyOf(markers), rendered.length());
	}

	/**
	 * @param preferences the value for {@link #PREFERENCES}, already escaped for the part
	 * @param unsubscribe the value for {@link #UNSUBSCRIBE}, already escaped
	 * @param email the value for {@link #EMAIL}, already escaped
	 * @return the part for one recipient
	 */
	String fill(String preferences, String unsubscribe, String email) {
		var out = new StringBuilder(length + 512);
		for (int i = 0; i < markers.size(); i++) {
			out.append(pieces.get(i));
			char marker = markers.get(i);
			out.append(marker == 'P' ? preferences : marker == 'U' ? unsubscribe : email);
		}
		return out.append(pieces.get(pieces.size() - 1)).toString();
	}

}
