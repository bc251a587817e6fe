package org.switchboard.access;

import java.util.Optional;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** The one way to ask who is signed in and what they may do. */
public final class Access {

	private Access() {
	}

	public static Optional<SwitchboardUser> currentUser() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return authentication != null && authentication.getPrincipal() instanceof SwitchboardUser user ? Optional.of(user)
				: Optional.empty();
	}

	/** The signed-in user's CRM User id, or null for system work. */
	public static String currentUserId() {
		return currentUser().map(SwitchboardUser::id).orElse(null);
	}

	public static boolean has(PermissionSet permissionSet) {
		return currentUser().map(u -> u.has(permissionSet)).orElse(false);
	}
}
