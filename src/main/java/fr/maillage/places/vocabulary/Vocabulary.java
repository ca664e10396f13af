package fr.maillage.places.vocabulary;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A value of one of the standard's closed lists; {@link #label()} is the exact spelling
 * of the standard.
 */
public interface Vocabulary {

	String label();

	static <E extends Enum<E> & Vocabulary> Optional<E> findByLabel(Class<E> type, String label) {
		return Optional.ofNullable(type.cast(Labels.BY_TYPE.get(type).get(label)));
	}

	/**
	 * Label → value, per vocabulary: rows read from the database look labels up by the
	 * thousand.
	 */
	final class Labels {

		private static final ClassValue<Map<String, Object>> BY_TYPE = new ClassValue<>() {
			@Override
			protected Map<String, Object> computeValue(Class<?> type) {
				return Arrays.stream(type.getEnumConstants())
					.collect(Collectors.toUnmodifiableMap(value -> ((Vocabulary) value).label(), value -> value));
			}
		};

		private Labels() {
		}

	}

}
