package fr.maillage.coverage;

import java.text.Collator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import fr.maillage.coverage.domain.CoverageTier;
import fr.maillage.shared.web.BadRequestException;
import org.jspecify.annotations.Nullable;

/**
 * The communes of a coverage as a coordinator reads them: by name in French order
 * (accents and case ignored: « Écully » between « Dracé » and « Fleurie »), one tier or
 * all, a page at a time — the Rhône's 266 communes in one table made a page 20 000 px
 * tall.
 */
public final class CommuneTable {

	public static final int PAGE_SIZE = 50;

	/** Tiers a table can be filtered by. */
	public static final List<String> TIERS = java.util.Arrays.stream(CoverageTier.values())
		.map(CoverageTier::code)
		.toList();

	private CommuneTable() {
	}

	/** Names in French order, then by code (homonyms). */
	public static Comparator<TerritoryCoverage.CommuneRow> frenchOrder() {
		Collator french = Collator.getInstance(Locale.FRENCH);
		// accents and case ignored, as people look names up
		french.setStrength(Collator.PRIMARY);
		return Comparator.comparing(TerritoryCoverage.CommuneRow::nom, french)
			.thenComparing(TerritoryCoverage.CommuneRow::code);
	}

	/**
	 * A tier code, checked.
	 * @return {@code null} for every tier (absent, empty or "tous")
	 */
	public static @Nullable String tier(@Nullable String code) {
		if (code == null || code.isBlank() || code.equals("tous")) {
			return null;
		}
		if (!TIERS.contains(code.strip())) {
			throw new BadRequestException("palier_inconnu",
					"Palier inconnu : « " + code + " ». Choisissez couvert, proche, eloigne, zone_blanche ou tous.");
		}
		return code.strip();
	}

	/** The rows of one tier (all when {@code tier} is {@code null}), in French order. */
	public static List<TerritoryCoverage.CommuneRow> filterAndSort(List<TerritoryCoverage.CommuneRow> rows,
			@Nullable String tier) {
		List<TerritoryCoverage.CommuneRow> kept = new ArrayList<>();
		for (TerritoryCoverage.CommuneRow row : rows) {
			if (tier == null || row.palier().equals(tier)) {
				kept.add(row);
			}
		}
		kept.sort(frenchOrder());
		return kept;
	}

	/**
	 * One page of a table.
	 *
	 * @param number from 1; a page beyond the last gives the last
	 */
	public record Page(List<TerritoryCoverage.CommuneRow> rows, int number, int pages, int total) {

		public int first() {
			return total == 0 ? 0 : (number - 1) * PAGE_SIZE + 1;
		}

		public int last() {
			return first() + rows.size() - (total == 0 ? 0 : 1);
		}

	}

	public static Page page(List<TerritoryCoverage.CommuneRow> rows, @Nullable String tier, int number) {
		List<TerritoryCoverage.CommuneRow> kept = filterAndSort(rows, tier);
		int pages = Math.max(1, (kept.size() + PAGE_SIZE - 1) / PAGE_SIZE);
		int page = Math.max(1, Math.min(number, pages));
		int from = (page - 1) * PAGE_SIZE;
		return new Page(List.copyOf(kept.subList(from, Math.min(from + PAGE_SIZE, kept.size()))), page, pages,
				kept.size());
	}

}
