package fr.maillage.opendata.merging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * An incremental grouping (only the changed records and the groups they may touch
 * regrouped, previous groups without a change kept) gives the groups a full grouping of
 * the same records and decisions gives.
 */
class DuplicateGroupsChangedTest {

	private static final String[] NAMES = { "Mairie", "Médiathèque", "Espace numérique", "France services",
			"Centre social", "Mairie de Soyaux" };

	private static final String[] STREETS = { "1 place de la Mairie", "2 rue Gutenberg", "5 avenue de Gaulle" };

	@Property(tries = 200)
	void regroupingTheChangedRecordsGivesTheFullGrouping(@ForAll long seed) {
		Random random = new Random(seed);
		List<MergeCandidate> before = new ArrayList<>();
		for (int i = 0; i < 30; i++) {
			before.add(candidate(i, random));
		}
		Map<String, Boolean> decisions = new HashMap<>();
		Map<String, String> groupOf = new HashMap<>();
		for (List<MergeCandidate> group : DuplicateGroups.analyse(before, decisions).groups()) {
			group.forEach(candidate -> groupOf.put(candidate.id(), group.get(0).id()));
		}
		List<MergeCandidate> after = new ArrayList<>(before);
		Set<String> changed = new HashSet<>();
		for (int k = 0; k < 1 + random.nextInt(3); k++) {
			int i = random.nextInt(after.size());
			after.set(i, candidate(i, random));
			changed.add(after.get(i).id());
		}
		if (random.nextBoolean()) {
			String a = "r" + random.nextInt(30);
			String b = "r" + random.nextInt(30);
			if (!a.equals(b)) {
				decisions.put(DuplicateGroups.pairKey(a, b), random.nextBoolean());
				changed.add(a);
				changed.add(b);
			}
		}
		if (random.nextBoolean()) {
			// a record never grouped before
			after.add(candidate(30, random));
		}

		assertThat(groups(DuplicateGroups.analyseChanged(after, decisions, changed, groupOf)))
			.isEqualTo(groups(DuplicateGroups.analyse(after, decisions)));
	}

	private static Set<Set<String>> groups(DuplicateGroups.Analysis analysis) {
		return analysis.groups()
			.stream()
			.map(group -> group.stream().map(MergeCandidate::id).collect(Collectors.toSet()))
			.collect(Collectors.toSet());
	}

	private static MergeCandidate candidate(int i, Random random) {
		return new MergeCandidate("r" + i, "source-" + random.nextInt(3), NAMES[random.nextInt(NAMES.length)],
				STREETS[random.nextInt(STREETS.length)], "16800", "16374", "Soyaux", 45.64 + random.nextInt(4) * 0.002,
				0.19 + random.nextInt(4) * 0.002, null);
	}

}
