package org.switchboard.platform.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretsTests {

	@TempDir
	Path data;

	@Test
	void theKeyFileIsCreatedOwnerOnlyAndReadBackByTheNextStart() throws Exception {
		Path keyFile = data.resolve("nested/secret.key");

		String encrypted = new Secrets("", keyFile).encrypt("token");

		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile))).isEqualTo("rw-------");
		assertThat(new Secrets("", keyFile).decrypt(encrypted)).isEqualTo("token");
	}
}
