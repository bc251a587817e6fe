package dev.switchboard.sandbox;

import java.util.List;

import dev.switchboard.sandbox.people.Person;

/** A started sandbox: where it listens and whom it knows. Close it to stop it. */
public final class RunningSandbox implements AutoCloseable {

	private final String baseUrl;
	private final List<Person> people;
	private final Runnable stopper;

	RunningSandbox(String baseUrl, List<Person> people, Runnable stopper) {
		this.baseUrl = baseUrl;
		this.people = people;
		this.stopper = stopper;
	}

	/** e.g. {@code http://localhost:8090}; the Webex API is under {@code /v1}. */
	public String baseUrl() {
		return baseUrl;
	}

	public List<Person> people() {
		return people;
	}

	@Override
	public void close() {
		stopper.run();
	}
}
