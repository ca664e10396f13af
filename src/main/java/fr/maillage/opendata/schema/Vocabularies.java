package fr.maillage.opendata.schema;

import java.util.Map;

import fr.maillage.places.vocabulary.AccessMode;
import fr.maillage.places.vocabulary.Fee;
import fr.maillage.places.vocabulary.Itinerance;
import fr.maillage.places.vocabulary.MediationService;
import fr.maillage.places.vocabulary.NationalProgram;
import fr.maillage.places.vocabulary.SpecificPublic;
import fr.maillage.places.vocabulary.SpecificSupport;
import fr.maillage.places.vocabulary.SupportMode;
import fr.maillage.places.vocabulary.TrainingLabel;

/**
 * One matcher per closed list of schema v1.0.2. The variants listed here are spellings
 * found in the standard's own field descriptions, which differ from its validation
 * patterns (ADR 0005).
 */
public final class Vocabularies {

	public static final VocabularyMatcher<MediationService> SERVICES = VocabularyMatcher.of(MediationService.class,
			Map.of("Comprehension du monde numérique", MediationService.UNDERSTANDING_DIGITAL_WORLD));

	public static final VocabularyMatcher<SpecificPublic> PUBLICS = VocabularyMatcher.of(SpecificPublic.class);

	public static final VocabularyMatcher<SpecificSupport> SPECIFIC_SUPPORTS = VocabularyMatcher
		.of(SpecificSupport.class);

	public static final VocabularyMatcher<Fee> FEES = VocabularyMatcher.of(Fee.class);

	public static final VocabularyMatcher<NationalProgram> NATIONAL_PROGRAMS = VocabularyMatcher
		.of(NationalProgram.class);

	public static final VocabularyMatcher<TrainingLabel> TRAINING_LABELS = VocabularyMatcher.of(TrainingLabel.class,
			Map.of("Étapes numériques (La Poste)", TrainingLabel.ETAPES_NUMERIQUES, "Mes Papiers (Métropole de Lyon) ",
					TrainingLabel.MES_PAPIERS_LYON));

	public static final VocabularyMatcher<AccessMode> ACCESS_MODES = VocabularyMatcher.of(AccessMode.class);

	public static final VocabularyMatcher<SupportMode> SUPPORT_MODES = VocabularyMatcher.of(SupportMode.class);

	public static final VocabularyMatcher<Itinerance> ITINERANCE = VocabularyMatcher.of(Itinerance.class);

	private Vocabularies() {
	}

}
