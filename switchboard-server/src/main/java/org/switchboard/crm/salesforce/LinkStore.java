package org.switchboard.crm.salesforce;

import java.util.Optional;

/** Where the connection is kept between restarts (the secret and refresh token encrypted). */
interface LinkStore {

	Optional<OrgLink> load();

	/** The reason the org was disconnected, if it was (e.g. the refresh token was revoked). */
	Optional<String> problem();

	void save(OrgLink link);

	void markDisconnected(String reason);

	void delete();
}
