package org.switchboard.admin.api;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.switchboard.access.Access;
import org.switchboard.access.SignedInOnly;
import org.switchboard.webex.WebexAccounts;
import org.switchboard.webex.WebexConnection;
import org.switchboard.webex.WebexSignIn;

/** {@code /api/webex/connection}: the signed-in user's own Webex sign-in; DELETE signs them out of Webex. */
@RestController
@RequestMapping("/api/webex/connection")
@SignedInOnly
class WebexConnectionApi {

	private final WebexAccounts accounts;
	private final WebexSignIn signIn;

	WebexConnectionApi(WebexAccounts accounts, WebexSignIn signIn) {
		this.accounts = accounts;
		this.signIn = signIn;
	}

	@GetMapping
	WebexConnection connection() {
		return accounts.connection(Access.currentUserId());
	}

	@DeleteMapping
	ResponseEntity<Void> signOut() {
		signIn.signOut(Access.currentUserId());
		return ResponseEntity.noContent().build();
	}
}
