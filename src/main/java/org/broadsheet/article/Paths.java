package org.broadsheet.article;

import java.nio.charset.StandardCharsets;

import org.broadsheet.taxonomy.Section;
import org.springframework.web.util.UriUtils;

final class Paths {

	private Paths() {
	}

	static String of(Section section, String slug) {
		return section.path() + UriUtils.encodePathSegment(slug, StandardCharsets.UTF_8);
	}

	static String of(String sectionSlug, String slug) {
		return "/" + UriUtils.encodePathSegment(sectionSlug, StandardCharsets.UTF_8) + "/"
				+ UriUtils.encodePathSegment(slug, StandardCharsets.UTF_8);
	}

}
