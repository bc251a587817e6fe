package org.switchboard.crm;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PhoneNormalizerTests {

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			(415) 555-0100      | US | +14155550100
			415.555.0101 x12    | US | +14155550101
			+1 415 555 0102     | DK | +14155550102
			1-415-555-0103      | US | +14155550103
			011 44 20 7946 0958 | US | +442079460958
			+44 20 7946 0958    | US | +442079460958
			0049 30 1234567     | US | +49301234567
			020 7946 0958       | GB | +442079460958
			32 12 34 56         | DK | +4532123456
			03-1234-5678        | JP | +81312345678
			""")
	void normalisesRealWorldFormatsToE164(String typed, String region, String e164) {
		assertThat(PhoneNormalizer.toE164(typed, region)).contains(e164);
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "   ", "n/a", "call reception", "12", "++++" })
	void findsNoNumberInText(String typed) {
		assertThat(PhoneNormalizer.toE164(typed, "US")).isEmpty();
		assertThat(PhoneNormalizer.normalize(typed, "US")).isEmpty();
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			(415) 555-0100      | US | +14155550100
			415.555.0101 x12    | US | +14155550101
			1-415-555-0103      | US | +14155550103
			011 44 20 7946 0958 | US | +442079460958
			020 7946 0958       | GB | +442079460958
			0049 30 1234567     | US | +49301234567
			+45 32 12 34 56     | US | +4532123456
			+39 06 1234 5678    | US | +390612345678
			03-1234-5678        | JP | +81312345678
			+1 415 555 01429    | US | +141555501429
			""")
	void normalisesANumberAndItsGroupsInOneParseAsTheGroupsOfItsE164(String typed, String region, String e164) {
		PhoneNormalizer.Normalized phone = PhoneNormalizer.normalize(typed, region).orElseThrow();
		assertThat(phone.e164()).isEqualTo(e164);
		assertThat(phone.digitGroups()).isEqualTo(PhoneNormalizer.digitGroups(e164));
	}

	@ParameterizedTest
	@ValueSource(strings = { "(415) 555-0100", "415 555 0100 ext. 9", "+1 415-555-0100" })
	void doesNotRequireANumberToBeAssigned(String fictional) {
		assertThat(PhoneNormalizer.toE164(fictional, "US")).contains("+14155550100");
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			+14155550142   | 1 415 555 0142
			+442079460958  | 44 20 7946 0958
			+49301234567   | 49 30 1234567
			+4532123456    | 45 32 12 34 56
			+390612345678  | 39 06 1234 5678
			+141555501429  | 1 41555501429
			""")
	void splitsANumberIntoTheGroupsOfItsInternationalFormat(String e164, String groups) {
		assertThat(PhoneNormalizer.digitGroups(e164)).containsExactly(groups.split(" "));
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "not a number" })
	void keepsTextThatIsNoNumberAsOneGroup(String text) {
		assertThat(PhoneNormalizer.digitGroups(text)).hasSize(1);
	}
}
