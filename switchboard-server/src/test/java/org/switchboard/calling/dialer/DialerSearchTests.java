package org.switchboard.calling.dialer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.mockito.ArgumentCaptor;
import org.switchboard.calling.settings.CallingSettings;
import org.switchboard.calling.settings.PhoneFieldSettings;
import org.switchboard.crm.CrmRecord;
import org.switchboard.crm.CrmRecords;
import org.switchboard.crm.PhoneMatch;
import org.switchboard.platform.settings.SearchSettings;

/** The dialer's type-ahead in front of the CRM port: what it asks the CRM for, and what it never asks. */
class DialerSearchTests {

	private final CrmRecords records = mock(CrmRecords.class);
	private final CallingSettings settings = mock(CallingSettings.class);
	private final DialerSearch dialer = new DialerSearch(records, settings);

	DialerSearchTests() {
		when(settings.search()).thenReturn(SearchSettings.everything());
		when(settings.phoneFields()).thenReturn(new PhoneFieldSettings(Map.of("Contact", List.of("Phone", "MobilePhone"),
				"Lead", List.of("Phone"))));
	}

	@ParameterizedTest
	@NullSource
	@ValueSource(strings = { "", "   ", "555", "5-5-5", "(55) 5", "+1 ()", "---", "+" })
	void answersEmptyTextAndNumbersOfFewerThanFourDigitsWithoutAskingTheCrm(String query) {
		assertThat(dialer.search(query)).isEmpty();
		verifyNoInteractions(records);
	}

	@Test
	void answersTextLongerThanAHundredCharactersWithoutAskingTheCrm() {
		assertThat(dialer.search("a".repeat(101))).isEmpty();
		assertThat(dialer.search("5".repeat(101))).isEmpty();
		verifyNoInteractions(records);
	}

	@Test
	void searchesTheDigitsOfANumberOnceOverContactsThenLeads() {
		when(records.searchPhoneDigits(eq("4155550142"), any(), eq(DialerSearch.LIMIT)))
			.thenReturn(List.of(new PhoneMatch(record("Contact", 1, "+1 415 555 0142"), "Phone")));

		assertThat(dialer.search(" (415) 555-0142 ")).extracting(DialerSearch.Result::phone).containsExactly("+1 415 555 0142");
		@SuppressWarnings("unchecked")
		ArgumentCaptor<Map<String, Set<String>>> fields = ArgumentCaptor.forClass(Map.class);
		verify(records).searchPhoneDigits(eq("4155550142"), fields.capture(), eq(DialerSearch.LIMIT));
		assertThat(fields.getValue().keySet()).containsExactly("Contact", "Lead");
		assertThat(fields.getValue().get("Contact")).containsExactly("Phone", "MobilePhone");
		verify(records, never()).find(anyString(), anyString(), anyInt());
	}

	@Test
	void searchesTextWithLettersOrSymbolsByNameNotByDigits() {
		when(records.find(anyString(), anyString(), anyInt())).thenReturn(List.of());

		dialer.search("smith 4155");
		dialer.search("0142#");

		verify(records, never()).searchPhoneDigits(anyString(), any(), anyInt());
	}

	@Test
	void asksNoLeadsOnceTheContactsFillTheTenResults() {
		when(records.find("Contact", "mar", DialerSearch.LIMIT)).thenReturn(records("Contact", DialerSearch.LIMIT));

		assertThat(dialer.search("mar")).hasSize(DialerSearch.LIMIT).extracting(DialerSearch.Result::object).containsOnly("Contact");
		verify(records, never()).find(eq("Lead"), any(), anyInt());
	}

	@Test
	void fillsTheResultsLeftByTheContactsWithLeads() {
		when(records.find("Contact", "mar", DialerSearch.LIMIT)).thenReturn(records("Contact", 3));
		when(records.find("Lead", "mar", DialerSearch.LIMIT)).thenReturn(records("Lead", DialerSearch.LIMIT));

		assertThat(dialer.search("mar")).extracting(DialerSearch.Result::object)
			.containsExactly("Contact", "Contact", "Contact", "Lead", "Lead", "Lead", "Lead", "Lead", "Lead", "Lead");
	}

	private static List<CrmRecord> records(String object, int count) {
		return IntStream.range(0, count).mapToObj(i -> record(object, i, "+1 415 555 01" + (10 + i))).toList();
	}

	private static CrmRecord record(String object, int n, String phone) {
		return new CrmRecord(object + n, object, object + " " + n, Map.of("Phone", phone));
	}
}
