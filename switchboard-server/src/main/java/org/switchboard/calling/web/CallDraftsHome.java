package org.switchboard.calling.web;

import java.util.List;

import org.springframework.stereotype.Component;
import org.switchboard.access.Access;
import org.switchboard.access.PermissionSet;
import org.switchboard.calling.calls.CallView;
import org.switchboard.calling.logs.CallLogs;
import org.switchboard.platform.ui.HomeComponent;
import org.switchboard.platform.ui.HomeComponents;

/** The home page's "My calls to log": the user's ended calls whose log is still a draft, each opening the log window. */
@Component
class CallDraftsHome implements HomeComponents {

	private static final int SHOWN = 8;

	private final CallLogs logs;

	CallDraftsHome(CallLogs logs) {
		this.logs = logs;
	}

	@Override
	public List<HomeComponent> componentsFor(String userId) {
		if (!Access.has(PermissionSet.WEBEX_USER)) {
			return List.of();
		}
		List<CallView> drafts = logs.drafts(userId);
		return List.of(new HomeComponent("My calls to log", 20, "calling/home :: drafts",
				new Drafts(drafts.stream().limit(SHOWN).toList(), drafts.size())));
	}

	record Drafts(List<CallView> calls, int total) {
	}
}
