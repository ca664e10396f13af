package fr.maillage.opendata.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import fr.maillage.opendata.schema.SchemaField;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.NumericChars;
import net.jqwik.api.constraints.StringLength;

class PhoneNumbersProperties {

	@Property
	void whateverItAcceptsMatchesTheSchemaPatternAndIsStable(
			@ForAll @NumericChars @StringLength(min = 6, max = 12) String digits) {
		Optional<String> phone = PhoneNumbers.normalise(digits, "75001");
		phone.ifPresent(value -> {
			assertThat(SchemaField.TELEPHONE.pattern().matcher(value).matches()).isTrue();
			assertThat(PhoneNumbers.normalise(value, "75001")).contains(value);
		});
	}

	/** 01, 03, 04, 07, 09: prefixes that no overseas territory shares. */
	@Property
	void aNationalMetropolitanNumberAlwaysBecomesPlus33(@ForAll @NumericChars @StringLength(9) String subscriber) {
		String national = "0" + "13479".charAt(Math.abs(subscriber.hashCode() % 5)) + subscriber.substring(1);
		assertThat(PhoneNumbers.normalise(national, "75001")).contains("+33" + national.substring(1));
	}

}
