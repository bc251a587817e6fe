package org.switchboard.workspace.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.switchboard.platform.web.PublicEndpoint;

@Controller
@PublicEndpoint
class LoginController {

	private final boolean demo;
	private final boolean salesforce;

	LoginController(@Value("${switchboard.demo.enabled:true}") boolean demo, @Value("${switchboard.crm:embedded}") String crm) {
		this.demo = demo;
		this.salesforce = "salesforce".equals(crm);
	}

	@GetMapping("/login")
	String login(Model model) {
		model.addAttribute("demo", demo);
		model.addAttribute("salesforce", salesforce);
		return "login";
	}
}
