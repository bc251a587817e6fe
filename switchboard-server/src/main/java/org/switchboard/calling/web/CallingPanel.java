package org.switchboard.calling.web;

import java.util.List;

import org.springframework.stereotype.Component;
import org.switchboard.access.Access;
import org.switchboard.access.PermissionSet;
import org.switchboard.platform.ui.PanelComponent;
import org.switchboard.platform.ui.PanelComponents;

/** The dialer, the ringing and active call, the call log window and call history, in the Webex panel. */
@Component
class CallingPanel implements PanelComponents {

	@Override
	public List<PanelComponent> panelComponents() {
		return Access.has(PermissionSet.WEBEX_USER) ? List.of(new PanelComponent("Phone", 10, "calling/panel :: panel")) : List.of();
	}
}
