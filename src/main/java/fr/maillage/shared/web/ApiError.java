package fr.maillage.shared.web;

import java.util.List;

/**
 * The one JSON error body of the API: a French message for people, a stable code for
 * programs, and details (for example the list of missing columns) when there are some.
 */
public record ApiError(int statut, String code, String message, List<String> details) {

	public static ApiError of(int status, String code, String message) {
		return new ApiError(status, code, message, List.of());
	}

}
