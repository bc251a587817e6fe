package org.switchboard.platform.web;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noConstructors;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.server.ResponseStatusException;
import org.switchboard.platform.errors.ProblemException;
import org.switchboard.platform.errors.Refusal;

/**
 * ADR 0025: services raise a domain {@link Refusal}; the web edge alone chooses the HTTP status, from one table.
 */
class RefusalStatusTests {

	private static final JavaClasses PRODUCT = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("org.switchboard");

	@Test
	void eachRefusalHasTheStatusTheApiAlwaysAnsweredWith() {
		Map<Refusal, Integer> expected = new EnumMap<>(Refusal.class);
		expected.put(Refusal.INVALID, 400);
		expected.put(Refusal.NOT_AUTHENTICATED, 401);
		expected.put(Refusal.NOT_PERMITTED, 403);
		expected.put(Refusal.NOT_FOUND, 404);
		expected.put(Refusal.CONFLICT, 409);
		expected.put(Refusal.STALE, 412);
		expected.put(Refusal.TOO_LARGE, 413);
		expected.put(Refusal.UPSTREAM_FAILED, 502);
		expected.put(Refusal.UNAVAILABLE, 503);

		assertThat(expected.keySet()).as("every refusal has a row").containsExactlyInAnyOrder(Refusal.values());
		expected.forEach((refusal, status) -> assertThat(RefusalStatus.of(refusal)).as(refusal.name()).isEqualTo(status));
	}

	@Test
	void problemExceptionsCarryNoHttpStatus() {
		noFields().that().areDeclaredInClassesThat().areAssignableTo(ProblemException.class)
			.should().haveName("status")
			.because("a refusal names its domain category; the web edge picks the status (ADR 0025)")
			.check(PRODUCT);
		noMethods().that().areDeclaredInClassesThat().areAssignableTo(ProblemException.class)
			.should().haveName("status")
			.check(PRODUCT);
		noConstructors().that().areDeclaredInClassesThat().areAssignableTo(ProblemException.class)
			.should(takeAnInt())
			.check(PRODUCT);
	}

	/** The answers we give; the Webex client reads the statuses of the answers it gets, which is its job. */
	@Test
	void onlyTheWebEdgeSpeaksInHttpStatuses() {
		noClasses().that().resideOutsideOfPackages("org.switchboard.platform.web..", "org.switchboard.webex.client..")
			.and().areNotMetaAnnotatedWith(Controller.class)
			.and().areNotMetaAnnotatedWith(ControllerAdvice.class)
			.should().dependOnClassesThat().belongToAnyOf(HttpStatus.class, HttpStatusCode.class,
					ResponseStatusException.class, ResponseStatus.class)
			.because("services raise a Refusal; controllers and the edge choose statuses (ADR 0025)")
			.check(PRODUCT);
	}

	private static ArchCondition<JavaCodeUnit> takeAnInt() {
		return new ArchCondition<>("take an int (an HTTP status)") {
			@Override
			public void check(JavaCodeUnit constructor, ConditionEvents events) {
				boolean takesInt = constructor.getRawParameterTypes().stream()
					.anyMatch(t -> Arrays.asList("int", "java.lang.Integer").contains(t.getName()));
				events.add(new SimpleConditionEvent(constructor, takesInt, constructor.getFullName()));
			}
		};
	}
}
