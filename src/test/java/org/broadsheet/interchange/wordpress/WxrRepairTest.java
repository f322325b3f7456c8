package org.broadsheet.interchange.wordpress;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamReader;

import org.junit.jupiter.api.Test;

/**
 * The streaming repair alone: what it writes, what the XML parser then reads, and the
 * repairs it tells, with their lines and columns.
 */
class WxrRepairTest {

	private final List<String> repairs = new ArrayList<>();

	private byte[] lastFile;

	private String lastRepaired;

	@Test
	void wellFormedXmlPassesUnchangedAndNothingIsReported() throws IOException {
		String xml = """
				<?xml version="1.0" encoding="UTF-8"?>
				<!-- a comment with & and < -->
				<rss a="x &amp; y" b='&#233;'><channel><title>A &amp; B &lt;i&gt; &#x2014; &quot;</title>
				<content:encoded><![CDATA[<p>Fish &amp; chips &nbsp; & more]]]]><![CDATA[>]]></content:encoded>
				<x>]] > ]</x><?pi a > b ?></channel></rss>
				""";
		assertThat(repaired(xml.getBytes(StandardCharsets.UTF_8))).isEqualTo(xml);
		assertThat(repairs).isEmpty();
	}

	@Test
	void aRawAmpersandIsEscapedInTextAndAttributes() throws Exception {
		String xml = "<rss>\n<link>https://x.example/?a=1&ixid=2&&b</link><i u=\"?a&b\"/>&</rss>";
		assertThat(textOf(xml, "link")).isEqualTo("https://x.example/?a=1&ixid=2&&b");
		assertThat(lastRepaired).contains("<i u=\"?a&amp;b\"/>&amp;</rss>");
		assertThat(repairs).containsExactly("2:29 & not starting a reference → &amp;",
				"2:36 & not starting a reference → &amp;", "2:37 & not starting a reference → &amp;",
				"2:54 & not starting a reference → &amp;", "2:59 & not starting a reference → &amp;");
	}

	@Test
	void htmlEntitiesBecomeTheirCharactersOutsideCdataOnly() throws Exception {
		String xml = "<rss><title>A&nbsp;B&mdash;&eacute;&NotEqualTilde;&foo;</title>"
				+ "<c><![CDATA[x&nbsp;y]]></c></rss>";
		assertThat(textOf(xml, "title")).isEqualTo("A\u00a0B\u2014\u00e9\u2242\u0338&foo;");
		assertThat(textOf(xml, "c")).isEqualTo("x&nbsp;y");
		assertThat(repairs).containsExactly("1:14 HTML entity &nbsp; → U+00A0", "1:21 HTML entity &mdash; → U+2014",
				"1:28 HTML entity &eacute; → U+00E9", "1:36 HTML entity &NotEqualTilde; → U+2242 U+0338",
				"1:51 unknown entity &foo; kept as text");
	}

	@Test
	void charactersXmlDoesNotAllowAreLeftOutEvenInCdata() throws Exception {
		String xml = "<rss><title>a\u0001b&#1;c&#xFFFE;&#xZZ;</title>\n<c><![CDATA[x\u000by\uffff]]></c></rss>";
		assertThat(textOf(xml, "title")).isEqualTo("abc&#xZZ;");
		assertThat(textOf(xml, "c")).isEqualTo("xy");
		assertThat(repairs).containsExactly("1:14 control character U+0001 left out",
				"1:16 &#1; names U+0001, which XML does not allow: left out",
				"1:21 &#xFFFE; names U+FFFE, which XML does not allow: left out",
				"1:29 &#xZZ; is not a character reference → kept as text", "2:14 control character U+000B left out",
				"2:16 control character U+FFFF left out");
	}

	@Test
	void bytesThatAreNotUtf8BecomeReplacementCharacters() throws Exception {
		byte[] xml = "<rss><title>caf\u00e9 X</title></rss>".getBytes(StandardCharsets.UTF_8);
		int x = new String(xml, StandardCharsets.ISO_8859_1).indexOf('X');
		xml[x] = (byte) 0xE9;
		assertThat(textOf(xml, "title")).isEqualTo("caf\u00e9 \ufffd");
		assertThat(repairs).containsExactly("1:18 bytes that are not UTF-8 → U+FFFD");
	}

