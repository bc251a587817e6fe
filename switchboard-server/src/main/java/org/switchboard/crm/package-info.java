/** The CRM port: describe objects, read, search, find by phone, write, and record-change events. */
@org.springframework.modulith.ApplicationModule(displayName = "CRM", allowedDependencies = "platform :: *")
package org.switchboard.crm;
