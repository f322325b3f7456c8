/**
 * Broadsheet, a news and commentary publishing platform: the application's entry point
 * (the web server, or a command) and the database dialect. Each sub-package is a feature
 * module (Spring Modulith); {@code docs/architecture.md} has the map.
 */
package org.broadsheet;
