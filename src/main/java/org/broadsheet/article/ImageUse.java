package org.broadsheet.article;

/**
 * An article's use of an image from the media library, with its own texts.
 *
 * @param imageId the image
 * @param alt text alternative here, or null for the image's own
 * @param caption caption here, or null for the image's own
 * @param credit credit here, or null for the image's own
 */
public record ImageUse(long imageId, String alt, String caption, String credit) {
}
