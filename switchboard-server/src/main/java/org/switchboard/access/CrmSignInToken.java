package org.switchboard.access;

import java.time.Instant;

import org.springframework.security.authentication.AbstractAuthenticationToken;

/**
 * A user signed in with the CRM's own login (Salesforce): no password is involved, and their permission sets were
 * read from the CRM at {@link #checkedAt()}; {@link PermissionRefresh} reads them again when they are older than the
 * refresh interval.
 */
final class CrmSignInToken extends AbstractAuthenticationToken {

	private static final long serialVersionUID = 1L;

	private final SwitchboardUser user;
	private final Instant checkedAt;

	CrmSignInToken(SwitchboardUser user, Instant checkedAt) {
		super(user.getAuthorities());
		this.user = user;
		this.checkedAt = checkedAt;
		setAuthenticated(true);
	}

	Instant checkedAt() {
		return checkedAt;
	}

	@Override
	public SwitchboardUser getPrincipal() {
		return user;
	}

	@Override
	public Object getCredentials() {
		return null;
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof CrmSignInToken token && token.user.id().equals(user.id()) && token.checkedAt.equals(checkedAt);
	}

	@Override
	public int hashCode() {
		return user.id().hashCode();
	}
}
