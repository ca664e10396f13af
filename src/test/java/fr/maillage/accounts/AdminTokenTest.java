package fr.maillage.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class AdminTokenTest {

	@Test
	void usesTheConfiguredToken() {
		AdminToken token = new AdminToken("s3cret", new MockEnvironment());
		assertThat(token.matches("s3cret")).isTrue();
		assertThat(token.matches("s3cre")).isFalse();
		assertThat(token.matches(null)).isFalse();
	}

	@Test
	void hasNoDefaultTokenOutsideTheDevProfile() {
		AdminToken token = new AdminToken("", new MockEnvironment());
		assertThat(token.isEnabled()).isFalse();
		assertThat(token.matches("")).isFalse();
	}

	@Test
	void generatesARandomTokenInTheDevProfile() {
		MockEnvironment dev = new MockEnvironment();
		dev.setActiveProfiles("dev");
		AdminToken first = new AdminToken("", dev);
		AdminToken second = new AdminToken("", dev);
		assertThat(first.isEnabled()).isTrue();
		assertThat(first.value()).isPresent();
		assertThat(first.value()).isNotEqualTo(second.value());
		assertThat(first.value().get()).hasSizeGreaterThanOrEqualTo(32);
	}

}
