package org.switchboard.workspace.web;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.switchboard.access.Access;
import org.switchboard.access.SignedInOnly;
import org.switchboard.platform.ui.HomeComponent;
import org.switchboard.platform.ui.HomeComponents;

@Controller
@SignedInOnly
class HomeController {

	private final List<HomeComponents> contributors;

	HomeController(List<HomeComponents> contributors) {
		this.contributors = contributors;
	}

	@GetMapping("/")
	String home(Model model) {
		String userId = Access.currentUserId();
		List<HomeComponent> components = contributors.stream().flatMap(c -> c.componentsFor(userId).stream())
			.sorted(Comparator.comparingInt(HomeComponent::order)).toList();
		model.addAttribute("components", components);
		return "home";
	}
}
