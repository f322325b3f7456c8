/**
 * Text helpers shared by every module: slugs in the writer's script, query strings, XML-safe text.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {})
package org.broadsheet.text;
