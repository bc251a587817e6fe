package org.switchboard.access;

import java.util.List;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** A session signed in with the setup code: no user, and the one authority that lets it connect the CRM org ({@link SetupSessions}). */
final class SetupSignInToken extends AbstractAuthenticationToken {

	private static final long serialVersionUID = 1L;
	/** What {@link WebexAdminOrSetup} accepts besides Webex Admin. */
	static final String AUTHORITY = "Switchboard_Setup";

	SetupSignInToken() {
		super(List.of(new SimpleGrantedAuthority(AUTHORITY)));
		setAuthenticated(true);
	}

	@Override
	public Object getPrincipal() {
		return "setup";
	}

	@Override
	public Object getCredentials() {
		return null;
	}
}
