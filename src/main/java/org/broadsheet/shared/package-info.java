/**
 * What every module may use and none owns: text (slugs in the writer's script, query
 * strings, XML-safe text), one synchronization per transaction and key
 * ({@code PerTransaction}), and the plumbing of commands that run without the web server
 * ({@code OfflineCommand}).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {})
package org.broadsheet.shared;
