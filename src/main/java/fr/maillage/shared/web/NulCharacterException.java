package fr.maillage.shared.web;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * A JSON text value holding U+0000 (escaped, since JSON text cannot hold it raw): valid,
 * but PostgreSQL stores no such character in text, so it is refused when read, with the
 * field's path.
 */
class NulCharacterException extends MismatchedInputException {

	NulCharacterException(JsonParser parser) {
		super(parser, "Text value holds U+0000", String.class);
	}

}
