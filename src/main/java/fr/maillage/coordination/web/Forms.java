package fr.maillage.coordination.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import fr.maillage.shared.web.BadRequestException;
import org.jspecify.annotations.Nullable;
import org.springframework.util.MultiValueMap;

/** What the coordination's forms and queries share. */
final class Forms {

	private Forms() {
	}

	/** The named fields of a form, each as typed (empty when absent). */
	static Map<String, String> fields(MultiValueMap<String, String> form, List<String> names) {
		Map<String, String> fields = new LinkedHashMap<>();
		for (String name : names) {
			String value = form.getFirst(name);
			fields.put(name, value == null ? "" : value);
		}
		return fields;
	}

	/** The version a form was filled from. */
	static int version(@Nullable String value) {
		try {
			return Integer.parseInt(value == null ? "" : value.strip());
		}
		catch (NumberFormatException notANumber) {
			throw new BadRequestException("version_invalide",
					"Version du formulaire manquante ou illisible : rechargez la page.");
		}
	}

	/** An API query names only known parameters. */
	static void checkParameters(MultiValueMap<String, String> query, Set<String> known) {
		for (String name : query.keySet()) {
			if (!known.contains(name)) {
				throw new BadRequestException("parametre_inconnu", "Paramètre inconnu : « " + name
						+ " ». Paramètres possibles : " + String.join(", ", known.stream().sorted().toList()) + ".");
			}
		}
	}

	static @Nullable String blank(@Nullable String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

}
