package fr.maillage.places;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * How a report was decided, for the lieu's history.
 *
 * @param decidedBy the moderator's signature
 * @param reply the answer sent to its author, if any
 */
public record ErrorReportDecision(ErrorReport report, Instant decidedAt, String decidedBy, @Nullable String reply) {
}
