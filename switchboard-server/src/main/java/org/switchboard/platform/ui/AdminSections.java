package org.switchboard.platform.ui;

import java.util.List;

/** Contributes sections to the Webex Admin console. */
public interface AdminSections {

	List<AdminSection> adminSections();
}
