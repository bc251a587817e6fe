package org.switchboard.platform.secrets;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.crypto.encrypt.Encryptors;
import org.springframework.security.crypto.encrypt.TextEncryptor;
import org.springframework.stereotype.Component;

/**
 * Encrypts secrets (tokens, webhook secrets) before they are stored: AES-256-GCM with a random IV per value
 * (Spring Security Crypto). The key comes from {@code switchboard.secrets.key}; without it, a key file is
 * created once under the data directory (mode 600), which suits the embedded default.
 */
@Component
public class Secrets {

	private final TextEncryptor encryptor;

	Secrets(@Value("${switchboard.secrets.key:}") String key, @Value("${switchboard.secrets.key-file:./data/secret.key}") Path keyFile)
			throws IOException {
		List<String> material = key.isBlank() ? keyFromFile(keyFile) : List.of(key, HexFormat.of().formatHex("switchboard".getBytes(StandardCharsets.UTF_8)));
		this.encryptor = Encryptors.delux(material.get(0), material.get(1));
	}

	public String encrypt(String plain) {
		return plain == null ? null : encryptor.encrypt(plain);
	}

	public String decrypt(String encrypted) {
		return encrypted == null ? null : encryptor.decrypt(encrypted);
	}

	/** A new random secret, e.g. for a webhook: 32 bytes as hex. */
	public static String newSecret() {
		byte[] bytes = new byte[32];
		new SecureRandom().nextBytes(bytes);
		return HexFormat.of().formatHex(bytes);
	}

	private static List<String> keyFromFile(Path file) throws IOException {
		if (!Files.exists(file)) {
			Files.createDirectories(file.toAbsolutePath().getParent());
			try {
				// Owner-only from the moment it exists: no window in which another user could read the key.
				Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
			}
			catch (UnsupportedOperationException notPosix) {
				Files.createFile(file); // Windows: the file system's own ACLs apply.
			}
			Files.writeString(file, newSecret() + "\n" + newSecret().substring(0, 16) + "\n");
		}
		return Files.readAllLines(file).stream().map(String::trim).filter(l -> !l.isEmpty()).toList();
	}
}
