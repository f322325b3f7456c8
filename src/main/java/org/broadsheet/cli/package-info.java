/**
 * The plumbing of commands that run without the web server.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {})
package org.broadsheet.cli;
