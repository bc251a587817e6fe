package dev.switchboard.salesforce.pubsub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.junit.jupiter.api.Test;

class FieldBitmapTests {

	private static final Schema NAME = SchemaBuilder.record("Switchable_PersonName").fields().optionalString("Salutation")
		.optionalString("FirstName").optionalString("LastName").endRecord();

	private static final Schema EVENT = SchemaBuilder.record("ContactChangeEvent").namespace("com.sforce.eventbus").fields()
		.name("ChangeEventHeader").type(ChangeEventSchemas.HEADER).noDefault()
		.optionalString("Email").optionalString("Phone").optionalString("Title")
		.name("Name").type().optional().type(NAME)
		.endRecord();

	@Test
	void aTopLevelBitmapMarksFieldPositionsAndANestedOneTheFieldsOfACompoundField() {
		// bits 1 and 3: Email and Title; "4-0x04": bit 2 of the Name record, LastName
		assertThat(FieldBitmap.decode(EVENT, List.of("0x0A", "4-0x04"))).containsExactly("Email", "Title", "Name.LastName");
		assertThat(FieldBitmap.decode(EVENT, List.of("LastModifiedDate"))).containsExactly("LastModifiedDate");
		assertThat(FieldBitmap.decode(EVENT, List.of())).isEmpty();
	}

	@Test
	void encodingRoundTripsBeyondSixtyFourFields() {
		SchemaBuilder.FieldAssembler<Schema> fields = SchemaBuilder.record("Wide__ChangeEvent").fields().name("ChangeEventHeader")
			.type(ChangeEventSchemas.HEADER).noDefault();
		for (int i = 1; i < 80; i++) {
			fields = fields.optionalString("Field" + i + "__c");
		}
		Schema wide = fields.endRecord();
		List<Integer> positions = new ArrayList<>(List.of(1, 7, 64, 79));

		List<String> bitmap = FieldBitmap.encode(positions);

		assertThat(bitmap).singleElement().asString().startsWith("0x").matches(s -> (s.length() - 2) % 2 == 0, "an even number of hex digits");
		assertThat(FieldBitmap.decode(wide, bitmap)).containsExactly("Field1__c", "Field7__c", "Field64__c", "Field79__c");
		assertThat(FieldBitmap.encode(List.of())).isEmpty();
	}

	@Test
	void aBitmapBeyondTheSchemaIsRefused() {
		assertThatThrownBy(() -> FieldBitmap.decode(EVENT, List.of("0x100"))).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("not written with this schema");
	}
}
