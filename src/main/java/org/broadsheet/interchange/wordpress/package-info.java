/**
 * WordPress: WXR 1.2 import (posts, pages, authors, categories, tags, comments,
 * attachments, old slugs) and export, and the {@code import-wordpress} and
 * {@code export-wordpress} commands. A named interface of the interchange module.
 */
@org.springframework.modulith.NamedInterface("wordpress")
package org.broadsheet.interchange.wordpress;
