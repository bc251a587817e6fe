package org.switchboard.workspace.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.switchboard.crm.CrmConnections;
import org.switchboard.platform.web.PublicEndpoint;

@Controller
@PublicEndpoint
class LoginController {

	private final boolean demo;
	private final boolean salesforce;
	private final CrmConnections connections;

	LoginController(@Value("${switchboard.demo.enabled:true}") boolean demo, @Value("${switchboard.crm:embedded}") String crm,
			CrmConnections connections) {
		this.demo = demo;
		this.salesforce = "salesforce".equals(crm);
		this.connections = connections;
	}

	@GetMapping("/login")
	String login(Model model) {
		model.addAttribute("demo", demo);
		model.addAttribute("salesforce", salesforce);
		model.addAttribute("setup", salesforce && connections.awaitingOrg());
		return "login";
	}
}
