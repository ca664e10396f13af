package fr.maillage.orientations.domain;

import java.util.List;

/**
 * What the information notice (RGPD article 13) tells the person, as the consent records
 * it: its version, the purpose and the data shared. The text itself is the page
 * {@code /orientations/notice}; a new wording gets a new {@link #VERSION}, and consents
 * recorded on an older one no longer allow sending.
 */
public final class InformationNotice {

	/** The version of the notice shown today. */
	public static final String VERSION = "2026-12";

	/** The one purpose an orientation's consent is given for. */
	public static final String PURPOSE = "Orienter la personne vers un lieu d'aide au numérique et savoir si elle a été reçue";

	/**
	 * The data shared with the lieu, in the notice's words. The repérage's answers were
	 * added before any release of version 2026-12 (issue 16): no consent recorded on an
	 * older wording exists, so the version stays.
	 */
	public static final List<String> DATA_SHARED = List.of("prénom", "besoin exprimé",
			"moyen de la contacter, si elle le souhaite",
			"ses réponses au repérage, seulement si elle accepte qu'elles soient transmises");

	private InformationNotice() {
	}

}
