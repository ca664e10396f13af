package fr.maillage.places;

import java.time.LocalDate;

/** Number of consultations of a place's page on one day. */
public record DailyConsultations(LocalDate jour, long nombre) {
}
