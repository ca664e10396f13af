package fr.maillage.coordination.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import fr.maillage.coordination.domain.ActorEntry;
import fr.maillage.coordination.domain.ActorType;
import fr.maillage.coordination.domain.Competence;
import fr.maillage.coordination.domain.ConsentPurpose;
import org.junit.jupiter.api.Test;

class ActorsCsvTest {

	@Test
	void anExportedCellASpreadsheetWouldRunIsDefusedAndAPhoneNumberIsNot() {
		ActorsCsv.Row row = new ActorsCsv.Row("=HYPERLINK(\"http://exemple.invalid\";\"Cliquez\")", null,
				ActorType.ASSOCIATION, "69", null, Set.of(Competence.values()[0]),
				new ActorEntry.Referent("@Camille", "camille@exemple.fr", "+33180059880"),
				Set.of(ConsentPurpose.PUBLICATION));

		List<Map<String, String>> read = new ArrayList<>();
		ActorsCsv.read(ActorsCsv.write(List.of(row)), (line, fields) -> read.add(fields));

		assertThat(read).hasSize(1);
		assertThat(read.get(0).get("nom")).isEqualTo("'=HYPERLINK(\"http://exemple.invalid\";\"Cliquez\")");
		assertThat(read.get(0).get("referent_nom")).isEqualTo("'@Camille");
		assertThat(read.get(0).get("referent_telephone")).isEqualTo("+33180059880");
		assertThat(read.get(0).get("referent_courriel")).isEqualTo("camille@exemple.fr");
	}

	@Test
	void aCellStartingWithATabIsDefusedToo() {
		ActorsCsv.Row row = new ActorsCsv.Row("\t=1+1", null, ActorType.MAIRIE, "69", null, Set.of(), null, Set.of());

		List<Map<String, String>> read = new ArrayList<>();
		ActorsCsv.read(ActorsCsv.write(List.of(row)), (line, fields) -> read.add(fields));

		// the reader trims cells: what matters is the apostrophe written first
		assertThat(read.get(0).get("nom")).startsWith("'");
	}

}
