package fr.maillage.coverage.domain;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import fr.maillage.shared.geo.Coordinates;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * Nearest site to a commune, exact in great-circle distance: a JTS STRtree over the
 * sites' longitude/latitude is queried with boxes that contain circles of growing radius
 * (2, 4, 8… km) until one holds a site no farther than its radius. A site located in the
 * commune counts as distance 0.
 */
public final class NearestSiteIndex {

	private static final double FIRST_RADIUS_KM = 2;

	/** Half the Earth's circumference: every site is nearer than this. */
	private static final double LAST_RADIUS_KM = 20_100;

	private final STRtree tree = new STRtree();

	private final Map<String, List<Site>> sitesByCommune = new HashMap<>();

	private final List<Site> sites;

	public NearestSiteIndex(Collection<Site> sites) {
		this.sites = List.copyOf(sites);
		for (Site site : this.sites) {
			tree.insert(new Envelope(site.longitude(), site.longitude(), site.latitude(), site.latitude()), site);
			if (site.communeCode() != null) {
				sitesByCommune.computeIfAbsent(site.communeCode(), code -> new ArrayList<>()).add(site);
			}
		}
		tree.build();
	}

	public int size() {
		return sites.size();
	}

	/** A site and how far it is from a commune's centre; 0 when it is in the commune. */
	public record Nearest(Site site, double distanceKm, boolean inCommune) {
	}

	public Optional<Nearest> findNearest(Area area) {
		Coordinates centre = new Coordinates(area.latitude(), area.longitude());
		List<Site> inCommune = sitesByCommune.get(area.code());
		if (inCommune != null) {
			Site closest = inCommune.get(0);
			double best = Double.MAX_VALUE;
			for (Site site : inCommune) {
				double distance = centre.distanceKmTo(new Coordinates(site.latitude(), site.longitude()));
				if (distance < best) {
					best = distance;
					closest = site;
				}
			}
			return Optional.of(new Nearest(closest, 0, true));
		}
		if (sites.isEmpty()) {
			return Optional.empty();
		}
		for (double radius = FIRST_RADIUS_KM; radius < LAST_RADIUS_KM; radius *= 2) {
			Optional<Nearest> found = nearestWithin(centre, radius);
			if (found.isPresent()) {
				return found;
			}
		}
		return nearestOf(centre, sites);
	}

	@SuppressWarnings("unchecked")
	private Optional<Nearest> nearestWithin(Coordinates centre, double radiusKm) {
		// a box slightly larger than the circle: boundingBox is computed at the centre's
		// latitude
		double[] box = centre.boundingBox(radiusKm * 1.05);
		List<Site> candidates = tree.query(new Envelope(box[2], box[3], box[0], box[1]));
		return nearestOf(centre, candidates).filter(nearest -> nearest.distanceKm() <= radiusKm);
	}

	private static Optional<Nearest> nearestOf(Coordinates centre, List<Site> candidates) {
		Site closest = null;
		double best = Double.MAX_VALUE;
		for (Site site : candidates) {
			double distance = centre.distanceKmTo(new Coordinates(site.latitude(), site.longitude()));
			if (distance < best) {
				best = distance;
				closest = site;
			}
		}
		return closest == null ? Optional.empty() : Optional.of(new Nearest(closest, best, false));
	}

}
