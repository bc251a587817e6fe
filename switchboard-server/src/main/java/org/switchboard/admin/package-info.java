/** The Webex Admin console: settings per feature, audit log. */
@org.springframework.modulith.ApplicationModule(displayName = "Admin")
package org.switchboard.admin;
