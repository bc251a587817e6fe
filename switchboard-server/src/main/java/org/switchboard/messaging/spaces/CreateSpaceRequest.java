package org.switchboard.messaging.spaces;

import java.util.List;

/**
 * {@code POST /api/records/{object}/{id}/spaces}: the title (default: the record's name) and the people to add, each
 * by {@code email} or by a Contact, Lead or User record ({@code object} and {@code id}).
 */
public record CreateSpaceRequest(String title, List<MemberRef> members) {

	public record MemberRef(String email, String object, String id) {
	}
}
