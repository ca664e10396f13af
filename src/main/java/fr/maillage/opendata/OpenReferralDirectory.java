package fr.maillage.opendata;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import fr.maillage.opendata.persistence.JdbcHsdsRepository;
import fr.maillage.opendata.persistence.JdbcHsdsRepository.OrganizationRow;
import fr.maillage.opendata.publishing.hsds.HsdsDataPackage;
import fr.maillage.opendata.publishing.hsds.HsdsRecords;
import fr.maillage.places.Place;
import fr.maillage.places.PlaceDirectory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The published directory read as Open Referral HSDS 3.0 organizations (issue 19,
 * docs/hsds.md): they are not a table of Maillage but derived from the lieux — their
 * SIRET, else their parent structure — so every reader sees the same ones.
 */
@Service
public class OpenReferralDirectory {

	private final JdbcHsdsRepository repository;

	private final PlaceDirectory places;

	OpenReferralDirectory(JdbcHsdsRepository repository, PlaceDirectory places) {
		this.repository = repository;
		this.places = places;
	}

	/** An organization and its lieux. */
	public record Organization(String key, String name, List<Place> lieux) {
	}

	/** Every organization, in a stable order (by key). */
	@Transactional(readOnly = true)
	public List<OrganizationRow> listOrganizations() {
		return repository.listOrganizations();
	}

	/** The organization with this HSDS id, with its lieux. */
	@Transactional(readOnly = true)
	public Optional<Organization> findOrganization(String id) {
		return repository.listOrganizations()
			.stream()
			.filter(row -> HsdsRecords.organizationId(row.key()).equals(id))
			.findFirst()
			.map(row -> {
				List<String> ids = repository.listLieuIds(row.key());
				Map<String, Place> lieux = places.mapPublished(ids);
				return new Organization(row.key(), row.name(), ids.stream().map(lieux::get).toList());
			});
	}

	/**
	 * Writes the whole directory as an HSDS 3.0 data package (zip), streamed: the lieux
	 * are read once, in one read-only transaction.
	 */
	@Transactional(readOnly = true)
	public void writeDataPackage(java.io.OutputStream out, HsdsDataPackage dataPackage, java.time.Instant directoryAt)
			throws java.io.IOException {
		List<HsdsDataPackage.Organization> organizations = repository.listOrganizations()
			.stream()
			.map(row -> new HsdsDataPackage.Organization(row.key(), row.name(), row.lieux()))
			.toList();
		dataPackage.write(out, directoryAt,
				consumer -> places.forEachPlace(fr.maillage.places.PlaceQuery.all(), consumer), organizations);
	}

	/** The organization of one published lieu, with how many lieux it has. */
	@Transactional(readOnly = true)
	public OrganizationRow getOrganizationOf(Place place) {
		String key = HsdsRecords.organizationKey(place);
		return repository.findOrganization(key).orElseGet(() -> new OrganizationRow(key, place.name(), 1));
	}

}
