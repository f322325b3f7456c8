package org.broadsheet.adminapi;

/**
 * Example requests and responses of the Admin API for its OpenAPI document: what a small
 * outlet's scripts would send and get.
 */
final class AdminApiExamples {

	static final String ARTICLE_FIELDS = """
			{"headline": "Quay cranes stand idle", "slug": null, "section": "Harbour",
			 "authors": ["Ada Quay", "Ben Wake"], "standfirst": "The port is quiet",
			 "bodyMarkdown": "Nothing **moves** on the quay.", "tags": ["Shipping", "Labour"], "language": "en",
			 "leadImage": {"id": 312, "caption": "At dawn", "credit": "Staff"}, "syndication": null}""";

	static final String EDITING = """
			{"id": 4711, "status": "draft",
			 "latest": {"headline": "Quay cranes stand idle", "slug": "quay-cranes-stand-idle", "section": "Harbour",
			   "authors": ["Ada Quay", "Ben Wake"], "standfirst": "The port is quiet",
			   "bodyMarkdown": "Nothing **moves** on the quay.", "tags": ["Shipping", "Labour"], "language": "en",
			   "leadImage": {"id": 312, "alt": "Cranes over the quay", "caption": "At dawn", "credit": "Staff"}},
			 "unpublishedChanges": true, "scheduledChanges": false,
			 "translations": [{"id": 4712, "headline": "Les grues du quai à l’arrêt", "language": "fr",
			   "status": "published"}]}""";

	static final String SCHEDULED = """
			{"id": 4711, "status": "scheduled",
			 "latest": {"headline": "Quay cranes stand idle", "slug": "quay-cranes-stand-idle", "section": "Harbour",
			   "authors": ["Ada Quay"], "bodyMarkdown": "Nothing **moves** on the quay.", "tags": []},
			 "unpublishedChanges": false, "scheduledChanges": false, "goLiveAt": "2026-12-04T07:00:00Z",
			 "scheduledRevision": 9002, "translations": []}""";

	static final String SUMMARY_PAGE = """
			{"items": [{"id": 4711, "headline": "Quay cranes stand idle", "section": "Harbour",
			   "authors": ["Ada Quay", "Ben Wake"], "status": "published", "publishedAt": "2026-12-03T07:00:00Z",
			   "updatedAt": "2026-12-03T07:30:00Z"},
			  {"id": 4712, "headline": "Ferry timetable changes", "section": "Harbour", "authors": ["Ben Wake"],
			   "status": "draft", "updatedAt": "2026-12-03T06:10:00Z"}],
			 "page": 1, "pageCount": 4}""";

	static final String SCHEDULE = """
			{"goLiveAt": "2026-12-04T07:00:00Z"}""";

	static final String UNPUBLISH = """
			{"unpublishAt": "2026-12-31T23:00:00Z"}""";

	static final String REVISIONS = """
			[{"id": 9003, "createdAt": "2026-12-03T08:15:00Z", "accountId": 7, "live": false, "scheduled": false},
			 {"id": 9002, "createdAt": "2026-12-03T07:30:00Z", "accountId": 3, "live": true, "scheduled": false}]""";

	static final String REVISION = """
			{"id": 9002, "createdAt": "2026-12-03T07:30:00Z", "accountId": 3, "live": true, "scheduled": false,
			 "fields": {"headline": "Quay cranes stand still", "section": "Harbour", "authors": ["Ada Quay"],
			   "bodyMarkdown": "Nothing **moves** on the quay.", "tags": ["Shipping"]}}""";

	static final String DIFF = """
			{"from": 9002, "to": 9003, "fields": [{"field": "headline", "lines": [
			   {"change": "removed", "text": "Quay cranes stand still"},
			   {"change": "added", "text": "Quay cranes move again"}]}]}""";

	static final String HISTORY = """
			[{"who": "Ada Quay (API key “Newsdesk script”)", "action": "created", "at": "2026-12-03T06:00:00Z"},
			 {"who": "Eda Editor", "action": "scheduled", "at": "2026-12-03T06:30:00Z",
			  "detail": "for 2026-12-03T07:00:00Z"}]""";

