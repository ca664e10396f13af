package fr.maillage.orientations.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What the form refuses of the person's data, as a table. */
class PersonDataTest {

	@ParameterizedTest(name = "{0}/{1}/{2}/{3} → {4}")
	@CsvSource(delimiter = '|', nullValues = "-", textBlock = """
			# first name | phone          | e-mail         | need                  | fields refused
			Zoé          | -              | -              | Remplir sa déclaration | -
			Zoé          | 06 12 34 56 78 | zoe@exemple.fr | Créer une adresse     | -
			Zoé          | +33 6 12 34 56 78 | ' '         | Créer une adresse     | -
			' '          | -              | -              | Créer une adresse     | prenom
			Zoé          | -              | -              | ' '                   | besoin
			Zoé          | appelez-moi    | -              | Créer une adresse     | telephone
			Zoé          | -              | zoe            | Créer une adresse     | courriel
			-            | abc            | a@b            | -                     | prenom besoin telephone courriel
			""")
	void theFormRefusesWhatCannotBeSent(String firstName, String phone, String email, String need, String refused) {
		PersonData data = PersonData.of(firstName, phone, email, need);
		assertThat(data.problems().keySet())
			.containsExactlyElementsOf(refused == null ? java.util.List.of() : java.util.List.of(refused.split(" ")));
		assertThat(data.problems().values()).allSatisfy(message -> assertThat(message).endsWith("."));
	}

}
