package org.switchboard.access;

import java.util.Collection;
import java.util.List;
import java.util.Set;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** The signed-in user: their CRM User record id, name, and permission sets. */
public final class SwitchboardUser implements UserDetails {

	private final String id;
	private final String username;
	private final String displayName;
	private final String passwordHash;
	private final boolean active;
	private final Set<PermissionSet> permissionSets;

	public SwitchboardUser(String id, String username, String displayName, String passwordHash, boolean active,
			Set<PermissionSet> permissionSets) {
		this.id = id;
		this.username = username;
		this.displayName = displayName;
		this.passwordHash = passwordHash;
		this.active = active;
		this.permissionSets = Set.copyOf(permissionSets);
	}

	/** The id of the user's CRM User record. */
	public String id() {
		return id;
	}

	public String displayName() {
		return displayName;
	}

	public boolean has(PermissionSet permissionSet) {
		return permissionSets.contains(permissionSet);
	}

	public Set<PermissionSet> permissionSets() {
		return permissionSets;
	}

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		List<GrantedAuthority> authorities = new java.util.ArrayList<>();
		permissionSets.forEach(p -> authorities.add(new SimpleGrantedAuthority(p.apiName())));
		return authorities;
	}

	@Override
	public String getPassword() {
		return passwordHash;
	}

	@Override
	public String getUsername() {
		return username;
	}

	@Override
	public boolean isEnabled() {
		return active;
	}

	@Override
	public String toString() {
		return "SwitchboardUser[" + username + "]";
	}
}
