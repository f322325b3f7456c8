package org.broadsheet.interchange.wordpress;

/**
 * A WordPress export that cannot be imported: not well-formed XML, or not a WXR document.
 * The message starts with {@code file:line:} (and {@code column:} for XML errors), then
 * the problem. Nothing of the file has been imported when this is thrown.
 */
public class WxrException extends RuntimeException {

	WxrException(String message) {
		super(message);
	}

}
