package fr.maillage.places.vocabulary;

import java.util.Arrays;
import java.util.Optional;

/** A value of one of the standard's closed lists; {@link #label()} is the exact spelling of the standard. */
public interface Vocabulary {

	String label();

	static <E extends Enum<E> & Vocabulary> Optional<E> findByLabel(Class<E> type, String label) {
		return Arrays.stream(type.getEnumConstants()).filter(value -> value.label().equals(label)).findFirst();
	}

}
