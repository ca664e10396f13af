package fr.maillage.opendata.publishing.hsds;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/** The HSDS ids stay those of {@link UUID#nameUUIDFromBytes} (ADR 0028's cheap wins). */
class HsdsRecordsTest {

	@Test
	void nameBasedIdsAreTheJdksVersion3Uuids() {
		for (String name : new String[] { "", "maillage:address:0b1c", "maillage:taxonomy:Services (schéma)",
				"x".repeat(1000) }) {
			byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
			assertThat(HsdsRecords.nameUuid(bytes)).as(name).isEqualTo(UUID.nameUUIDFromBytes(bytes));
		}
		assertThat(HsdsRecords.id("address", "42"))
			.isEqualTo(UUID.nameUUIDFromBytes("maillage:address:42".getBytes(StandardCharsets.UTF_8)).toString());
	}

}
