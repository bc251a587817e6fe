/** Shared plumbing: security configuration, errors, layout, settings storage, clock. */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.switchboard.platform;
