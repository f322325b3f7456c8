package org.broadsheet.interchange.wordpress;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.nodes.Entities;

/**
 * Decodes a WXR file and repairs, as it streams, what keeps an export written by a plugin
 * from being well-formed XML (XML 1.0, https://www.w3.org/TR/xml/) where WordPress's own
 * importer still reads it (its regex parser, {@code parsers/class-wxr-parser-regex.php}):
 * <ul>
 * <li>an {@code &} that does not start a reference ({@code ?a=1&ixid=2} in a
 * {@code <link>}) is escaped: the text keeps the {@code &};</li>
 * <li>an HTML entity XML does not declare ({@code &nbsp;}, {@code &mdash;}, any named
 * character reference of HTML5, from jsoup's table) is read as its character; an unknown
 * name ({@code &foo;}) is kept as text;</li>
 * <li>a {@code <} that cannot start markup ({@code a < b}) is kept as text;</li>
 * <li>a {@code ]]>} inside a CDATA section (WordPress's own importer reads
 * {@code <![CDATA[a ]]> b]]>} as {@code a ]]> b}) is kept as text, outside CDATA it is
 * escaped;</li>
 * <li>a character XML 1.0 does not allow (C0 controls but tab, line feed and carriage
 * return; U+FFFE, U+FFFF), raw or as a character reference, is left out;</li>
 * <li>a byte sequence that is not valid in the file's encoding becomes U+FFFD.</li>
 * </ul>
 * Entities and ampersands are repaired outside CDATA sections only (inside, the text is
 * HTML and stays as written); comments and processing instructions pass unchanged. Every
 * repair is told to the {@link Listener} with its line and column in the file. Line
 * breaks are never added or removed, so the XML parser's line numbers stay the file's;
 * its column numbers may differ on a repaired line. What is not repairable this way
 * (mismatched or unclosed elements, a truncated file) is left for the XML parser to
 * refuse. Memory: two buffers of {@value #BUFFER} characters, plus the text between a
 * CDATA section's end and the next markup (at most {@value #MAX_PENDING} characters).
 */
final class WxrRepair extends Reader {

	/** Told of each repair. */
	@FunctionalInterface
	interface Listener {

		/**
		 * @param line 1-based line in the file
		 * @param column 1-based column (in UTF-16 code units) on that line
		 * @param what what was found and what became of it
		 */
		void repaired(int line, int column, String what);

	}

	static final int BUFFER = 1 << 16;

	static final int MAX_PENDING = 1 << 20;

	/** Longest name of a reference tried: HTML5's longest is 31 characters. */
	private static final int MAX_REFERENCE = 40;

	private static final Set<String> XML_ENTITIES = Set.of("amp", "lt", "gt", "quot", "apos");

	private static final Pattern ENCODING = Pattern.compile("^<\\?xml[^>]*encoding\\s*=\\s*[\"']([A-Za-z0-9._-]+)");

	private enum State {

		TEXT, REFERENCE, MARKUP_OPEN, TAG, ATTRIBUTE, CDATA, AFTER_CDATA, COMMENT, INSTRUCTION

	}

	private final InputStream in;

	private final Listener listener;

	private final CharsetDecoder decoder;

	private final ByteBuffer bytes = ByteBuffer.allocate(BUFFER);

	private final CharBuffer chars = CharBuffer.allocate(BUFFER);

	private final StringBuilder out = new StringBuilder(BUFFER + 64);

	private int outStart;

	private boolean endOfInput;

	private State state = State.TEXT;

	/** Where a reference returns to: TEXT or ATTRIBUTE. */
	private State referenceIn;

	private final StringBuilder reference = new StringBuilder();

	private int referenceLine;

	private int referenceColumn;

	/** The characters after {@code <} read so far, to tell CDATA and comments. */
	private final StringBuilder markup = new StringBuilder();

	private char quote;

	/** Closing brackets in a row: {@code ]]>} ends CDATA and is not allowed in text. */
	private int brackets;

	/** Dashes in a row in a comment, question mark just before in an instruction. */
	private int closers;

	/**
	 * Text after a CDATA section's {@code ]]>}, held until it is clear whether that
	 * {@code ]]>} ended the section (markup follows) or was part of its text (another
	 * {@code ]]>} comes first).
	 */
	private final StringBuilder pending = new StringBuilder();

