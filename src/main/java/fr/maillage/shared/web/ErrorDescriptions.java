package fr.maillage.shared.web;

import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * What to tell the user about a failed request: status, stable code and French message,
 * the same for the API's JSON and for the pages, whether the error was raised in a
 * controller or before one (security filters, routing). Messages of exceptions are shown
 * only when the application wrote them in French; framework and parser messages (English,
 * sometimes with class names) never reach a response.
 */
final class ErrorDescriptions {

	/** The one message of an unexpected error: nothing about its cause leaks. */
	static final String UNEXPECTED = "Une erreur inattendue est survenue ; rien n'a été modifié. Réessayez ou contactez l'équipe.";

	/** PostgreSQL's "character not in repertoire", raised by a 0x00 in a text value. */
	private static final String NUL_IN_TEXT_SQL_STATE = "22021";

	private ErrorDescriptions() {
	}

	/** A failed request as the user sees it. */
	record Description(HttpStatus status, String code, String message, List<String> details) {

		Description(HttpStatus status, String code, String message) {
			this(status, code, message, List.of());
		}

		ApiError toApiError() {
			return new ApiError(status.value(), code, message, details);
		}

		boolean unexpected() {
			return status.is5xxServerError();
		}

	}

	/**
	 * @param error what went wrong, when known
	 * @param status the status already decided (by a filter, Spring's resolvers or the
	 * servlet container), used when the error says nothing more
	 */
	static Description describe(@Nullable Throwable error, int status) {
		if (error != null) {
			Description described = describe(error);
			if (described != null) {
				return described;
			}
		}
		return ofStatus(status);
	}

	private static @Nullable Description describe(Throwable error) {
		if (error instanceof BadRequestException e) {
			return new Description(HttpStatus.BAD_REQUEST, e.code(), e.getMessage(), e.details());
		}
		if (error instanceof NotFoundException e) {
			return new Description(HttpStatus.NOT_FOUND, "introuvable", e.getMessage());
		}
		if (error instanceof ConflictException e) {
			return new Description(HttpStatus.CONFLICT, e.code(), e.getMessage());
		}
		if (error instanceof HttpMessageNotReadableException e) {
			return JsonErrors.describe(e);
		}
		if (error instanceof HttpMediaTypeNotSupportedException e) {
			String type = e.getContentType() == null ? "absent" : "« " + e.getContentType() + " »";
			String expected = e.getSupportedMediaTypes()
				.stream()
				.map(Object::toString)
				.collect(Collectors.joining(", "));
			return new Description(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "type_de_contenu_non_accepte",
					"Le type de contenu " + type + " n'est pas accepté ici"
							+ (expected.isEmpty() ? "." : " : envoyez " + expected + "."));
		}
		if (error instanceof HttpRequestMethodNotSupportedException e) {
			return methodNotAllowed(e.getMethod(),
					e.getSupportedMethods() == null ? List.of() : List.of(e.getSupportedMethods()));
		}
		if (error instanceof HttpMediaTypeNotAcceptableException) {
			return ofStatus(HttpStatus.NOT_ACCEPTABLE.value());
		}
		if (error instanceof NoResourceFoundException || error instanceof NoHandlerFoundException) {
			return ofStatus(HttpStatus.NOT_FOUND.value());
		}
		if (error instanceof MissingServletRequestPartException e) {
			return new Description(HttpStatus.BAD_REQUEST, "partie_manquante",
					"La partie « " + e.getRequestPartName() + " » manque dans le formulaire envoyé.");
		}
		if (error instanceof MissingServletRequestParameterException e) {
			return new Description(HttpStatus.BAD_REQUEST, "parametre_manquant",
					"Le paramètre « " + e.getParameterName() + " » est obligatoire.");
		}
		if (error instanceof MethodArgumentTypeMismatchException e) {
			return new Description(HttpStatus.BAD_REQUEST, "parametre_invalide",
					"La valeur « " + printable(String.valueOf(e.getValue())) + " » du paramètre « " + e.getName()
							+ " » n'est pas valide.");
		}
		if (error instanceof MaxUploadSizeExceededException) {
			return new Description(HttpStatus.CONTENT_TOO_LARGE, "fichier_trop_gros",
					"Le fichier dépasse la taille maximale acceptée.");
		}
		if (error instanceof MultipartException) {
			return new Description(HttpStatus.BAD_REQUEST, "formulaire_invalide",
					"Le formulaire envoyé (multipart/form-data) est mal formé ou incomplet.");
		}
		if (error instanceof RequestRejectedException) {
			return new Description(HttpStatus.BAD_REQUEST, "adresse_invalide",
					"L'adresse demandée contient des caractères refusés.");
		}
		// the application's own refusals are written in French (PlaceEditing,
		// Moderation…); the framework's subclasses are not
		if (error.getClass() == AccessDeniedException.class) {
			return new Description(HttpStatus.FORBIDDEN, "acces_refuse", error.getMessage());
		}
		if (error instanceof AccessDeniedException) {
			return ofStatus(HttpStatus.FORBIDDEN.value());
		}
		if (isNulInText(error)) {
			return nulCharacter();
		}
		if (error instanceof ErrorResponse e) {
			return ofStatus(e.getStatusCode().value());
		}
		return null;
	}

