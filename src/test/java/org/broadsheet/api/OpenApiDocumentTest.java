package org.broadsheet.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;

import org.broadsheet.article.ArticleDraft;
import org.broadsheet.article.ArticleStatus;
import org.broadsheet.article.ArticleWorkflow;
import org.broadsheet.article.ImageUse;
import org.broadsheet.article.Syndication;
import org.broadsheet.author.AuthorProfile;
import org.broadsheet.author.Authors;
import org.broadsheet.media.MediaLibrary;
import org.broadsheet.support.OpenApiValidator;
import org.broadsheet.support.RunningSite;
import org.broadsheet.support.TestArticles;
import org.broadsheet.support.TestDatabases;
import org.broadsheet.support.TestImages;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The OpenAPI document at {@code /api/openapi.json} over real HTTP, on SQLite: it is a
 * valid OpenAPI 3.1 document of the API's operations, and real responses of every
 * operation (successes, 304s and problem details) validate against it
 * ({@link OpenApiValidator}). Add a request to {@link #exchanges()} to cover a new
 * operation.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenApiDocumentTest {

	private static final String API = "/api/content/v1";

	private final JsonMapper json = new JsonMapper();

	private RunningSite site;

	private OpenApiValidator openApi;

	private long articleId;

	private long draftId;

	@BeforeAll
	void start() throws IOException {
		Path data = TestDatabases.newDataFolder();
		site = RunningSite.start(data);
		Path photo = Files.write(data.resolve("lead.jpg"), TestImages.jpeg(1000, 500));
		var image = site.bean(MediaLibrary.class).store(photo, "Cranes at dusk", "The port", "Agency");
		site.bean(Authors.class)
			.save(new AuthorProfile("Ada Quay", "Port reporter", "The Gazette", "Covers the harbour."));
		Instant hourAgo = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
		var workflow = site.bean(ArticleWorkflow.class);
		articleId = workflow
			.store(TestArticles.ACTOR,
					new ArticleDraft(null, "Harbour dues rise", "Ports",
							List.of(AuthorProfile.named("Ada Quay"), AuthorProfile.named("Ben Wake")),
							"Fees go up in May", "Dues **rise** by 5%.", new ImageUse(image.id(), null, null, null),
							List.of("Shipping"), "fr", ArticleStatus.PUBLISHED, hourAgo, null,
							new Syndication("Wire Service", "First published by the wire.",
									"https://wire.example/dues")))
			.id();
		for (int i = 1; i <= 3; i++) {
			TestArticles.publish(site, "Dispatch " + i, hourAgo.minus(i, ChronoUnit.MINUTES));
		}
		draftId = workflow.create(TestArticles.ACTOR,
				new ArticleDraft(null, "Secret draft", "Ports", List.of(AuthorProfile.named("Ada Quay")), null, "Body",
						null, List.of(), null, ArticleStatus.DRAFT, null, null, null));
		var document = site.get("/api/openapi.json");
		assertThat(document.status()).isEqualTo(200);
		assertThat(document.header("Content-Type")).startsWith("application/json");
		openApi = OpenApiValidator.of(document.response().body());
	}

	@AfterAll
	void stop() {
		site.close();
	}

	/**
	 * The requests whose real responses must match the document: each operation's
	 * success, its 304, its problem details.
	 */
	private List<String> exchanges() {
		return List.of(API + "/articles", API + "/articles?limit=2&section=ports&tag=shipping&author=ada-quay",
				API + "/articles?limit=1", API + "/articles?updated_since=2000-01-01T00:00:00Z&language=fr",
				API + "/articles/" + articleId, API + "/sections", API + "/sections?limit=1", API + "/sections/ports",
				API + "/tags", API + "/tags/shipping", API + "/authors", API + "/authors?limit=1",
				API + "/authors/ada-quay", API + "/articles?limit=0", API + "/articles?cursor=nonsense",
				API + "/articles/" + articleId + "?fields=password", API + "/tags?limit=ten",
				API + "/articles/" + draftId, API + "/articles/999999", API + "/sections/nowhere",
				API + "/tags/nothing", API + "/authors/nobody", "/api/search?q=harbour");
	}

	@Test
	void theDocumentIsAValidOpenApi31DocumentOfTheApi() {
		JsonNode document = openApi.document();
		assertThat(document.get("openapi").asString()).startsWith("3.1");
		assertThat(openApi.documentProblems()).isEmpty();
		assertThat(document.at("/info/title").asString()).isEqualTo("Broadsheet API");
		assertThat(document.at("/servers/0/url").asString()).isEqualTo(site.url(""));
		List<String> paths = new ArrayList<>();
		document.get("paths").propertyNames().forEach(paths::add);
		assertThat(paths).allMatch(p -> p.startsWith("/api/"))
			.contains(API + "/articles", API + "/articles/{id}", API + "/sections", API + "/sections/{slug}",
					API + "/tags", API + "/tags/{slug}", API + "/authors", API + "/authors/{slug}")
			.noneMatch(p -> p.contains("**") || p.contains("openapi"));
		for (String path : paths) {
			if (path.startsWith(API)) {
				JsonNode ok = document.get("paths").get(path).get("get").get("responses").get("200");
				assertThat(ok.at("/content/application~1json/examples").size()).as(path).isPositive();
				assertThat(ok.at("/content/application~1json/schema/$ref").asString()).as(path)
					.startsWith("#/components/schemas/");
			}
		}
		for (String list : List.of("articles", "sections", "tags", "authors")) {
			var limit = document.at("/paths/~1api~1content~1v1~1" + list + "/get/parameters")
				.valueStream()
				.filter(p -> p.get("name").asString().equals("limit"))
				.findFirst()
				.orElseThrow();
			assertThat(limit.at("/schema/maximum").asInt()).as(list).isEqualTo(ContentApiController.MAX_LIMIT);
		}
		assertThat(document.at("/components/securitySchemes/apiKey/scheme").asString()).isEqualTo("bearer");
		assertThat(OpenApiValidator.of("{\"openapi\": \"3.1.0\", \"paths\": {}}").documentProblems())
			.anyMatch(p -> p.contains("info"));
		var yaml = site.get("/api/openapi.yaml");
		assertThat(yaml.status()).isEqualTo(200);
		assertThat(yaml.response().body()).startsWith("openapi: 3.1");
	}

	@TestFactory
	Stream<DynamicTest> realResponsesMatchTheDocument() {
		var tests = new ArrayList<DynamicTest>();
		for (String path : exchanges()) {
			tests.add(DynamicTest.dynamicTest(path, () -> openApi.validate("GET", site.get(path).response())));
		}
		tests.add(DynamicTest.dynamicTest("304", () -> {
			for (String path : List.of(API + "/articles/" + articleId, API + "/tags")) {
				var response = site.get(path, "If-None-Match", site.get(path).header("ETag")).response();
				assertThat(response.statusCode()).isEqualTo(304);
				openApi.validate("GET", response);
			}
		}));
		return tests.stream();
	}

	@Test
	void theValidatorReportsWhatTheDocumentDoesNotAllow() {
		String article = site.get(API + "/articles/" + articleId).response().body();
		String path = API + "/articles/" + articleId;
		assertThat(openApi.problems("GET", path, 200, "application/json", article)).isEmpty();
		var wrongDate = (ObjectNode) json.readTree(article);
		wrongDate.put("publishedAt", "yesterday");
		assertThat(openApi.problems("GET", path, 200, "application/json", wrongDate.toString()))
			.anyMatch(p -> p.contains("publishedAt") && p.contains("date-time"));
		var noHeadline = (ObjectNode) json.readTree(article);
		noHeadline.remove("headline");
		assertThat(openApi.problems("GET", path, 200, "application/json", noHeadline.toString()))
			.anyMatch(p -> p.contains("headline"));
		var relativeUrl = (ObjectNode) json.readTree(article);
		relativeUrl.put("url", "/ports/harbour-dues-rise");
		assertThat(openApi.problems("GET", path, 200, "application/json", relativeUrl.toString()))
			.anyMatch(p -> p.contains("url"));
		assertThat(openApi.problems("GET", path, 404, "application/json", "{}")).singleElement()
			.asString()
			.contains("application/json is not documented");
		assertThat(openApi.problems("GET", API + "/tags", 404, "application/problem+json", "{}")).singleElement()
			.asString()
			.contains("no status 404");
		assertThat(openApi.problems("GET", API + "/nothing", 200, "application/json", "{}")).isNotEmpty();
		assertThat(openApi.problems("POST", API + "/tags", 200, "application/json", "{}")).isNotEmpty();
		assertThat(openApi.problems("GET", API + "/tags", 304, null, "stale")).isNotEmpty();
		assertThat(openApi.problems("GET", API + "/articles/{id}", 404, "application/problem+json",
				"{\"title\": \"Not Found\", \"status\": \"404\"}"))
			.anyMatch(p -> p.contains("status"));
	}

	@Test
	void everyAdminApiOperationNeedsAKeyAndEveryContentApiOperationTakesOne() {
		JsonNode paths = openApi.document().get("paths");
		List<String> admin = new ArrayList<>();
		paths.propertyNames().stream().filter(p -> p.startsWith("/api/admin/")).forEach(admin::add);
		assertThat(admin).contains("/api/admin/v1/articles", "/api/admin/v1/articles/{id}/publish",
				"/api/admin/v1/media", "/api/admin/v1/comments/moderation", "/api/admin/v1/authors/{id}");
		for (String path : admin) {
			paths.get(path).properties().forEach(operation -> {
				JsonNode o = operation.getValue();
				String name = operation.getKey() + " " + path;
				assertThat(o.at("/security/0/apiKey").isArray()).as(name).isTrue();
				assertThat(o.at("/responses/401/$ref").asString()).as(name).endsWith("/AdminUnauthorized");
				assertThat(o.at("/tags/0").asString()).as(name).startsWith("Admin API");
				assertThat(o.get("description").asString()).as(name).isNotBlank();
				assertThat(o.path("parameters")
					.valueStream()
					.anyMatch(p -> p.path("$ref").asString().endsWith("/IdempotencyKey"))).as(name)
					.isEqualTo(operation.getKey().equals("post"));
			});
		}
		for (String path : List.of(API + "/articles", API + "/tags/{slug}")) {
			JsonNode get = paths.get(path).get("get");
			assertThat(get.at("/responses/401/$ref").asString()).endsWith("/ContentKeyRefused");
			assertThat(get.get("parameters").valueStream().map(p -> p.path("$ref").asString()))
				.contains("#/components/parameters/ContentKey");
		}
		assertThat(openApi.document().at("/components/parameters/ContentKey/name").asString()).isEqualTo("key");
		// The customizers act once: a second request gets the same document.
		assertThat(json.readTree(site.get("/api/openapi.json").response().body())).isEqualTo(openApi.document());
	}

	@Test
	void everyExampleMatchesItsSchema() {
		JsonNode document = openApi.document();
		List<String> checked = new ArrayList<>();
		document.get("paths").properties().forEach(path -> path.getValue().properties().forEach(operation -> {
			JsonNode o = operation.getValue();
			List<JsonNode> contents = new ArrayList<>();
			contents.add(o.at("/requestBody/content"));
			o.path("responses").forEach(response -> contents.add(resolve(document, response).path("content")));
			for (JsonNode content : contents) {
				content.forEach(media -> media.path("examples").properties().forEach(example -> {
					String name = operation.getKey() + " " + path.getKey() + " " + example.getKey();
					assertThat(openApi.schemaProblems(media.get("schema"), example.getValue().get("value"))).as(name)
						.isEmpty();
					checked.add(name);
				}));
			}
		}));
		assertThat(checked).hasSizeGreaterThan(60);
	}

	private static JsonNode resolve(JsonNode document, JsonNode node) {
		return node.has("$ref") ? document.at(node.get("$ref").asString().substring(1)) : node;
	}

	@Test
	void adminOperationsRequireTheApiKeyScheme() {
		var openApi = new OpenAPI().paths(new Paths()
			.addPathItem("/api/admin/v1/articles", new PathItem().get(new Operation()).post(new Operation()))
			.addPathItem(API + "/articles", new PathItem().get(new Operation())));
		new OpenApiConfiguration().adminApiKeys().customise(openApi);
		PathItem admin = openApi.getPaths().get("/api/admin/v1/articles");
		assertThat(List.of(admin.getGet(), admin.getPost())).allSatisfy(
				o -> assertThat(o.getSecurity()).singleElement().satisfies(r -> assertThat(r).containsKey("apiKey")));
		assertThat(openApi.getPaths().get(API + "/articles").getGet().getSecurity()).isNull();
	}

}
