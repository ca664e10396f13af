package fr.maillage.territories;

/** Levels a lieu can be filtered by, above the commune. */
public enum TerritoryLevel {

	EPCI, DEPARTEMENT, REGION

}
