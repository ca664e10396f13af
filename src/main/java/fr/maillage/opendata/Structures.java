package fr.maillage.opendata;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import fr.maillage.accounts.AccountPrincipal;
import fr.maillage.accounts.Accounts;
import fr.maillage.accounts.Role;
import fr.maillage.places.Place;
import fr.maillage.places.PlaceDirectory;
import fr.maillage.shared.web.BadRequestException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Structures (issue 6): the organisations that run lieux. A coordinator attaches a lieu
 * of its territory to a structure and invites the structure's members, who then edit the
 * structure's lieux.
 */
@Service
public class Structures {

	private final JdbcClient jdbc;

	private final PlaceDirectory places;

	private final PlaceEditing editing;

	private final Accounts accounts;

	private final Clock clock;

	Structures(JdbcClient jdbc, PlaceDirectory places, PlaceEditing editing, Accounts accounts, Clock clock) {
		this.jdbc = jdbc;
		this.places = places;
		this.editing = editing;
		this.accounts = accounts;
		this.clock = clock;
	}

	public record Structure(String id, String name) {
	}

	public Optional<Structure> findStructureOf(String lieuId) {
		return jdbc
			.sql("select s.id, s.nom from structure s join structure_lieu l on l.structure_id = s.id "
					+ "where l.lieu_id = :lieu")
			.param("lieu", UUID.fromString(lieuId))
			.query((rs, row) -> new Structure(rs.getString("id"), rs.getString("nom")))
			.optional();
	}

	/** The lieux of a member's structures, by name. */
	public List<Place> listLieuxOf(AccountPrincipal member) {
		List<UUID> structures = member.scopes("structure").stream().map(UUID::fromString).toList();
		if (structures.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("select lieu_id from structure_lieu where structure_id = any(:structures)")
			.param("structures", structures.toArray(UUID[]::new))
			.query(String.class)
			.list()
			.stream()
			.flatMap(id -> places.findPlace(id).stream())
			.sorted(java.util.Comparator.comparing(Place::name))
			.toList();
	}

	/**
	 * Attaches the lieu to the structure of that name, created if no structure has it.
	 * @throws AccessDeniedException unless a coordinator of the lieu's territory or an
	 * administrator asks
	 */
	@Transactional
	public Structure attach(String lieuId, String structureName, AccountPrincipal account) {
		Place place = places.getPlace(lieuId);
		checkCoordinates(account, place);
		String name = structureName == null ? "" : structureName.strip();
		if (name.isEmpty() || name.length() > 200) {
			throw new BadRequestException("structure_invalide",
					"Indiquez le nom de la structure (200 caractères au plus).");
		}
		Structure structure = jdbc
			.sql("select id, nom from structure where lower(nom) = lower(:name) order by cree_le limit 1")
			.param("name", name)
			.query((rs, row) -> new Structure(rs.getString("id"), rs.getString("nom")))
			.optional()
			.orElseGet(() -> {
				String id = UUID.randomUUID().toString();
				jdbc.sql("insert into structure (id, nom, cree_le, cree_par) values (:id, :name, :now, :by)")
					.param("id", UUID.fromString(id))
					.param("name", name)
					.param("now", Timestamp.from(clock.instant()))
					.param("by", account.signature())
					.update();
				return new Structure(id, name);
			});
		jdbc.sql(
				"""
						insert into structure_lieu (lieu_id, structure_id, rattache_le, rattache_par) values (:lieu, :structure, :now, :by)
						on conflict (lieu_id) do update set structure_id = excluded.structure_id,
						rattache_le = excluded.rattache_le, rattache_par = excluded.rattache_par""")
			.param("lieu", UUID.fromString(place.id()))
			.param("structure", UUID.fromString(structure.id()))
			.param("now", Timestamp.from(clock.instant()))
			.param("by", account.signature())
			.update();
		return structure;
	}

	/** Invites a member of the structure the lieu is attached to. */
	@Transactional
	public void inviteMember(String lieuId, String email, String name, AccountPrincipal account, String baseUrl) {
		Place place = places.getPlace(lieuId);
		checkCoordinates(account, place);
		Structure structure = findStructureOf(place.id()).orElseThrow(
				() -> new BadRequestException("structure_manquante", "Rattachez d'abord ce lieu à une structure."));
		accounts.invite(email, name, Role.MEMBRE, List.of("structure:" + structure.id()), account.name(), baseUrl);
	}

	private void checkCoordinates(AccountPrincipal account, Place place) {
		if (account.role() == Role.MEMBRE || !editing.mayEdit(account, place)) {
			throw new AccessDeniedException("Seul un coordinateur du territoire du lieu peut faire cela.");
		}
	}

}