	static final String COMMENT = """
			{"id": 88, "articleId": 4711, "name": "Harbour watcher", "email": "watcher@example.org",
			 "text": "The cranes were moving again by noon.", "status": "pending",
			 "createdAt": "2026-12-03T09:12:00Z"}""";

	static final String QUEUE = """
			{"items": [{"id": 88, "articleId": 4711, "name": "Harbour watcher", "email": "watcher@example.org",
			   "text": "The cranes were moving again by noon.", "status": "pending",
			   "createdAt": "2026-12-03T09:12:00Z"},
			  {"id": 89, "articleId": 4711, "parentId": 88, "name": "Dock worker",
			   "website": "https://dock.example", "text": "Only the north quay.", "status": "pending",
			   "createdAt": "2026-12-03T09:40:00Z"}],
			 "page": 1, "pageCount": 1, "counts": {"approved": 41, "pending": 2, "rejected": 3, "spam": 17}}""";

	static final String CORRECTION = """
			{"name": "Harbour watcher", "email": "watcher@example.org", "website": null,
			 "text": "The cranes were moving again by noon."}""";

	static final String MODERATE = """
			{"action": "approve", "ids": [88, 89]}""";

	static final String MODERATED = """
			{"changed": 2}""";

	static final String DISCUSSION = """
			{"closed": true}""";

	static final String TOPIC = """
			{"id": 3, "slug": "harbour", "name": "Harbour news", "opinion": false}""";

	static final String TOPICS = """
			[{"id": 3, "slug": "harbour", "name": "Harbour news", "opinion": false},
			 {"id": 5, "slug": "comment", "name": "Comment", "opinion": true}]""";

	static final String RENAME = """
			{"name": "Harbour news", "opinion": false}""";

	static final String AUTHOR = """
			{"id": 5, "slug": "ada-quay", "name": "Ada Quay", "title": "Port reporter", "affiliation": "The Gazette",
			 "bio": "Covers the harbour and the shipping lanes.",
			 "photoUrl": "https://news.example/media/ab/ab12e0.jpg", "links": ["https://ada.example"]}""";

	static final String AUTHORS = """
			[{"id": 5, "slug": "ada-quay", "name": "Ada Quay", "title": "Port reporter",
			  "photoUrl": "https://news.example/media/ab/ab12e0.jpg", "links": ["https://ada.example"]},
			 {"id": 6, "slug": "ben-wake", "name": "Ben Wake", "links": []}]""";

	static final String PROFILE = """
			{"title": "Port reporter", "affiliation": "The Gazette", "bio": "Covers the harbour and the shipping lanes.",
			 "photoImageId": 312, "links": ["https://ada.example"]}""";

	static final String IMAGE = """
			{"id": 312, "url": "https://news.example/media/3f/3fa9c2.jpg", "width": 1200, "height": 800,
			 "alt": "Cranes over the quay", "caption": "At dawn", "credit": "Staff",
			 "variants": [{"width": 480, "url": "https://news.example/media/variants/3fa9c2-480.jpg"},
			   {"width": 960, "url": "https://news.example/media/variants/3fa9c2-960.jpg"}]}""";

	static final String IMAGE_USED = """
			{"id": 312, "url": "https://news.example/media/3f/3fa9c2.jpg", "width": 1200, "height": 800,
			 "alt": "Cranes over the quay", "caption": "At dawn", "credit": "Staff",
			 "variants": [{"width": 480, "url": "https://news.example/media/variants/3fa9c2-480.jpg"}],
			 "usedIn": [{"kind": "article", "title": "The port reopens", "link": "/newsroom/articles/4711"}]}""";

	static final String IMAGES = """
			[{"id": 312, "url": "https://news.example/media/3f/3fa9c2.jpg", "width": 1200, "height": 800,
			  "alt": "Cranes over the quay", "caption": "At dawn", "credit": "Staff",
			  "variants": [{"width": 480, "url": "https://news.example/media/variants/3fa9c2-480.jpg"}]}]""";

	private AdminApiExamples() {
	}

}
