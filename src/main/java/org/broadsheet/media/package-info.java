/**
 * Images: the {@code image} table, originals and sizes under {@code <data>/media}, EXIF
 * stripped, served from {@code /media/**}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = "shared")
package org.broadsheet.media;
