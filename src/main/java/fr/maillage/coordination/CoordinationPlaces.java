package fr.maillage.coordination;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import fr.maillage.accounts.AccountPrincipal;
import fr.maillage.accounts.Role;
import fr.maillage.coordination.domain.ActorManagementPolicy;
import fr.maillage.coordination.domain.ResourceRules;
import fr.maillage.coordination.persistence.JdbcActorRepository;
import fr.maillage.coordination.persistence.StoredActor;
import fr.maillage.contributions.Structures;
import fr.maillage.shared.web.BadRequestException;
import fr.maillage.territories.Territories;
import fr.maillage.territories.TerritoryLevel;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * What the charter, the governance bodies and the resources share: the territory a
 * request names (a département, 69D, 69M, or an EPCI's SIREN), the actors a form may
 * choose by name, and the structure(s) of a member's account.
 */
@Component
class CoordinationPlaces {

	private final Territories territories;

	private final JdbcActorRepository actors;

	private final Structures structures;

	CoordinationPlaces(Territories territories, JdbcActorRepository actors, Structures structures) {
		this.territories = territories;
		this.actors = actors;
		this.structures = structures;
	}

	/** A territory a page or a query names. */
	record Territory(String code, String name, boolean epci, List<String> departements) {
	}

	/**
	 * @param code a département (69 also covers 69D and 69M), 69D, 69M, or an EPCI's
	 * SIREN
	 * @throws BadRequestException territoire_inconnu, in French
	 */
	Territory resolve(String code) {
		String wanted = code.strip().toUpperCase(Locale.ROOT).replace(" ", "");
		Map<String, String> departements = territories.mapNames(TerritoryLevel.DEPARTEMENT);
		for (Map.Entry<String, String> departement : departements.entrySet()) {
			if (departement.getKey().equalsIgnoreCase(wanted)) {
				String found = departement.getKey().toUpperCase(Locale.ROOT);
				// « 69 » is the whole Rhône, 69D and 69M each their own collectivité
				return new Territory(found, departement.getValue(), false,
						found.equals("69") ? family(found) : List.of(found));
			}
		}
		if (wanted.matches("\\d{9}")) {
			String name = territories.mapNames(TerritoryLevel.EPCI).get(wanted);
			if (name != null) {
				Set<String> within = new LinkedHashSet<>();
				for (String commune : territories.listCommuneCodes(TerritoryLevel.EPCI, wanted)) {
					territories.findCommune(commune).ifPresent(ref -> {
						within.add(ref.departement().toUpperCase(Locale.ROOT));
						if (ref.collectivite() != null) {
							within.add(ref.collectivite().toUpperCase(Locale.ROOT));
						}
					});
				}
				return new Territory(wanted, name, true, List.copyOf(within));
			}
		}
		throw new BadRequestException("territoire_inconnu", "Territoire inconnu : « " + code.strip()
				+ " ». Indiquez un code de département (par exemple 69, 69M ou 2A) ou le SIREN d'une intercommunalité.");
	}

	Optional<Territory> find(String code) {
		try {
			return Optional.of(resolve(code));
		}
		catch (BadRequestException unknown) {
			return Optional.empty();
		}
	}

	/** « 69 », 69D and 69M are one family: the Rhône and its two collectivités. */
	static List<String> family(String departement) {
		String code = departement.toUpperCase(Locale.ROOT);
		return code.equals("69") || code.equals("69D") || code.equals("69M") ? List.of("69", "69D", "69M")
				: List.of(code);
	}

	Set<String> departements() {
		return territories.mapNames(TerritoryLevel.DEPARTEMENT)
			.keySet()
			.stream()
			.map(code -> code.toUpperCase(Locale.ROOT))
			.collect(Collectors.toSet());
	}

	/** Départements (and 69D, 69M) code → « name (code) », by code. */
	Map<String, String> departementNames() {
		Map<String, String> names = new java.util.TreeMap<>();
		territories.mapNames(TerritoryLevel.DEPARTEMENT)
			.forEach((code, name) -> names.put(code.toUpperCase(Locale.ROOT), name + " (" + code + ")"));
		return names;
	}

	/** Those an account manages. */
	Map<String, String> managedDepartements(AccountPrincipal account) {
		Map<String, String> managed = new java.util.TreeMap<>();
		departementNames().forEach((code, name) -> {
			if (ActorManagementPolicy.mayManage(account, code, null)) {
				managed.put(code, name);
			}
		});
		return managed;
	}

	@Nullable String epciName(@Nullable String siren) {
		return siren == null ? null : territories.mapNames(TerritoryLevel.EPCI).get(siren);
	}

	ResourceRules.Places places() {
		Set<String> departements = departements();
		Map<String, String> epcis = territories.mapNames(TerritoryLevel.EPCI);
		return new ResourceRules.Places() {

			@Override
			public Set<String> departements() {
				return departements;
			}

			@Override
			public boolean isEpci(String siren) {
				return epcis.containsKey(siren);
			}

			@Override
			public boolean isCommune(String codeInsee) {
				return territories.findCommune(codeInsee).isPresent();
			}

		};
	}

	boolean isEpci(String siren) {
		return territories.mapNames(TerritoryLevel.EPCI).containsKey(siren);
	}

	@Nullable String communeName(@Nullable String code) {
		return code == null ? null : territories.findCommune(code).map(ref -> ref.nom()).orElse(null);
	}

	/** The actors of these départements, by name. */
	List<StoredActor> actorsOf(Collection<String> departements) {
		return actors.listActors(departements, null, null);
	}

	/**
	 * The actors an account may choose: its territories' (everything for an
	 * administrator).
	 */
	List<StoredActor> actorsManagedBy(AccountPrincipal account) {
		if (account.role() == Role.MEMBRE) {
			return ownActors(account);
		}
		return actors.listActors(null, null, null)
			.stream()
			.filter(actor -> ActorManagementPolicy.mayManage(account, actor.departement(), actor.epci()))
			.toList();
	}

	/**
	 * A member's structure(s) in the actors directory: the actors linked to a lieu its
	 * structure holds (as « Ma structure »).
	 */
	List<StoredActor> ownActors(AccountPrincipal member) {
		if (member.role() != Role.MEMBRE) {
			return List.of();
		}
		List<String> lieux = structures.listLieuxOf(member).stream().map(fr.maillage.places.Place::id).toList();
		return lieux.isEmpty() ? List.of() : actors.listActorsOfLieux(lieux);
	}

	Optional<StoredActor> findActor(String id) {
		return actors.findActor(id);
	}

	/**
	 * The actor a form names among the allowed ones: by its identifier, or by its name
	 * typed (whatever its accents and case).
	 */
	Optional<StoredActor> choose(@Nullable String typed, List<StoredActor> allowed) {
		if (typed == null || typed.isBlank()) {
			return Optional.empty();
		}
		String wanted = typed.strip();
		List<StoredActor> byName = new ArrayList<>();
		for (StoredActor actor : allowed) {
			if (actor.id().equalsIgnoreCase(wanted)) {
				return Optional.of(actor);
			}
			if (fold(actor.name()).equals(fold(wanted))) {
				byName.add(actor);
			}
		}
		return byName.isEmpty() ? Optional.empty() : Optional.of(byName.get(0));
	}

	static String fold(String text) {
		return Normalizer.normalize(text, Normalizer.Form.NFD)
			.replaceAll("\\p{M}", "")
			.toLowerCase(Locale.ROOT)
			.replaceAll("\\s+", " ")
			.strip();
	}

	/** The bootstrap token acts without an account. */
	static @Nullable String accountId(AccountPrincipal account) {
		try {
			UUID id = UUID.fromString(account.id());
			return id.equals(new UUID(0, 0)) ? null : id.toString();
		}
		catch (IllegalArgumentException notAnAccount) {
			return null;
		}
	}

}