	@Test
	void theXmlDeclarationNamesTheEncoding() throws Exception {
		byte[] xml = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss><title>caf\u00e9</title></rss>"
			.getBytes(StandardCharsets.ISO_8859_1);
		assertThat(textOf(xml, "title")).isEqualTo("caf\u00e9");
		byte[] bom = "\ufeff<rss><title>\u00e9</title></rss>".getBytes(StandardCharsets.UTF_8);
		assertThat(textOf(bom, "title")).isEqualTo("\u00e9");
		assertThat(repairs).isEmpty();
	}

	@Test
	void aCdataEndInsideCdataIsReadAsWordPressReadsIt() throws Exception {
		// WordPress importer's crazy-cdata.xml: its regex parser takes everything up to
		// the
		// last ]]> before the closing tag.
		String xml = "<rss><c><![CDATA[Content with nested <![CDATA[ tags ]]> :)]]></c>"
				+ "<d><![CDATA[]]>]]></d><e><![CDATA[a]]> &amp; b</e></rss>";
		assertThat(textOf(xml, "c")).isEqualTo("Content with nested <![CDATA[ tags ]]> :)");
		assertThat(textOf(xml, "d")).isEqualTo("]]>");
		assertThat(textOf(xml, "e")).isEqualTo("a & b");
		assertThat(repairs).containsExactly("1:53 ]]> inside a CDATA section kept as its text",
				"1:78 ]]> inside a CDATA section kept as its text");
	}

	@Test
	void strayMarkupCharactersAreKeptAsText() throws Exception {
		String xml = "<rss><t>a < b ]]> c</t></rss>";
		assertThat(textOf(xml, "t")).isEqualTo("a < b ]]> c");
		assertThat(repairs).containsExactly("1:11 < not starting markup → &lt;",
				"1:17 ]]> outside a CDATA section kept as text");
	}

	@Test
	void repairsAcrossBufferBoundariesAndAtTheEnd() throws Exception {
		String filler = "x".repeat(WxrRepair.BUFFER - 12);
		String xml = "<rss><t>" + filler + "&nbsp;&eacute;</t><u>&am";
		String out = repaired(xml.getBytes(StandardCharsets.UTF_8));
		assertThat(out).endsWith(filler + "&#160;&#233;</t><u>&amp;am");
		assertThat(repairs).hasSize(3)
			.last()
			.isEqualTo("1:" + (xml.length() - 2) + " & not starting a reference → &amp;");
	}

	private String repaired(byte[] xml) throws IOException {
		try (Reader reader = new WxrRepair(new ByteArrayInputStream(xml),
				(line, column, what) -> repairs.add(line + ":" + column + " " + what))) {
			StringWriter out = new StringWriter();
			reader.transferTo(out);
			return out.toString();
		}
	}

	private String textOf(String xml, String element) throws Exception {
		return textOf(xml.getBytes(StandardCharsets.UTF_8), element);
	}

	/**
	 * The text of the first {@code element}, as the JDK's XML parser reads the repair;
	 * the repairs of a file are recorded once however many of its elements are read.
	 */
	private String textOf(byte[] xml, String element) throws Exception {
		if (!Arrays.equals(xml, lastFile)) {
			lastFile = xml;
			lastRepaired = repaired(xml);
		}
		XMLInputFactory factory = XMLInputFactory.newFactory();
		factory.setProperty(XMLInputFactory.IS_COALESCING, true);
		XMLStreamReader reader = factory.createXMLStreamReader(new StringReader(lastRepaired));
		try {
			while (reader.hasNext()) {
				if (reader.next() == XMLStreamConstants.START_ELEMENT && reader.getLocalName().equals(element)) {
					return reader.getElementText();
				}
			}
			return null;
		}
		finally {
			reader.close();
		}
	}

}
