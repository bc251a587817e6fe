package org.switchboard.access;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.password.PasswordEncoder;

class PasswordSignInTests {

	private final PasswordEncoder encoder = new PasswordConfiguration().passwordEncoder();

	@Test
	void anUnknownUserIsCheckedAgainstAHashOfTheSameCostAsTheUsersHashes() {
		String usersHash = encoder.encode("switchboard");

		assertThat(PasswordSignIn.UNKNOWN_USER_HASH.substring(0, 7)).isEqualTo(usersHash.substring(0, 7));
		assertThat(encoder.matches("no user has this password", PasswordSignIn.UNKNOWN_USER_HASH)).isTrue();
		assertThat(encoder.matches("switchboard", PasswordSignIn.UNKNOWN_USER_HASH)).isFalse();
	}
}
