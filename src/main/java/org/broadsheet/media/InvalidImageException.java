package org.broadsheet.media;

/** An upload or imported file that is not an image we accept; the message says why. */
public class InvalidImageException extends RuntimeException {

	public InvalidImageException(String message) {
		super(message);
	}

}
