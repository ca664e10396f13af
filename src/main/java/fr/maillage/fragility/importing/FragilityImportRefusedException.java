package fr.maillage.fragility.importing;

import fr.maillage.shared.web.BadRequestException;

/** A fragility file that cannot be imported at all (its message says why, in French). */
public class FragilityImportRefusedException extends BadRequestException {

	public FragilityImportRefusedException(String code, String message) {
		super(code, message);
	}

}
