/** The CRM workspace UI: home, list views, record pages, the utility bar. */
@org.springframework.modulith.ApplicationModule(displayName = "Workspace")
package org.switchboard.workspace;
