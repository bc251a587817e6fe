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

	LoginController(@Value("${switchboard.demo.enabled:true}") boolean demo) {
		this.demo = demo;
	}

	@GetMapping("/login")
	String login(Model model) {
		model.addAttribute("demo", demo);
		return "login";
	}
}
