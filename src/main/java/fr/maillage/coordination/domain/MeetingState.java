package fr.maillage.coordination.domain;

import java.util.Set;

/**
 * Where a meeting stands, and the only moves allowed: a planned meeting can be edited,
 * invited to and cancelled; a cancelled one stays cancelled (a new meeting is created
 * instead, so that invitees receive one clear cancellation).
 */
public enum MeetingState {

	PREVUE("prévue"), ANNULEE("annulée");

	private final String label;

	MeetingState(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

	public boolean mayBecome(MeetingState next) {
		return allowed().contains(next);
	}

	/**
	 * Edits and invitations keep a meeting in its state: only a planned one takes them.
	 */
	public boolean acceptsChanges() {
		return this == PREVUE;
	}

	private Set<MeetingState> allowed() {
		return switch (this) {
			case PREVUE -> Set.of(ANNULEE);
			case ANNULEE -> Set.of();
		};
	}

}
