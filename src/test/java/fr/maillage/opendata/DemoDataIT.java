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
		assertThat(directory.countPlaces()).isEqualTo(687);

		demoData.run(new DefaultApplicationArguments());

		assertThat(directory.countPlaces()).isEqualTo(687);
	}

}
