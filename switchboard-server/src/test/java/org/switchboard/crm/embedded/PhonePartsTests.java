package org.switchboard.crm.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PhonePartsTests {

	@Test
	void aGroupedNumberIsSearchableFromTheStartOfEachGroupWithAtLeastFourDigits() {
		assertThat(PhoneParts.of("+14155550142")).containsExactly("14155550142", "4155550142", "5550142", "0142");
		assertThat(PhoneParts.of("+442079460958")).containsExactly("442079460958", "2079460958", "79460958", "0958");
		assertThat(PhoneParts.of("+4532123456")).as("the last group has two digits: too short on its own")
			.containsExactly("4532123456", "32123456", "123456", "3456");
	}

	@Test
	void aNumberLibphonenumberCannotGroupKeepsEveryTail() {
		assertThat(PhoneParts.of("+141555501429")).containsExactly("141555501429", "41555501429", "1555501429",
				"555501429", "55501429", "5501429", "501429", "01429", "1429");
	}

	@Test
	void aNumberTooShortForATailHasNone() {
		assertThat(PhoneParts.of("+3311")).containsExactly("3311");
		assertThat(PhoneParts.of("+331")).isEmpty();
	}
}
