package org.switchboard.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.switchboard.crm.CrmConnections;

/**
 * The one-time setup code of a fresh install on a remote CRM (ADR 0031): while no org is connected nobody can sign in
 * (the users are the org's), so the server prints a random code in its log at start (or takes the operator's
 * {@code switchboard.setup.code}, which it never prints) and keeps only its SHA-256. Signing in with it gives a
 * session that may only connect the org ({@link SetupSessions}); once an org is connected the code is forgotten for
 * good, and the next start while unconnected makes a new one.
 */
@Component
class SetupCode {

	private static final Logger log = LoggerFactory.getLogger(SetupCode.class);
	/** Crockford's base32: no I, L, O or U to misread. 20 of them are 100 random bits. */
	private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
	static final int MIN_OPERATOR_LENGTH = 16;

	private final CrmConnections connections;
	private final String operatorCode;
	private volatile byte[] hash;

	SetupCode(CrmConnections connections, @Value("${switchboard.setup.code:}") String operatorCode) {
		if (!operatorCode.isBlank() && normalized(operatorCode).length() < MIN_OPERATOR_LENGTH) {
			throw new IllegalStateException("switchboard.setup.code must have at least " + MIN_OPERATOR_LENGTH + " letters or digits");
		}
		this.connections = connections;
		this.operatorCode = operatorCode;
	}

	@EventListener(ApplicationReadyEvent.class)
	void issue() {
		if (!connections.awaitingOrg()) {
			return;
		}
		if (!operatorCode.isBlank()) {
			hash = sha256(operatorCode);
			log.warn("No CRM org is connected yet. Sign in at /login with the setup code from switchboard.setup.code and connect one.");
			return;
		}
		String code = random();
		hash = sha256(code);
		log.warn("No CRM org is connected yet. One-time setup code: {} (sign in at /login with it and connect the org; "
				+ "it stops working once an org is connected, and a restart makes a new one)", code);
	}

	/** True while the code may be used: one was issued and no org has been connected since. */
	boolean open() {
		if (hash != null && !connections.awaitingOrg()) {
			hash = null;
			log.info("A CRM org is connected: the setup code no longer works");
		}
		return hash != null;
	}

	boolean matches(String code) {
		byte[] expected = hash;
		return code != null && expected != null && open() && MessageDigest.isEqual(expected, sha256(code));
	}

	private static String random() {
		SecureRandom random = new SecureRandom();
		StringBuilder code = new StringBuilder();
		for (int i = 0; i < 20; i++) {
			if (i > 0 && i % 4 == 0) {
				code.append('-');
			}
			code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
		}
		return code.toString();
	}

	private static String normalized(String code) {
		return code.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
	}

	private static byte[] sha256(String code) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(normalized(code).getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
