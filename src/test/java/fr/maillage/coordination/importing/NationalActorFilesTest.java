package fr.maillage.coordination.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import fr.maillage.coordination.domain.ActorType;
import fr.maillage.shared.importing.ImportIssue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NationalActorFilesTest {

	private static final NationalActorFiles.Communes COMMUNES = new NationalActorFiles.Communes() {

		@Override
		public Optional<NationalActorFiles.Place> findByInsee(String codeInsee) {
			return switch (codeInsee) {
				case "69266" -> Optional.of(new NationalActorFiles.Place("69M", "200046977"));
				case "16015" -> Optional.of(new NationalActorFiles.Place("16", "200071827"));
				default -> Optional.empty();
			};
		}

		@Override
		public Optional<NationalActorFiles.Place> findByPostcode(String postcode) {
			return postcode.equals("16000") ? Optional.of(new NationalActorFiles.Place("16", null)) : Optional.empty();
		}

	};

	@ParameterizedTest(name = "{0} ({1}, label {2}) → {3}")
	@CsvSource(delimiter = '|', nullValues = "-", textBlock = """
			Maison France Services de Vars       | 21160393100018 | true  | FRANCE_SERVICES
			CCAS ANGOULEME                       | 26160011800010 | false | CCAS
			Mairie de CHATEAUBERNARD             | 21160089500018 | false | MAIRIE
			COMMUNE DE CELLETTES                 | 21160069700018 | false | MAIRIE
			Grand Cognac                         | 20007051400019 | false | EPCI
			Communauté de Communes Val de Charente | -            | false | EPCI
			Bibliothèque de Balzac               | 21160026700010 | false | MEDIATHEQUE
			TAS Sud Charente                     | 22160001800016 | false | DEPARTEMENT
			KALEIDOSCOPE                         | 34365076800041 | false | AUTRE
			Association Régie Urbaine            | 40262787100054 | false | ASSOCIATION
			""")
	void theTypeComesFromTheLabelTheNameThenThePublicBodysNumbering(String name, String siret, boolean label,
			ActorType expected) {
		assertThat(NationalActorFiles.type(name, siret, label)).isEqualTo(expected);
	}

	@Test
	void aSpreadsheetsNumberIsReadBackAsASiretAndZeroAsNone() {
		assertThat(NationalActorFiles.siret("21160393100018.0")).isEqualTo("21160393100018");
		assertThat(NationalActorFiles.siret("0.0")).isNull();
		assertThat(NationalActorFiles.siret("")).isNull();
		assertThat(NationalActorFiles.siret("356000000.0")).isEqualTo("356000000");
	}

	@Test
	void eachRowIsMappedOrRejectedWithItsPhysicalLineAndTheFilesColumn() {
		String file = """
				Name,ID,UUID,Is Active,City Insee Code,Address,Zip Code,Siret,France Services Label,City
				CCAS ANGOULEME,1,u1,true,16015,"1 place
				16000 Angoulême",16000,26160011800010.0,false,Angoulême
				CTAS bis,2,u2,true,16015,x,16000,26160011800010.0,false,Angoulême
				Ancienne,3,u3,false,16015,x,16000,0.0,false,Angoulême
				Sans commune,4,u4,true,,x,16000,0.0,false,Angoulême
				Nulle part,5,u5,true,,x,,0.0,false,
				Villeurbanne,6,u6,true,69266,x,69100,21690266800013.0,false,Villeurbanne
				""";
		assertThat(NationalActorFiles.detect(file)).contains(NationalActorFiles.Kind.AIDANTS_CONNECT);
		List<String> accepted = new ArrayList<>();
		List<ImportIssue> rejected = new ArrayList<>();
		List<String> rejectedWhere = new ArrayList<>();

		NationalActorFiles.read(file, NationalActorFiles.Kind.AIDANTS_CONNECT, COMMUNES, new NationalActorFiles.Rows() {

			@Override
			public void accept(long line, Map<String, String> fields) {
				accepted.add(line + " " + fields);
			}

			@Override
			public void reject(ImportIssue issue, String departement) {
				rejected.add(issue);
				rejectedWhere.add(String.valueOf(departement));
			}

		});

		assertThat(accepted).containsExactly(
				"2 {nom=CCAS ANGOULEME, siret=26160011800010, type=ccas, departement=16, epci=200071827, "
						+ "competences=accompagnement_demarches}",
				"6 {nom=Sans commune, type=autre, departement=16, competences=accompagnement_demarches}",
				"8 {nom=Villeurbanne, siret=21690266800013, type=mairie, departement=69M, epci=200046977, "
						+ "competences=accompagnement_demarches}");
		assertThat(rejected).extracting(ImportIssue::ligne, ImportIssue::champ, ImportIssue::valeur)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(4L, "Siret", "26160011800010"),
					org.assertj.core.groups.Tuple.tuple(5L, "Is Active", "false"),
					org.assertj.core.groups.Tuple.tuple(7L, "Zip Code", ""));
		assertThat(rejected.get(0).message()).startsWith("Même SIRET que la ligne 2");
		assertThat(rejected.get(2).message())
			.isEqualTo("Ni code INSEE ni code postal : le territoire de la structure est inconnu.");
		assertThat(rejectedWhere).containsExactly("16", "16", "null");
	}

}
