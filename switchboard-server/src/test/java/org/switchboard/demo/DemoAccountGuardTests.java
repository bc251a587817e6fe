package org.switchboard.demo;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.switchboard.crm.CrmConnections;
import org.switchboard.crm.CrmRecord;
import org.switchboard.crm.CrmRecords;

/** Under prod, demo accounts are looked for only in a connected org: an unconnected one has no users to read (ADR 0031). */
class DemoAccountGuardTests {

	private final CrmRecords records = mock(CrmRecords.class);
	private final CrmConnections connections = mock(CrmConnections.class);

	@Test
	void anUnconnectedOrgIsNotReadAndTheStartGoesOn() {
		when(connections.awaitingOrg()).thenReturn(true);
		new DemoAccountGuard(records, connections, false).run(null);
		verifyNoInteractions(records);
	}

	@Test
	void aConnectedOrgWithADemoAccountStillStopsTheStart() {
		when(connections.awaitingOrg()).thenReturn(false);
		when(records.findByField(any(), any(), any())).thenReturn(List.of(new CrmRecord("005000000000001", "User", "Ada Admin", Map.of())));
		assertThatThrownBy(() -> new DemoAccountGuard(records, connections, false).run(null)).hasMessageContaining("demo account(s)");
	}

	@Test
	void seedingDemoDataUnderProdIsRefusedEvenUnconnected() {
		when(connections.awaitingOrg()).thenReturn(true);
		assertThatThrownBy(() -> new DemoAccountGuard(records, connections, true).run(null)).hasMessageContaining("switchboard.demo.enabled=true");
	}
}
