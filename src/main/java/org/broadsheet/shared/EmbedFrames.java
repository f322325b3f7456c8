package org.broadsheet.shared;

import java.util.List;

/**
 * The origins whose players an article body may frame once a reader asks for them
 * (click-to-load embeds): the article renderer makes frame URLs only on these, and the
 * Content-Security-Policy's {@code frame-src} names only these, so no other site can be
 * framed on a reader's page even if a frame URL were forged.
 */
public final class EmbedFrames {

	/** YouTube's privacy-enhanced player (no cookies until the video plays). */
	public static final String YOUTUBE = "https://www.youtube-nocookie.com";

	public static final String VIMEO = "https://player.vimeo.com";

	public static final String SOUNDCLOUD = "https://w.soundcloud.com";

	public static final String DATAWRAPPER = "https://datawrapper.dwcdn.net";

	/** Every origin above, for {@code frame-src}. */
	public static final List<String> ORIGINS = List.of(YOUTUBE, VIMEO, SOUNDCLOUD, DATAWRAPPER);

	private EmbedFrames() {
	}

	/**
	 * @param url an absolute URL, or null
	 * @return whether it is an {@code https} URL on one of {@link #ORIGINS}
	 */
	public static boolean allowed(String url) {
		return url != null && ORIGINS.stream().anyMatch(origin -> url.startsWith(origin + "/"));
	}

}
