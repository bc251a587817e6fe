package org.switchboard.platform.ui;

import java.util.List;

/** Contributes components to the Webex panel for the signed-in user (none when the user may not use the feature). */
public interface PanelComponents {

	List<PanelComponent> panelComponents();
}
