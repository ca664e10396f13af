package fr.maillage.coverage.domain;

/** A commune as coverage sees it: people living around its centre. */
public record Area(String code, String name, long population, double latitude, double longitude) {
}
