package dev.switchboard.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.switchboard.sandbox.oauth.OAuth;
import dev.switchboard.sandbox.webhooks.Webhooks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a real Webex keeps when its client restarts (integrations, OAuth grants, webhooks), in one JSON file: read at
 * start, written whole (to a temporary file, then moved over the old one) after each change and at close. Calls,
 * spaces and meetings are not kept. The file holds the sandbox's tokens and secrets, so only its owner may read it.
 */
final class StateFile {

	private static final Logger log = LoggerFactory.getLogger(StateFile.class);
	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final Path file;
	private final OAuth oauth;
	private final Webhooks webhooks;

	StateFile(Path file, OAuth oauth, Webhooks webhooks) {
		this.file = file.toAbsolutePath();
		this.oauth = oauth;
		this.webhooks = webhooks;
	}

	/** Restores what the file holds (nothing when there is none, or when it cannot be read: the sandbox then starts empty). */
	void load() {
		if (!Files.exists(file)) {
			return;
		}
		try {
			JsonNode state = JSON.readTree(file.toFile());
			oauth.restore(state.path("oauth"));
			webhooks.restore(state.path("webhooks"));
		}
		catch (JacksonException | IllegalArgumentException | java.time.format.DateTimeParseException e) {
			log.warn("The sandbox's state in {} cannot be read ({}); it starts empty", file, e.getMessage());
		}
	}

	synchronized void save() {
		Map<String, Object> state = new LinkedHashMap<>();
		state.put("oauth", oauth.state());
		state.put("webhooks", webhooks.state());
		try {
			Files.createDirectories(file.getParent());
			Path next = file.resolveSibling(file.getFileName() + ".next");
			Files.deleteIfExists(next);
			create(next);
			Files.write(next, JSON.writeValueAsBytes(state));
			Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (IOException e) {
			throw new UncheckedIOException("Could not save the sandbox's state to " + file, e);
		}
	}

	private static void create(Path path) throws IOException {
		try {
			Files.createFile(path, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
		}
		catch (UnsupportedOperationException notPosix) {
			Files.createFile(path);
		}
	}
}
