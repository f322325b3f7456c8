/**
 * Article bundles: one Markdown file with YAML front matter per article, and the files it
 * names ({@link org.broadsheet.interchange.bundle.BundleParser} has the format); the
 * {@code import} command. A named interface of the interchange module: the demo loads its
 * content through it.
 */
@org.springframework.modulith.NamedInterface("bundle")
package org.broadsheet.interchange.bundle;
