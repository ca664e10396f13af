package fr.maillage.coverage.domain;

import org.jspecify.annotations.Nullable;

/** A place where help is given, as distances see it. */
public record Site(String id, String name, @Nullable String communeCode, double latitude, double longitude) {
}
