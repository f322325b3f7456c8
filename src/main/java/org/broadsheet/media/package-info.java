/**
 * Images: the {@code image} table, originals and sizes in a media store (the folder
 * {@code <data>/media}, or an S3 bucket shared by every node), EXIF stripped, served from
 * {@code /media/**}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "account", "shared" })
package org.broadsheet.media;
