package fr.maillage.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import fr.maillage.accounts.persistence.JdbcAccountRepository;
import fr.maillage.accounts.persistence.JdbcAccountRepository.Credentials;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Signing in costs one password comparison whatever the address (issue 14): the time of
 * the answer does not tell whether an account exists. Counted, not timed.
 */
class AccountsTest {

	private final PasswordEncoder bcrypt = PasswordEncoderFactories.createDelegatingPasswordEncoder();

	private final AtomicInteger comparisons = new AtomicInteger();

	private final PasswordEncoder counting = new PasswordEncoder() {

		@Override
		public String encode(CharSequence raw) {
			return bcrypt.encode(raw);
		}

		@Override
		public boolean matches(CharSequence raw, String encoded) {
			comparisons.incrementAndGet();
			return bcrypt.matches(raw, encoded);
		}

	};

	private final JdbcAccountRepository repository = mock(JdbcAccountRepository.class);

	private final Accounts accounts = new Accounts(repository, counting, mock(Mailer.class), Clock.systemUTC());

	private Credentials credentials(boolean active, String password) {
		Account account = new Account("00000000-0000-0000-0000-000000000001", "membre@asso.fr", "Camille", Role.MEMBRE,
				List.of(), active, password != null);
		return new Credentials(account, password == null ? null : bcrypt.encode(password));
	}

	private void refused(String email, String password) {
		comparisons.set(0);
		assertThatThrownBy(() -> accounts.signIn(email, password)).isInstanceOf(Accounts.SignInRefusedException.class)
			.hasMessage("Adresse électronique ou mot de passe incorrect.");
		assertThat(comparisons).as("password comparisons for " + email).hasValue(1);
	}

	@Test
	void anUnknownAddressCostsOneComparisonLikeAKnownOne() {
		when(repository.listFailuresSince(anyString(), any())).thenReturn(List.of());
		when(repository.findCredentials("personne@nulle-part.fr")).thenReturn(Optional.empty());
		when(repository.findCredentials("membre@asso.fr"))
			.thenReturn(Optional.of(credentials(true, "correct horse battery")));

		refused("personne@nulle-part.fr", "correct horse battery");
		refused("membre@asso.fr", "mauvais mot de passe");
		comparisons.set(0);
		assertThat(accounts.signIn("Membre@Asso.fr", "correct horse battery").email()).isEqualTo("membre@asso.fr");
		assertThat(comparisons).hasValue(1);
	}

	@Test
	void anInactiveAccountOrOneWithoutPasswordCostsOneComparisonToo() {
		when(repository.listFailuresSince(anyString(), any())).thenReturn(List.of());
		when(repository.findCredentials("membre@asso.fr"))
			.thenReturn(Optional.of(credentials(false, "correct horse battery")));
		// the right password of an inactive account does not open it
		refused("membre@asso.fr", "correct horse battery");
		when(repository.findCredentials("membre@asso.fr")).thenReturn(Optional.of(credentials(true, null)));
		refused("membre@asso.fr", "");
	}

}
