package org.switchboard.workspace.web;

import java.util.List;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** The objects in the top navigation, shown on every page. */
@ControllerAdvice(basePackages = "org.switchboard")
class Navigation {

	@ModelAttribute("navObjects")
	List<NavItem> navObjects() {
		return List.of(new NavItem("Account", "Accounts"), new NavItem("Contact", "Contacts"), new NavItem("Lead", "Leads"),
				new NavItem("Case", "Cases"), new NavItem("Opportunity", "Opportunities"), new NavItem("Campaign", "Campaigns"));
	}

	record NavItem(String object, String label) {
	}
}
