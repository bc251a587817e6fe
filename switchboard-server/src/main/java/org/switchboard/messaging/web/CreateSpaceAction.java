package org.switchboard.messaging.web;

import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.switchboard.access.Access;
import org.switchboard.access.PermissionSet;
import org.switchboard.access.WebexUserOnly;
import org.switchboard.crm.CrmRecords;
import org.switchboard.platform.ui.RecordAction;
import org.switchboard.platform.ui.RecordActions;

/** "Create a space" on every record (M1): the form opens in the Webex panel and posts to the spaces API. */
@Controller
class CreateSpaceAction implements RecordActions {

	private final CrmRecords records;

	CreateSpaceAction(CrmRecords records) {
		this.records = records;
	}

	@Override
	public List<RecordAction> actionsFor(String object, String recordId) {
		return Access.has(PermissionSet.WEBEX_USER)
				? List.of(new RecordAction("Create a space", 20, "/messaging/records/" + object + "/" + recordId + "/spaces/new", true))
				: List.of();
	}

	@GetMapping("/messaging/records/{object}/{id}/spaces/new")
	@WebexUserOnly
	String form(@PathVariable String object, @PathVariable String id, Model model) {
		model.addAttribute("record", records.get(object, id, List.of("Id")));
		return "messaging/create :: form";
	}
}
