package org.switchboard.platform.storage;

import java.sql.Connection;
import java.time.Duration;

import org.h2.jdbcx.JdbcDataSource;

/**
 * Child process of {@link H2HousekeepingTests}: commits random-key rows with housekeeping running every 20 ms and
 * prints each committed key, until it is killed.
 */
final class H2HousekeepingKillProbe {

	private H2HousekeepingKillProbe() {
	}

	public static void main(String[] args) throws Exception {
		JdbcDataSource source = new JdbcDataSource();
		source.setURL("jdbc:h2:file:" + args[0] + H2HousekeepingTests.SETTINGS);
		try (Connection c = source.getConnection()) {
			H2HousekeepingTests.createTable(c);
			new H2Housekeeping(source, Duration.ofMillis(20)).start();
			while (true) {
				H2HousekeepingTests.insert(c, 20, key -> System.out.println("committed " + key));
				System.out.flush();
			}
		}
	}
}
