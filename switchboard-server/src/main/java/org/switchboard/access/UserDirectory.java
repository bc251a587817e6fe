package org.switchboard.access;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.switchboard.crm.CrmException;
import org.switchboard.crm.CrmRecord;
import org.switchboard.crm.CrmRecords;
import org.switchboard.platform.errors.Refusal;
import org.switchboard.platform.names.EmailAddresses;

/** Finds sign-in users among the CRM's User records, with their permission sets from the assignments. */
@Service
class UserDirectory implements UserDetailsService {

	private final CrmRecords records;
	private final Credentials credentials;

	UserDirectory(CrmRecords records, Credentials credentials) {
		this.records = records;
		this.credentials = credentials;
	}

	@Override
	public SwitchboardUser loadUserByUsername(String username) {
		// One canonical user name (an ASCII address, ASCII case ignored): "admİn@…" or "\u212Aate@…" names nobody.
		String canonical = EmailAddresses.userName(username).orElseThrow(() -> new UsernameNotFoundException("No such user"));
		CrmRecord user = records.findByField("User", "Username", canonical).stream()
			.filter(u -> EmailAddresses.userName(u.getString("Username")).filter(canonical::equals).isPresent())
			.findFirst()
			.orElseThrow(() -> new UsernameNotFoundException("No such user"));
		String hash = credentials.passwordHash(user.id()).orElseThrow(() -> new UsernameNotFoundException("No password set"));
		return new SwitchboardUser(user.id(), user.getString("Username"), user.name(), hash,
				!Boolean.FALSE.equals(user.get("IsActive")), permissionSets(user.id()));
	}

	/**
	 * The CRM User with this id and their permission sets, for a sign-in through the CRM's own login (no password);
	 * empty if there is no such user.
	 */
	Optional<SwitchboardUser> byId(String userId) {
		CrmRecord user;
		try {
			user = records.get("User", userId, List.of("Username", "IsActive"));
		}
		catch (CrmException e) {
			if (e.refusal() == Refusal.NOT_FOUND) {
				return Optional.empty();
			}
			throw e;
		}
		return Optional.of(new SwitchboardUser(user.id(), user.getString("Username"), user.name(), null,
				!Boolean.FALSE.equals(user.get("IsActive")), permissionSets(user.id())));
	}

	Set<PermissionSet> permissionSets(String userId) {
		Set<PermissionSet> granted = EnumSet.noneOf(PermissionSet.class);
		for (CrmRecord assignment : records.related("PermissionSetAssignment", "AssigneeId", userId, 100)) {
			String name = records.get("PermissionSet", assignment.getString("PermissionSetId"), List.of("Name")).getString("Name");
			byApiName(name).ifPresent(granted::add);
		}
		return granted;
	}

	private static Optional<PermissionSet> byApiName(String name) {
		return java.util.Arrays.stream(PermissionSet.values()).filter(p -> p.apiName().equals(name)).findFirst();
	}
}
