package fr.maillage.contributions.domain;

/** An organisation that runs lieux: its members edit the lieux attached to it. */
public record Structure(String id, String name) {
}
