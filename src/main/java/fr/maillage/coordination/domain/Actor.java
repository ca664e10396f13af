package fr.maillage.coordination.domain;

/** An actor of the directory: its entry and its id. */
public record Actor(String id, ActorEntry entry) {
}
