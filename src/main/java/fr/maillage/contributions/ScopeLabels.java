package fr.maillage.contributions;

import java.util.Map;
import java.util.UUID;

import fr.maillage.accounts.ScopeNames;
import fr.maillage.contributions.persistence.JdbcStructureRepository;
import fr.maillage.territories.Territories;
import fr.maillage.territories.TerritoryLevel;
import org.springframework.stereotype.Component;

/**
 * Names the scopes of accounts for the pages: a département « Rhône (69) », an EPCI by
 * its name, a structure by its name.
 */
@Component
class ScopeLabels implements ScopeNames {

	private final Territories territories;

	private final JdbcStructureRepository structures;

	ScopeLabels(Territories territories, JdbcStructureRepository structures) {
		this.territories = territories;
		this.structures = structures;
	}

	@Override
	public String describe(String scope) {
		int colon = scope.indexOf(':');
		if (colon < 0) {
			return scope;
		}
		String level = scope.substring(0, colon);
		String code = scope.substring(colon + 1);
		return switch (level) {
			case "departement" -> named(territories.mapNames(TerritoryLevel.DEPARTEMENT), code, "Département " + code);
			case "epci" -> named(territories.mapNames(TerritoryLevel.EPCI), code, "EPCI " + code);
			case "structure" -> structureName(code);
			default -> scope;
		};
	}

	private static String named(Map<String, String> names, String code, String unknown) {
		String name = names.get(code);
		return name == null ? unknown : name + " (" + code + ")";
	}

	private String structureName(String id) {
		UUID uuid;
		try {
			uuid = UUID.fromString(id);
		}
		catch (IllegalArgumentException notAnId) {
			return "Structure " + id;
		}
		return structures.findStructureName(uuid)
			.map(name -> "Structure « " + name + " »")
			.orElse("Structure inconnue");
	}

}