	private int pendingLine;

	private int pendingColumn;

	private int line = 1;

	private int column;

	/**
	 * @param in the file's bytes; its encoding is read from a byte order mark or the XML
	 * declaration, UTF-8 by default
	 * @param listener told of every repair
	 * @throws IOException when the file cannot be read
	 */
	WxrRepair(InputStream in, Listener listener) throws IOException {
		this.in = in.markSupported() ? in : new BufferedInputStream(in);
		this.listener = listener;
		this.decoder = encoding(this.in).newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
		bytes.flip();
	}

	/**
	 * The encoding a byte order mark or the XML declaration names (skipping a UTF-8 BOM);
	 * UTF-8 when neither does or the name is unknown.
	 */
	private static Charset encoding(InputStream in) throws IOException {
		in.mark(256);
		byte[] head = in.readNBytes(256);
		in.reset();
		if (head.length >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF) {
			in.skipNBytes(3);
			return StandardCharsets.UTF_8;
		}
		if (head.length >= 2 && ((head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF
				|| (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE)) {
			return StandardCharsets.UTF_16;
		}
		Matcher declared = ENCODING.matcher(new String(head, StandardCharsets.ISO_8859_1));
		if (declared.find()) {
			try {
				return Charset.forName(declared.group(1).toUpperCase(Locale.ROOT));
			}
			catch (IllegalCharsetNameException | UnsupportedCharsetException ex) {
				// WordPress writes the blog's charset, which is UTF-8 unless very old
				return StandardCharsets.UTF_8;
			}
		}
		return StandardCharsets.UTF_8;
	}

	@Override
	public int read(char[] buffer, int offset, int length) throws IOException {
		if (length == 0) {
			return 0;
		}
		while (outStart == out.length()) {
			out.setLength(0);
			outStart = 0;
			if (endOfInput) {
				return -1;
			}
			fill();
		}
		int n = Math.min(length, out.length() - outStart);
		out.getChars(outStart, outStart + n, buffer, offset);
		outStart += n;
		return n;
	}

	/** Decodes and repairs the next block of the file. */
	private void fill() throws IOException {
		bytes.compact();
		int read = in.read(bytes.array(), bytes.position(), bytes.remaining());
		boolean last = read < 0;
		if (read > 0) {
			bytes.position(bytes.position() + read);
		}
		bytes.flip();
		while (true) {
			CoderResult result = decoder.decode(bytes, chars, last);
			scanDecoded();
			if (result.isMalformed() || result.isUnmappable()) {
				column++;
				listener.repaired(line, column, "bytes that are not " + decoder.charset().name() + " → U+FFFD");
				bytes.position(bytes.position() + result.length());
				step('\uFFFD');
			}
			else if (result.isUnderflow()) {
				break;
			}
		}
		if (last) {
			decoder.flush(chars);
			scanDecoded();
			finish();
			endOfInput = true;
		}
	}

	private void scanDecoded() {
		chars.flip();
		char[] array = chars.array();
		for (int i = chars.position(), end = chars.limit(); i < end; i++) {
			// Most of a file is text and CDATA without anything to repair: copied in
			// runs.
			int run = i;
			if (state == State.CDATA && brackets == 0) {
				while (run < end && plainInCdata(array[run])) {
					run++;
				}
			}
			else if (state == State.TEXT) {
				while (run < end && plainInCdata(array[run]) && plainInText(array[run])) {
					run++;
				}
				brackets = run > i ? 0 : brackets;
			}
			if (run > i) {
				out.append(array, i, run - i);
				column += run - i;
				i = run - 1;
				continue;
			}
			char c = array[i];
			if (c == '\n') {
				line++;
				column = 0;
			}
			else {
				column++;
			}
			if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == '\uFFFE' || c == '\uFFFF') {
				listener.repaired(line, column, "control character " + codePoint(c) + " left out");
				continue;
			}
			step(c);
		}
		chars.clear();
	}

	/** Not a line break, a character XML does not allow, nor the start of {@code ]]>}. */
	private static boolean plainInCdata(char c) {
		return c >= 0x20 && c != ']' && c < '\uFFFE';
	}

	private static boolean plainInText(char c) {
		return c != '&' && c != '<' && c != '>';
	}

	private void step(char c) {
		switch (state) {
			case TEXT -> text(c);
			case REFERENCE -> reference(c);
			case MARKUP_OPEN -> markupOpen(c);
			case TAG -> tag(c);
			case ATTRIBUTE -> attribute(c);
			case CDATA -> cdata(c);
			case AFTER_CDATA -> afterCdata(c);
			case COMMENT -> comment(c);
			case INSTRUCTION -> instruction(c);
		}
	}

	private void text(char c) {
		if (c == '&') {
			startReference(State.TEXT);
		}
		else if (c == '<') {
			state = State.MARKUP_OPEN;
			markup.setLength(0);
		}
		else if (c == '>' && brackets >= 2) {
			listener.repaired(line, column, "]]> outside a CDATA section kept as text");
			out.append("&gt;");
		}
		else {
			out.append(c);
		}
		brackets = c == ']' ? brackets + 1 : 0;
	}

	private void startReference(State in) {
		referenceIn = in;
		state = State.REFERENCE;
		reference.setLength(0);
		referenceLine = line;
		referenceColumn = column;
	}

	private void reference(char c) {
		if (c == ';') {
			state = referenceIn;
			resolve(reference.toString());
			return;
		}
		boolean nameChar = Character.isLetterOrDigit(c) || c == '#' && reference.isEmpty()
				|| (c == '.' || c == '-' || c == '_') && !reference.isEmpty();
		if (nameChar && reference.length() < MAX_REFERENCE) {
			reference.append(c);
			return;
		}
		state = referenceIn;
		unterminated();
		step(c);
	}

	/** An {@code &} without a reference after it: the text keeps the {@code &}. */
	private void unterminated() {
		listener.repaired(referenceLine, referenceColumn, "& not starting a reference → &amp;");
		out.append("&amp;").append(reference);
	}

	private void resolve(String name) {
		if (XML_ENTITIES.contains(name)) {
			out.append('&').append(name).append(';');
		}
		else if (name.startsWith("#")) {
			int codePoint = characterReference(name);
			if (codePoint < 0) {
				listener.repaired(referenceLine, referenceColumn,
						"&" + name + "; is not a character reference → kept as text");
				out.append("&amp;").append(name).append(';');
			}
			else if (!allowed(codePoint)) {
				listener.repaired(referenceLine, referenceColumn,
						"&" + name + "; names " + codePoint(codePoint) + ", which XML does not allow: left out");
			}
			else {
				out.append('&').append(name).append(';');
			}
		}
		else if (Entities.isNamedEntity(name)) {
			String value = Entities.getByName(name);
			listener.repaired(referenceLine, referenceColumn, "HTML entity &" + name + "; → "
					+ value.codePoints().mapToObj(WxrRepair::codePoint).reduce((a, b) -> a + " " + b).orElse(""));
			// as character references: safe in text and attribute values alike
			value.codePoints().forEach(cp -> out.append("&#").append(cp).append(';'));
		}
		else {
			listener.repaired(referenceLine, referenceColumn, "unknown entity &" + name + "; kept as text");
			out.append("&amp;").append(name).append(';');
		}
	}

	/**
	 * @return the code point of {@code #123} or {@code #x7B}, or -1 when it is not a
	 * number
	 */
	private static int characterReference(String name) {
		boolean hex = name.length() > 1 && (name.charAt(1) == 'x' || name.charAt(1) == 'X');
		String digits = name.substring(hex ? 2 : 1);
		if (digits.isEmpty() || digits.length() > 8) {
			return -1;
		}
		try {
			return Integer.parseInt(digits, hex ? 16 : 10);
		}
		catch (NumberFormatException ex) {
			return -1;
		}
	}

	/** XML 1.0's Char production. */
	private static boolean allowed(int cp) {
		return cp == 0x9 || cp == 0xA || cp == 0xD || cp >= 0x20 && cp <= 0xD7FF || cp >= 0xE000 && cp <= 0xFFFD
				|| cp >= 0x10000 && cp <= 0x10FFFF;
	}

	private void markupOpen(char c) {
		if (markup.isEmpty() && !(c == '!' || c == '?' || c == '/' || c == '_' || c == ':' || Character.isLetter(c))) {
			listener.repaired(line, column - 1, "< not starting markup → &lt;");
			out.append("&lt;");
			state = State.TEXT;
			text(c);
			return;
		}
		if (markup.isEmpty()) {
			out.append('<');
		}
		markup.append(c);
		out.append(c);
		if (markup.length() == 8 && "![CDATA[".contentEquals(markup)) {
			state = State.CDATA;
			brackets = 0;
		}
		else if (markup.length() == 3 && "!--".contentEquals(markup)) {
			state = State.COMMENT;
			closers = 0;
		}
		else if (c == '?' && markup.length() == 1) {
			state = State.INSTRUCTION;
			closers = 0;
		}
		else if (!"![CDATA[".startsWith(markup.toString()) && !"!--".startsWith(markup.toString())) {
			out.setLength(out.length() - 1);
			state = State.TAG;
			tag(c);
		}
	}

	private void tag(char c) {
		if (c == '"' || c == '\'') {
			quote = c;
			state = State.ATTRIBUTE;
		}
		else if (c == '>') {
			state = State.TEXT;
			brackets = 0;
		}
		out.append(c);
	}

	private void attribute(char c) {
		if (c == quote) {
			state = State.TAG;
			out.append(c);
		}
		else if (c == '&') {
			startReference(State.ATTRIBUTE);
		}
		else if (c == '<') {
			listener.repaired(line, column, "< in an attribute value → &lt;");
			out.append("&lt;");
		}
		else {
			out.append(c);
		}
	}

	private void cdata(char c) {
		if (c == ']') {
			brackets++;
			return;
		}
		if (c == '>' && brackets >= 2) {
			out.append("]".repeat(brackets - 2));
			closeCandidate();
			return;
		}
		out.append("]".repeat(brackets));
		brackets = 0;
		out.append(c);
	}

	/**
	 * A {@code ]]>} in CDATA: its end, unless another {@code ]]>} comes before markup.
	 */
	private void closeCandidate() {
		state = State.AFTER_CDATA;
		brackets = 0;
		pending.setLength(0);
		pendingLine = line;
		pendingColumn = column;
	}

	private void afterCdata(char c) {
		if (c == '<' || pending.length() >= MAX_PENDING) {
			out.append("]]>");
			state = State.TEXT;
			brackets = 0;
			replayPending();
			step(c);
		}
		else if (c == '>' && brackets >= 2) {
			listener.repaired(pendingLine, pendingColumn - 2, "]]> inside a CDATA section kept as its text");
			out.append("]]]]><![CDATA[>").append(pending, 0, pending.length() - 2);
			closeCandidate();
		}
		else {
			pending.append(c);
			brackets = c == ']' ? brackets + 1 : 0;
		}
	}

	/**
	 * The text after a CDATA section's end, read again as text (where {@code &} is
	 * repaired) from where it started in the file.
	 */
	private void replayPending() {
		int nowLine = line;
		int nowColumn = column;
		line = pendingLine;
		column = pendingColumn;
		String text = pending.toString();
		pending.setLength(0);
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '\n') {
				line++;
				column = 0;
			}
			else {
				column++;
			}
			step(c);
		}
		line = nowLine;
		column = nowColumn;
	}

	private void comment(char c) {
		out.append(c);
		if (c == '>' && closers >= 2) {
			state = State.TEXT;
			brackets = 0;
		}
		closers = c == '-' ? closers + 1 : 0;
	}

	private void instruction(char c) {
		out.append(c);
		if (c == '>' && closers > 0) {
			state = State.TEXT;
			brackets = 0;
		}
		closers = c == '?' ? 1 : 0;
	}

	/** The end of the file: what was held back is written as it was. */
	private void finish() {
		switch (state) {
			case REFERENCE -> {
				state = referenceIn;
				unterminated();
			}
			case AFTER_CDATA -> {
				out.append("]]>");
				state = State.TEXT;
				replayPending();
			}
			case CDATA -> out.append("]".repeat(brackets));
			case MARKUP_OPEN -> {
				if (markup.isEmpty()) {
					out.append('<');
				}
			}
			default -> {
				// nothing held back
			}
		}
	}

	private static String codePoint(int cp) {
		return String.format(Locale.ROOT, "U+%04X", cp);
	}

	@Override
	public void close() throws IOException {
		in.close();
	}

}
