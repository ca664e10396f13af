package fr.maillage.places.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FrenchNumbersTest {

	@Test
	void groupsThousandsWithANarrowSpaceThatNeverBreaks() {
		assertThat(FrenchNumbers.format(1914)).isEqualTo("1\u202F914");
		assertThat(FrenchNumbers.format(36)).isEqualTo("36");
		assertThat(FrenchNumbers.format(1_234_567)).isEqualTo("1\u202F234\u202F567");
		assertThat(FrenchNumbers.format(-1000)).isEqualTo("-1\u202F000");
	}

	@Test
	void writesDistancesWithADecimalCommaAndTheUnitKeptOnTheSameLine() {
		assertThat(FrenchNumbers.kilometres(5)).isEqualTo("5,0\u00A0km");
		assertThat(FrenchNumbers.kilometres(0.74)).isEqualTo("750\u00A0m");
		assertThat(FrenchNumbers.kilometres(392.4)).isEqualTo("392\u00A0km");
		assertThat(FrenchNumbers.kilometres(1250.2)).isEqualTo("1\u202F250\u00A0km");
	}

	@Test
	void aMangledPageNumberOpensTheFirstPage() {
		assertThat(form("3").pageNumber()).isEqualTo(3);
		assertThat(form("deux").pageNumber()).isEqualTo(1);
		assertThat(form("-2").pageNumber()).isEqualTo(1);
		assertThat(form("0").pageNumber()).isEqualTo(1);
		assertThat(form(null).pageNumber()).isEqualTo(1);
		assertThat(form("99999999999").pageNumber()).isEqualTo(1);
	}

	private static SearchForm form(String page) {
		return new SearchForm("Lyon", null, null, null, null, null, null, null, null, null, null, null, page);
	}

}
