package org.switchboard.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.Test;

class OptionsTests {

	@Test
	void readsWholeNumbersWithUnderscoresAndFallsBackWhenAbsent() {
		Options options = Options.parse(new String[] { "--records=1_000_000", "--rate=50", "stray", "--no-value" });

		assertThat(options.integer("records", 1)).isEqualTo(1_000_000);
		assertThat(options.integer("rate", 1)).isEqualTo(50);
		assertThat(options.integer("seconds", 30)).isEqualTo(30);
	}

	@Test
	void aValueThatIsNotAWholeNumberFailsNamingTheOption() {
		Options options = Options.parse(new String[] { "--records=lots" });

		assertThatIllegalArgumentException().isThrownBy(() -> options.integer("records", 1))
			.withMessage("--records must be a whole number, not \"lots\"");
	}

	@Test
	void durationsTakePlainNumbersInTheGivenUnitSuffixesOrIso() {
		Options options = Options.parse(new String[] { "--seconds=20", "--latency=150", "--warm=500ms", "--long=2m", "--iso=PT1.5S" });

		assertThat(options.duration("seconds", ChronoUnit.SECONDS, Duration.ZERO)).isEqualTo(Duration.ofSeconds(20));
		assertThat(options.duration("latency", ChronoUnit.MILLIS, Duration.ZERO)).isEqualTo(Duration.ofMillis(150));
		assertThat(options.duration("warm", ChronoUnit.SECONDS, Duration.ZERO)).isEqualTo(Duration.ofMillis(500));
		assertThat(options.duration("long", ChronoUnit.SECONDS, Duration.ZERO)).isEqualTo(Duration.ofMinutes(2));
		assertThat(options.duration("iso", ChronoUnit.SECONDS, Duration.ZERO)).isEqualTo(Duration.ofMillis(1500));
		assertThat(options.duration("absent", ChronoUnit.SECONDS, Duration.ofSeconds(7))).isEqualTo(Duration.ofSeconds(7));
	}

	@Test
	void aMalformedDurationFailsNamingTheOption() {
		Options options = Options.parse(new String[] { "--seconds=soon" });

		assertThatIllegalArgumentException().isThrownBy(() -> options.duration("seconds", ChronoUnit.SECONDS, Duration.ZERO))
			.withMessageStartingWith("--seconds must be a duration");
	}

	@Test
	void flagsAndDatabasesAreCheckedToo() {
		Options options = Options.parse(new String[] { "--restart=yes", "--db=mysql" });

		assertThatIllegalArgumentException().isThrownBy(() -> options.flag("restart", true))
			.withMessage("--restart must be true or false, not \"yes\"");
		assertThatIllegalArgumentException().isThrownBy(options::databases).withMessage("--db must be h2, postgres or both, not \"mysql\"");
		assertThat(Options.parse(new String[0]).databases()).containsExactly("h2", "postgres");
		assertThat(Options.parse(new String[] { "--db=h2" }).databases()).containsExactly("h2");
	}

	@Test
	void wordsSplitAtSpacesKeepTheirOwnEqualsSignsAndAreEmptyWhenAbsentOrBlank() {
		Options options = Options.parse(new String[] { "--server-jvm= -XX:TieredStopAtLevel=1  -Xss512k", "--blank= " });

		assertThat(options.words("server-jvm")).containsExactly("-XX:TieredStopAtLevel=1", "-Xss512k");
		assertThat(options.words("blank")).isEmpty();
		assertThat(options.words("absent")).isEmpty();
	}
}
