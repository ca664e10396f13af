package fr.maillage.coordination.domain;

import java.util.Arrays;
import java.util.Optional;

/**
 * The kinds of resources of a territory (Rhône roadmap: « Identifier une liste de
 * ressources par territoire (formatives, financières, humaines, matériel) »).
 */
public enum ResourceType {

	FORMATIVE("formative", "Formation"), FINANCIERE("financiere", "Financement"),
	HUMAINE("humaine", "Ressource humaine"), MATERIELLE("materielle", "Matériel");

	private final String code;

	private final String label;

	ResourceType(String code, String label) {
		this.code = code;
		this.label = label;
	}

	public String code() {
		return code;
	}

	public String label() {
		return label;
	}

	public static Optional<ResourceType> findByCode(String code) {
		String wanted = code.strip();
		return Arrays.stream(values()).filter(type -> type.code.equalsIgnoreCase(wanted)).findFirst();
	}

}
