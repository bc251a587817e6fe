package org.switchboard.workspace.web;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.switchboard.platform.ui.PanelComponent;
import org.switchboard.platform.ui.PanelComponents;
import org.switchboard.platform.web.Requests;

/** The objects in the top navigation, shown on every page. */
@ControllerAdvice(basePackages = "org.switchboard")
class Navigation {

	private final List<PanelComponents> panels;

	Navigation(List<PanelComponents> panels) {
		this.panels = panels;
	}

	/** The Webex panel's parts for this user, in order. */
	@ModelAttribute("panelComponents")
	List<PanelComponent> panelComponents(HttpServletRequest request) {
		if (Requests.isApi(request)) {
			return List.of();
		}
		return panels.stream().flatMap(p -> p.panelComponents().stream())
			.sorted(java.util.Comparator.comparingInt(PanelComponent::order)).toList();
	}

	@ModelAttribute("navObjects")
	List<NavItem> navObjects() {
		return List.of(new NavItem("Account", "Accounts"), new NavItem("Contact", "Contacts"), new NavItem("Lead", "Leads"),
				new NavItem("Case", "Cases"), new NavItem("Opportunity", "Opportunities"), new NavItem("Campaign", "Campaigns"));
	}

	record NavItem(String object, String label) {
	}
}
