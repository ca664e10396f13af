package fr.maillage.coverage.domain;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import fr.maillage.shared.geo.Coordinates;

/**
 * Nearest site to a commune, exact in great-circle distance: the sites are points on the
 * unit sphere in 3D, indexed by a k-d tree. The straight-line (chord) distance between
 * two points of the sphere grows with their great-circle distance, so the nearest by
 * chord is the nearest on the ground, and the tree prunes with plain coordinates. (An
 * STRtree on longitude/latitude was tried first: searching growing circles is exact but
 * slow wherever places are sparse, as over most of France when only a few regions have
 * data.) A site located in the commune counts as distance 0.
 */
public final class NearestSiteIndex {

	private final List<Site> sites;

	/** x, y, z of each site on the unit sphere, in tree order. */
	private final double[] xyz;

	/** Site index of each tree position. */
	private final int[] order;

	/**
	 * Bounding box (min x, y, z, max x, y, z) of the subtree whose median is at each tree
	 * position: far from every site, split planes alone prune little, boxes do.
	 */
	private final double[] boxes;

	private final Map<String, List<Site>> sitesByCommune = new HashMap<>();

	public NearestSiteIndex(Collection<Site> sites) {
		this.sites = List.copyOf(sites);
		int n = this.sites.size();
		double[] points = new double[3 * n];
		int[] positions = new int[n];
		for (int i = 0; i < n; i++) {
			Site site = this.sites.get(i);
			unitVector(site.latitude(), site.longitude(), points, 3 * i);
			positions[i] = i;
			if (site.communeCode() != null) {
				sitesByCommune.computeIfAbsent(site.communeCode(), code -> new ArrayList<>()).add(site);
			}
		}
		build(positions, 0, n, 0, points);
		this.order = new int[n];
		this.xyz = new double[3 * n];
		for (int i = 0; i < n; i++) {
			order[i] = positions[i];
			System.arraycopy(points, 3 * positions[i], xyz, 3 * i, 3);
		}
		this.boxes = new double[6 * n];
		fillBoxes(0, n);
	}

	private void fillBoxes(int from, int to) {
		if (from >= to) {
			return;
		}
		int middle = (from + to) >>> 1;
		fillBoxes(from, middle);
		fillBoxes(middle + 1, to);
		for (int k = 0; k < 3; k++) {
			double value = xyz[3 * middle + k];
			double min = value;
			double max = value;
			if (from < middle) {
				int left = (from + middle) >>> 1;
				min = Math.min(min, boxes[6 * left + k]);
				max = Math.max(max, boxes[6 * left + 3 + k]);
			}
			if (middle + 1 < to) {
				int right = (middle + 1 + to) >>> 1;
				min = Math.min(min, boxes[6 * right + k]);
				max = Math.max(max, boxes[6 * right + 3 + k]);
			}
			boxes[6 * middle + k] = min;
			boxes[6 * middle + 3 + k] = max;
		}
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
		double[] target = new double[3];
		unitVector(area.latitude(), area.longitude(), target, 0);
		Search search = new Search(target);
		search.visit(0, sites.size(), 0);
		Site nearest = sites.get(order[search.bestPosition]);
		return Optional.of(new Nearest(nearest,
				centre.distanceKmTo(new Coordinates(nearest.latitude(), nearest.longitude())), false));
	}

	/** Branch and bound over the implicit tree: the median of each range splits it. */
	private final class Search {

		private final double[] target;

		private double bestSquared = Double.MAX_VALUE;

		private int bestPosition = -1;

		Search(double[] target) {
			this.target = target;
		}

		void visit(int from, int to, int axis) {
			if (from >= to) {
				return;
			}
			int middle = (from + to) >>> 1;
			double outside = 0;
			for (int k = 0; k < 3; k++) {
				double below = boxes[6 * middle + k] - target[k];
				double above = target[k] - boxes[6 * middle + 3 + k];
				double gap = Math.max(0, Math.max(below, above));
				outside += gap * gap;
			}
			if (outside >= bestSquared) {
				return;
			}
			double squared = 0;
			for (int k = 0; k < 3; k++) {
				double d = xyz[3 * middle + k] - target[k];
				squared += d * d;
			}
			if (squared < bestSquared) {
				bestSquared = squared;
				bestPosition = middle;
			}
			double delta = target[axis] - xyz[3 * middle + axis];
			int next = (axis + 1) % 3;
			if (delta < 0) {
				visit(from, middle, next);
				if (delta * delta < bestSquared) {
					visit(middle + 1, to, next);
				}
			}
			else {
				visit(middle + 1, to, next);
				if (delta * delta < bestSquared) {
					visit(from, middle, next);
				}
			}
		}

	}

	/**
	 * Orders positions[from, to) so that each range's median splits it on its axis
	 * (quickselect: linear per level, so building is O(n log n)).
	 */
	private static void build(int[] positions, int from, int to, int axis, double[] points) {
		if (to - from <= 1) {
			return;
		}
		int middle = (from + to) >>> 1;
		select(positions, from, to - 1, middle, axis, points);
		int next = (axis + 1) % 3;
		build(positions, from, middle, next, points);
		build(positions, middle + 1, to, next, points);
	}

	/** Hoare's quickselect: puts the k-th smallest on the axis at k, smaller before. */
	private static void select(int[] positions, int left, int right, int k, int axis, double[] points) {
		while (left < right) {
			double pivot = points[3 * positions[(left + right) >>> 1] + axis];
			int i = left;
			int j = right;
			while (i <= j) {
				while (points[3 * positions[i] + axis] < pivot) {
					i++;
				}
				while (points[3 * positions[j] + axis] > pivot) {
					j--;
				}
				if (i <= j) {
					int swap = positions[i];
					positions[i] = positions[j];
					positions[j] = swap;
					i++;
					j--;
				}
			}
			if (k <= j) {
				right = j;
			}
			else if (k >= i) {
				left = i;
			}
			else {
				return;
			}
		}
	}

	private static void unitVector(double latitude, double longitude, double[] into, int offset) {
		double lat = Math.toRadians(latitude);
		double lon = Math.toRadians(longitude);
		into[offset] = Math.cos(lat) * Math.cos(lon);
		into[offset + 1] = Math.cos(lat) * Math.sin(lon);
		into[offset + 2] = Math.sin(lat);
	}

}