	/** The answer to a text holding U+0000, which PostgreSQL cannot store. */
	static Description nulCharacter() {
		return new Description(HttpStatus.BAD_REQUEST, "caractere_nul",
				"La requête contient un caractère nul (U+0000), qui n'est accepté dans aucun texte : retirez-le.");
	}

	static Description methodNotAllowed(String method, Collection<String> allowed) {
		return new Description(HttpStatus.METHOD_NOT_ALLOWED, "methode_non_autorisee",
				"La méthode " + method + " n'est pas acceptée à cette adresse"
						+ (allowed.isEmpty() ? "." : " (méthodes acceptées : " + String.join(", ", allowed) + ")."));
	}

	private static final Map<Integer, Description> BY_STATUS = Map.ofEntries(
			entry(HttpStatus.BAD_REQUEST, "requete_invalide", "La requête n'est pas valide."),
			entry(HttpStatus.UNAUTHORIZED, "authentification_requise",
					"Authentification requise : connectez-vous ou fournissez un jeton d'accès."),
			entry(HttpStatus.FORBIDDEN, "acces_refuse",
					"Cette demande a été refusée : vous n'y avez pas accès, ou le formulaire a expiré. "
							+ "Rechargez la page et réessayez."),
			entry(HttpStatus.NOT_FOUND, "introuvable", "Rien ne se trouve à cette adresse."),
			entry(HttpStatus.METHOD_NOT_ALLOWED, "methode_non_autorisee",
					"Cette méthode n'est pas acceptée à cette adresse."),
			entry(HttpStatus.NOT_ACCEPTABLE, "format_non_disponible",
					"Le format de réponse demandé (en-tête Accept) n'est pas disponible ici."),
			entry(HttpStatus.CONFLICT, "conflit", "La demande contredit l'état actuel des données."),
			entry(HttpStatus.CONTENT_TOO_LARGE, "requete_trop_grosse", "La requête dépasse la taille acceptée."),
			entry(HttpStatus.URI_TOO_LONG, "adresse_trop_longue", "L'adresse demandée est trop longue."),
			entry(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "type_de_contenu_non_accepte",
					"Le type de contenu envoyé n'est pas accepté ici."),
			entry(HttpStatus.TOO_MANY_REQUESTS, "trop_de_requetes",
					"Trop de demandes en peu de temps : patientez un peu avant de réessayer."),
			entry(HttpStatus.SERVICE_UNAVAILABLE, "service_indisponible",
					"Le service est momentanément indisponible : réessayez dans quelques minutes."));

	private static Map.Entry<Integer, Description> entry(HttpStatus status, String code, String message) {
		return Map.entry(status.value(), new Description(status, code, message));
	}

	static Description ofStatus(int status) {
		Description known = BY_STATUS.get(status);
		if (known != null) {
			return known;
		}
		HttpStatus resolved = HttpStatus.resolve(status);
		if (resolved != null && resolved.is4xxClientError()) {
			return new Description(resolved, "requete_refusee", "La requête n'a pas pu être traitée.");
		}
		return new Description(HttpStatus.INTERNAL_SERVER_ERROR, "erreur_interne", UNEXPECTED);
	}

	private static boolean isNulInText(Throwable error) {
		for (Throwable cause = error; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
			if (cause instanceof SQLException sql && NUL_IN_TEXT_SQL_STATE.equals(sql.getSQLState())) {
				return true;
			}
		}
		return false;
	}

	/** A value echoed in a message, without control characters. */
	static String printable(String value) {
		String shown = value.length() > 80 ? value.substring(0, 80) + "…" : value;
		return shown.codePoints()
			.map(c -> Character.isISOControl(c) ? '?' : c)
			.collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
			.toString();
	}

	/** French words for what Jackson and Spring say about a JSON body. */
	static final class JsonErrors {

