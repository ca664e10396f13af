package fr.maillage.opendata;

import static org.assertj.core.api.Assertions.assertThat;

import fr.maillage.places.PlaceDirectory;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** A newcomer's first start: the real Hinaura directory is there, and only once. */
@SpringBootTest(properties = "maillage.demo.enabled=true")
@ActiveProfiles("test")
class DemoDataIT {

	@Autowired
	PlaceDirectory directory;

	@Autowired
	DemoData demoData;

	@Test
	void loadsTheRealHinauraPlacesOnFirstStartOnly() throws Exception {
		// 687 records, 13 of which are another record of the same place
		assertThat(directory.countPlaces()).isEqualTo(674);

		demoData.run(new DefaultApplicationArguments());

		assertThat(directory.countPlaces()).isEqualTo(674);
	}

}
