package org.switchboard.platform.web;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/** The one answer to "did this fail because the database cannot be reached?", for the error handler and the outer filter. */
public final class DatabaseGone {

	private DatabaseGone() {
	}

	public static boolean causedBy(Throwable e) {
		for (Throwable t = e; t != null; t = t.getCause()) {
			if (t instanceof CannotGetJdbcConnectionException || t instanceof DataAccessResourceFailureException
					|| t instanceof CannotCreateTransactionException || t instanceof SQLTransientConnectionException
					|| (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08"))) {
				return true; // SQLSTATE class 08: connection exception
			}
			if (t instanceof TransactionSystemException failed && failed.getApplicationException() != null
					&& causedBy(failed.getApplicationException())) {
				return true; // the rollback failed too, after the database went away
			}
		}
		return false;
	}

	/** The page a browser gets meanwhile (no inline script or style). */
	static String page() {
		return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>503 Temporarily unavailable</title>"
				+ "<link rel=\"stylesheet\" href=\"/css/switchboard.css\"></head><body class=\"error-page\"><main>"
				+ "<h1>Temporarily unavailable</h1><p>Switchboard cannot reach its database right now; try again shortly.</p>"
				+ "<p><a href=\"/login\">Sign in</a></p></main></body></html>";
	}
}