		private JsonErrors() {
		}

		static Description describe(HttpMessageNotReadableException e) {
			Throwable cause = e.getCause();
			if (cause instanceof NulCharacterException nul) {
				return new Description(HttpStatus.BAD_REQUEST, "caractere_nul", "Le champ « " + field(nul)
						+ " » contient un caractère nul (U+0000), qui n'est accepté dans aucun texte : retirez-le.");
			}
			if (cause instanceof MismatchedInputException mismatch) {
				return mismatch(mismatch);
			}
			if (cause instanceof StreamConstraintsException) {
				return invalid(
						"il dépasse les limites acceptées (imbrication de plus de "
								+ JsonInputConfiguration.MAX_NESTING_DEPTH + " niveaux, nombre ou texte trop long)",
						null);
			}
			if (cause instanceof StreamReadException read) {
				return invalid(syntax(read.getOriginalMessage()), read.getLocation());
			}
			if (cause instanceof JacksonException jackson) {
				return invalid("sa syntaxe est incorrecte", jackson.getLocation());
			}
			// Spring's own refusal without a cause: no body, or the JSON value null
			return new Description(HttpStatus.BAD_REQUEST, "corps_manquant",
					"Le corps de la requête est vide (ou vaut null) : envoyez un objet JSON.");
		}

		private static Description invalid(String why, @Nullable TokenStreamLocation location) {
			String where = location == null || location.getLineNr() < 1 ? ""
					: " (ligne " + location.getLineNr() + ", colonne " + location.getColumnNr() + ")";
			return new Description(HttpStatus.BAD_REQUEST, "json_invalide",
					"Le corps de la requête n'est pas un JSON valide : " + why + where + ".");
		}

		private static String syntax(@Nullable String parserMessage) {
			String message = parserMessage == null ? "" : parserMessage.toLowerCase(Locale.ROOT);
			if (message.contains("utf-8") || message.contains("utf8") || message.contains("encoding")) {
				return "ses octets ne sont pas de l'UTF-8 valide";
			}
			if (message.contains("end-of-input") || message.contains("eof")) {
				return "le texte s'arrête avant la fin de la valeur";
			}
			if (message.contains("ctrl-char") || message.contains("control character")) {
				return "un caractère de contrôle n'est pas échappé dans un texte";
			}
			if (message.contains("duplicate")) {
				return "un même champ y est donné deux fois";
			}
			if (message.contains("unrecognized token")) {
				return "un mot n'est pas reconnu (true, false, null, un nombre ou un texte entre guillemets attendus)";
			}
			if (message.contains("numeric value") || message.contains("number")) {
				return "un nombre est mal écrit ou hors limites";
			}
			if (message.contains("unexpected character")) {
				return "un caractère est inattendu à cet endroit";
			}
			return "sa syntaxe est incorrecte";
		}

		private static Description mismatch(MismatchedInputException e) {
			String expected = expected(e.getTargetType());
			if (e.getPath().isEmpty()) {
				return new Description(HttpStatus.BAD_REQUEST, "json_inattendu",
						"Le corps de la requête doit être " + expected + ".");
			}
			return new Description(HttpStatus.BAD_REQUEST, "champ_invalide",
					"Le champ « " + field(e) + " » attend " + expected + ".");
		}

		private static String expected(@Nullable Class<?> type) {
			if (type == null) {
				return "une autre valeur";
			}
			if (type == String.class || type == Character.class || type == char.class || type.isEnum()) {
				return "un texte";
			}
			if (Number.class.isAssignableFrom(type) || type == int.class || type == long.class || type == double.class
					|| type == float.class || type == short.class) {
				return type == Integer.class || type == int.class || type == Long.class || type == long.class
						|| type == Short.class || type == short.class ? "un nombre entier" : "un nombre";
			}
			if (type == Boolean.class || type == boolean.class) {
				return "un booléen (true ou false)";
			}
			if (Collection.class.isAssignableFrom(type) || type.isArray()) {
				return "une liste";
			}
			return "un objet JSON";
		}

		private static String field(JacksonException e) {
			StringBuilder path = new StringBuilder();
			for (JacksonException.Reference reference : e.getPath()) {
				if (reference.getPropertyName() != null) {
					if (!path.isEmpty()) {
						path.append('.');
					}
					path.append(printable(reference.getPropertyName()));
				}
				else if (reference.getIndex() >= 0) {
					path.append('[').append(reference.getIndex()).append(']');
				}
			}
			return path.isEmpty() ? "?" : path.toString();
		}

	}

}
