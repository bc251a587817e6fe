/** Users, profiles, permission sets and the one way to check a permission. */
@org.springframework.modulith.ApplicationModule(displayName = "Access")
package org.switchboard.access;
