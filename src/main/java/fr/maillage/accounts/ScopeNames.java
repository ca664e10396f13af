package fr.maillage.accounts;

/**
 * How the pages name an account's scopes: « Rhône (69) » rather than
 * {@code departement:69}. The territories and structures that know the names live in
 * modules that depend on this one, hence a port (implemented by the opendata module).
 */
public interface ScopeNames {

	/** The scope in words, the scope itself when its name is unknown. */
	String describe(String scope);

}
