package fr.maillage.shared.web;

import org.springframework.boot.jackson.autoconfigure.JsonFactoryBuilderCustomizer;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.JsonParser;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * Limits on the JSON the application reads (request bodies): a bounded nesting depth, so
 * that {@code [[[[…} thousands deep is a 400 and never a stack overflow, and no U+0000 in
 * text values, which PostgreSQL cannot store (a 500 from the database otherwise).
 */
@Configuration(proxyBeanMethods = false)
class JsonInputConfiguration {

	/** Jackson 3's default, made explicit since the error message quotes it. */
	static final int MAX_NESTING_DEPTH = 500;

	@Bean
	JsonFactoryBuilderCustomizer boundedJsonInput() {
		return factory -> factory
			.streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING_DEPTH).build());
	}

	/**
	 * A field given twice is refused, not read as its last value: {@code "role"} given as
	 * « coordinateur » then « administrateur » must not quietly become the second.
	 */
	@Bean
	JsonMapperBuilderCustomizer noFieldTwice() {
		return mapper -> mapper.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION);
	}

	@Bean
	JsonMapperBuilderCustomizer textWithoutNulCharacter() {
		SimpleModule module = new SimpleModule("maillage-texte-sans-nul");
		module.addDeserializer(String.class, new TextWithoutNul());
		return mapper -> mapper.addModule(module);
	}

	/** Jackson's own reading of a text value, refusing U+0000. */
	static final class TextWithoutNul extends StringDeserializer {

		@Override
		public String deserialize(JsonParser parser, DeserializationContext context) {
			String text = super.deserialize(parser, context);
			if (text != null && text.indexOf('\0') >= 0) {
				throw new NulCharacterException(parser);
			}
			return text;
		}

	}

}
