package org.broadsheet.media;

/**
 * One place that shows a media library image, as the newsroom lists it under "Used in".
 *
 * @param kind what holds it: {@code article} (lead image or body), {@code author}
 * (portrait), …; a message key suffix ({@code media.usedIn.<kind>})
 * @param title the holder's name as the newsroom shows it (a headline, an author's name)
 * @param link the newsroom path where the holder is edited, e.g.
 * {@code /newsroom/articles/12}
 */
public record ImageReference(String kind, String title, String link) {
}
