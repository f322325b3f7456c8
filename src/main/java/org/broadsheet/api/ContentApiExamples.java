package org.broadsheet.api;

/**
 * Example responses of the Content API for its OpenAPI document: what a small outlet's
 * site would answer.
 */
final class ContentApiExamples {

	static final String ARTICLE = """
			{"id": 981, "headline": "Harbour dues rise", "slug": "harbour-dues-rise",
			 "url": "https://news.example/ports/harbour-dues-rise",
			 "section": {"slug": "ports", "name": "Ports", "url": "https://news.example/ports/"},
			 "tags": [{"slug": "shipping", "name": "Shipping", "url": "https://news.example/tag/shipping"}],
			 "authors": [{"slug": "ada-quay", "name": "Ada Quay", "title": "Port reporter",
			   "url": "https://news.example/author/ada-quay", "links": ["https://ada.example"]}],
			 "standfirst": "Fees go up in May",
			 "bodyHtml": "<p>Dues <strong>rise</strong> by 5%.</p>", "bodyMarkdown": "Dues **rise** by 5%.",
			 "leadImage": {"url": "https://news.example/media/3f/3fa9c2.jpg", "alt": "Cranes at dusk",
			   "caption": "The container port", "credit": "Agency", "width": 1000, "height": 500,
			   "variants": [{"width": 480, "url": "https://news.example/media/variants/3fa9c2-480.jpg"}]},
			 "publishedAt": "2026-12-03T07:00:00Z", "updatedAt": "2026-12-03T07:30:00Z",
			 "language": "en", "direction": "ltr", "commentCount": 3, "likeCount": 12,
			 "translations": [{"id": 982, "language": "fr", "headline": "Les droits de port augmentent",
			   "url": "https://news.example/ports/les-droits-de-port-augmentent"}]}""";

	static final String ARTICLE_PAGE = """
			{"items": [{"id": 981, "headline": "Harbour dues rise", "slug": "harbour-dues-rise",
			   "url": "https://news.example/ports/harbour-dues-rise",
			   "section": {"slug": "ports", "name": "Ports", "url": "https://news.example/ports/"},
			   "tags": [], "authors": [{"slug": "ada-quay", "name": "Ada Quay",
			     "url": "https://news.example/author/ada-quay", "links": []}],
			   "bodyHtml": "<p>Dues rise by 5%.</p>", "bodyMarkdown": "Dues rise by 5%.",
			   "publishedAt": "2026-12-03T07:00:00Z", "updatedAt": "2026-12-03T07:00:00Z",
			   "language": "en", "direction": "ltr"}],
			 "next": "YToxNzk2MjgxMjAwMDAwOjk4MQ"}""";

	static final String NAMED_PAGE = """
			{"items": [{"slug": "ports", "name": "Ports", "url": "https://news.example/ports/"},
			   {"slug": "weather", "name": "Weather", "url": "https://news.example/weather/"}],
			 "next": null}""";

	static final String NAMED = """
			{"slug": "ports", "name": "Ports", "url": "https://news.example/ports/"}""";

	static final String AUTHOR = """
			{"slug": "ada-quay", "name": "Ada Quay", "title": "Port reporter", "affiliation": "The Gazette",
			 "bio": "Covers the harbour and the shipping lanes.", "url": "https://news.example/author/ada-quay",
			 "photoUrl": "https://news.example/media/ab/ab12e0.jpg", "links": ["https://ada.example"]}""";

	static final String AUTHOR_PAGE = """
			{"items": [{"slug": "ada-quay", "name": "Ada Quay", "url": "https://news.example/author/ada-quay",
			   "links": []}],
			 "next": "czphZGEtcXVheQ"}""";

	private ContentApiExamples() {
	}

}
