/**
 * Text helpers shared by every module: slugs in the writer's script.
 */
package org.broadsheet.text;
