package fr.maillage.places.vocabulary;

import java.util.Set;

/**
 * Structure types of the data·inclusion referential ("typologies de structure") that the
 * schema's {@code typologie} field refers to. The schema itself does not close the list,
 * so an unknown code is kept and only reported.
 */
public final class Typologies {

	/**
	 * data·inclusion referential as published with the schema v1.0.x tooling (2023–2024).
	 */
	public static final Set<String> KNOWN_CODES = Set.of("ACI", "ACIPHC", "AFPA", "AI", "ASE", "ASSO", "ASSO_CHOMEUR",
			"Autre", "AVIP", "BIB", "CAARUD", "CADA", "CAF", "CAP_EMPLOI", "CAVA", "CC", "CCAS", "CCONS", "CD", "CDAS",
			"CFP", "CHRS", "CHU", "CIAS", "CIDFF", "CITMET", "CMP", "CMS", "CPAM", "CPH", "CS", "CSAPA", "CSC", "DEETS",
			"DEPT", "DIPLP", "E2C", "EA", "EATT", "EI", "EITI", "ENM", "EPCI", "EPI", "EPIDE", "EPN", "ES", "ESAT",
			"ESS", "ETTI", "EVS", "FABLAB", "FABRIQUE", "FAIS", "FT", "GEIQ", "HUDA", "LA_POSTE", "MDE", "MDEF", "MDH",
			"MDPH", "MDS", "MJC", "ML", "MQ", "MSA", "MSAP", "MUNI", "OACAS", "ODC", "OF", "OIL", "OPCS", "PAD", "PE",
			"PENSION", "PI", "PIJ_BIJ", "PIMMS", "PJJ", "PLIE", "PREF", "PREVENTION", "REG", "RELAIS_LECTURE",
			"RESSOURCERIE", "RFS", "RS_FJT", "SCP", "SPIP", "TIERS_LIEUX", "UDAF");

	private Typologies() {
	}

	/** The code as the referential spells it, whatever the case typed (« epn » → EPN). */
	public static java.util.Optional<String> findCode(String typed) {
		String wanted = typed.strip();
		return KNOWN_CODES.stream().filter(code -> code.equalsIgnoreCase(wanted)).findFirst();
	}

}
