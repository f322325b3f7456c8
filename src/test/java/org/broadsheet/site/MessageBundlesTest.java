package org.broadsheet.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * Every language of the interface is complete: each {@code messages_xx.properties} is
 * UTF-8, has exactly the keys of {@code messages.properties} (a missing or extra key is
 * named), the same placeholders in each message, and patterns that {@link MessageFormat}
 * reads without swallowing a placeholder (an apostrophe must be doubled where a message
 * has arguments).
 */
class MessageBundlesTest {

	private static final Path RESOURCES = Path.of("src/main/resources");

	/**
	 * A MessageFormat argument ({@code {0}}, {@code {1,number,integer}}) or a script's
	 * ({@code {words}}).
	 */
	private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)");

	/** An apostrophe that is not doubled: MessageFormat reads it as a quote. */
	private static final Pattern LONE_APOSTROPHE = Pattern.compile("(?<!')'(?!')");

	static List<String> languages() throws IOException {
		try (Stream<Path> files = Files.list(RESOURCES)) {
			return files.map(p -> p.getFileName().toString())
				.filter(name -> name.matches("messages_[a-zA-Z_]+\\.properties"))
				.map(name -> name.substring("messages_".length(), name.length() - ".properties".length()))
				.sorted()
				.toList();
		}
	}

	@Test
	void theInterfaceHasAtLeastTheSevenLanguages() throws IOException {
		assertThat(languages()).contains("ar", "de", "es", "fa", "fr", "ru");
	}

	@ParameterizedTest
	@MethodSource("languages")
	void eachBundleHasEveryKeyAndNoOther(String language) throws IOException {
		Properties english = load("messages.properties");
		Properties translated = load("messages_" + language + ".properties");
		Set<String> missing = new TreeSet<>(english.stringPropertyNames());
		missing.removeAll(translated.stringPropertyNames());
		Set<String> extra = new TreeSet<>(translated.stringPropertyNames());
		extra.removeAll(english.stringPropertyNames());
		assertThat(missing).as("keys of messages.properties missing from messages_%s.properties", language).isEmpty();
		assertThat(extra).as("keys of messages_%s.properties that messages.properties does not have", language)
			.isEmpty();
	}

	@ParameterizedTest
	@MethodSource("languages")
	void eachMessageKeepsItsPlaceholdersAndFormats(String language) throws IOException {
		Properties english = load("messages.properties");
		Properties translated = load("messages_" + language + ".properties");
		List<String> problems = new ArrayList<>();
		for (String key : new TreeSet<>(translated.stringPropertyNames())) {
			String pattern = translated.getProperty(key);
			String original = english.getProperty(key);
			if (original != null && !placeholders(original).equals(placeholders(pattern))) {
				problems
					.add(key + ": placeholders " + placeholders(pattern) + ", English has " + placeholders(original));
			}
			if (hasArguments(pattern)) {
				if (LONE_APOSTROPHE.matcher(pattern).find()) {
					problems.add(key + ": an apostrophe in a message with arguments must be written ''");
				}
				Object[] arguments = { 7, 8, 9, 10, 11, 12 };
				String formatted = new MessageFormat(pattern, Locale.forLanguageTag(language)).format(arguments);
				if (formatted.contains("{")) {
					problems.add(key + ": a placeholder is left unformatted: " + formatted);
				}
			}
		}
		assertThat(problems).as("messages_%s.properties", language).isEmpty();
	}

	@ParameterizedTest
	@MethodSource("languages")
	void eachBundleIsUtf8AndPersianUsesPersianLetters(String language) throws IOException {
		byte[] bytes = Files.readAllBytes(RESOURCES.resolve("messages_" + language + ".properties"));
		String text;
		try {
			text = StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes))
				.toString();
		}
		catch (CharacterCodingException ex) {
			throw new AssertionError("messages_" + language + ".properties is not UTF-8", ex);
		}
		if (language.equals("fa")) {
			// Arabic yeh and kaf look alike but break search and sorting in Persian.
			assertThat(text).doesNotContain("\u064a", "\u0643");
		}
	}

	@Test
	void theSiteLanguageChoosesTheBundleAndAnUnknownOneFallsBackToEnglish() {
		var messages = new ResourceBundleMessageSource();
		messages.setBasename("messages");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		assertThat(messages.getMessage("search.title", null, Locale.FRENCH)).isEqualTo("Recherche");
		assertThat(messages.getMessage("search.title", null, Locale.forLanguageTag("ar"))).isEqualTo("بحث");
		assertThat(messages.getMessage("search.title", null, Locale.forLanguageTag("fa-IR"))).isEqualTo("جست‌وجو");
		assertThat(messages.getMessage("search.title", null, Locale.forLanguageTag("xx"))).isEqualTo("Search");
		assertThat(messages.getMessage("comments.count", new Object[] { 2 }, Locale.forLanguageTag("ar")))
			.isEqualTo("تعليقان");
		assertThat(messages.getMessage("apikeys.issued", new Object[] { "CMS" }, Locale.FRENCH))
			.startsWith("Clé « CMS » émise.");
	}

	private static boolean hasArguments(String pattern) {
		return Pattern.compile("\\{\\d").matcher(pattern).find();
	}

	private static Set<String> placeholders(String pattern) {
		Set<String> names = new TreeSet<>();
		Matcher matcher = PLACEHOLDER.matcher(pattern);
		while (matcher.find()) {
			names.add(matcher.group(1));
		}
		return names;
	}

	private static Properties load(String file) throws IOException {
		var properties = new Properties();
		properties.load(new StringReader(Files.readString(RESOURCES.resolve(file), StandardCharsets.UTF_8)));
		return properties;
	}

}
