package org.switchboard.meetings.web;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.switchboard.access.Access;
import org.switchboard.access.UserZones;
import org.switchboard.access.PermissionSet;
import org.switchboard.access.WebexUserOnly;
import org.switchboard.crm.CrmRecords;
import org.switchboard.platform.ui.PanelComponent;
import org.switchboard.platform.ui.RecordAction;
import org.switchboard.platform.ui.RecordActions;
import org.switchboard.platform.ui.RecordComponent;
import org.switchboard.platform.ui.RecordComponents;
import org.switchboard.platform.web.Requests;

/**
 * The meetings UI: "Schedule a meeting" on every record (its form opens in the Webex panel), the record's Webex
 * Meetings component, and the calendar service panel (340×480) with its own button in the utility bar.
 */
@Controller
class MeetingsWeb implements RecordActions, RecordComponents {

	private final CrmRecords records;
	private final UserZones zones;

	MeetingsWeb(CrmRecords records, UserZones zones) {
		this.records = records;
		this.zones = zones;
	}

	@Override
	public List<RecordAction> actionsFor(String object, String recordId) {
		return Access.has(PermissionSet.WEBEX_USER)
				? List.of(new RecordAction("Schedule a meeting", 15, "/meetings/records/" + object + "/" + recordId + "/new", true))
				: List.of();
	}

	@Override
	public List<RecordComponent> componentsFor(String object, String recordId) {
		return Access.has(PermissionSet.WEBEX_USER)
				? List.of(new RecordComponent("Webex meetings", 15, "meetings/record :: component", Map.of("object", object, "recordId", recordId)))
				: List.of();
	}

	@GetMapping("/meetings/records/{object}/{id}/new")
	@WebexUserOnly
	String form(@PathVariable String object, @PathVariable String id, Model model) {
		model.addAttribute("record", records.get(object, id, List.of("Id")));
		model.addAttribute("userZone", zones.find(Access.currentUserId()).map(ZoneId::getId).orElse(null));
		return "meetings/schedule :: form";
	}

	/** The calendar panel's button and panel in the utility bar, for Webex Users on every page. */
	@ControllerAdvice(basePackages = "org.switchboard")
	static class UtilityPanels {

		@ModelAttribute("utilityPanels")
		List<PanelComponent> utilityPanels(HttpServletRequest request) {
			return !Requests.isApi(request) && Access.has(PermissionSet.WEBEX_USER)
					? List.of(new PanelComponent("Calendar", 10, "meetings/calendar :: panel")) : List.of();
		}
	}
}
