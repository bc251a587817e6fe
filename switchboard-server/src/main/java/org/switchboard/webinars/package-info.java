/**
 * Webinars (W1–W6): the home page's webinar widget, the import settings per target object (field mapping, primary
 * key, merge policy, campaign link, who may import), and the import of a webinar's invitees, registrants and
 * attendees into CRM records and campaign members as a background job that survives a restart.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Webinars")
package org.switchboard.webinars;
