package org.switchboard.messaging.web;

import java.util.List;

import org.springframework.stereotype.Component;
import org.switchboard.access.Access;
import org.switchboard.access.PermissionSet;
import org.switchboard.messaging.settings.MessagingSettings;
import org.switchboard.platform.ui.PanelComponent;
import org.switchboard.platform.ui.PanelComponents;

/** Chat (M3) in the Webex panel, while a Webex Admin keeps it switched on. */
@Component
class MessagingPanel implements PanelComponents {

	private final MessagingSettings settings;

	MessagingPanel(MessagingSettings settings) {
		this.settings = settings;
	}

	@Override
	public List<PanelComponent> panelComponents() {
		return Access.has(PermissionSet.WEBEX_USER) && settings.chatEnabled()
				? List.of(new PanelComponent("Chat", 20, "messaging/chat :: panel")) : List.of();
	}
}
