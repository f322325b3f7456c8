/**
 * Text helpers shared by every module: slugs in the writer's script, query strings, XML-safe text.
 */
package org.broadsheet.text;
