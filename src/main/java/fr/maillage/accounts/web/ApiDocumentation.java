package fr.maillage.accounts.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.swagger.v3.core.util.Json31;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Contact;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.tags.Tag;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

/**
 * The OpenAPI 3.1 description of the API (issue 19, ADR 0015), served by springdoc at
 * {@code /api/v1/openapi.json} with its page at {@code /api/documentation}. Springdoc
 * reads the routes, their parameters and the types they return from the controllers; what
 * it cannot know comes from two files kept beside each other so that no controller
 * carries documentation annotations: {@code openapi/routes.json} (French summary,
 * description, tag, parameters and examples of each route, the schema of the answers
 * built as maps) and {@code openapi/schemas.json} (those schemas, JSON Schema 2020-12).
 * Who may call a route is not written there: it is read from {@link ApiAccessRules}, the
 * table Spring Security applies, so the document cannot say a route is public when it is
 * not. It lives here for that reason.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

	/** Name of the bearer token scheme in the document. */
	static final String BEARER = "jeton";

	private static final String ROUTES = "openapi/routes.json";

	private static final String SCHEMAS = "openapi/schemas.json";

	/** What {@code openapi/routes.json} says of one route. */
	record RouteDoc(String tag, String resume, String description, Map<String, ParameterDoc> parametres, String reponse,
			Object exemple) {

		RouteDoc {
			parametres = parametres == null ? Map.of() : parametres;
		}

	}

	/** A parameter of a route: springdoc's own is completed, or added when absent. */
	record ParameterDoc(String description, String exemple, String type, Boolean requis, Boolean liste) {
	}

	@Bean
	OpenAPI maillageOpenApi() {
		return new OpenAPI()
			.info(new Info().title("API Maillage")
				.version("v1")
				.description("""
						L'annuaire des lieux de médiation numérique d'un territoire, les territoires, l'indice de \
						fragilité numérique et la couverture, en lecture libre ; les imports, les sources, \
						les doublons et les comptes pour les administrateurs et les coordinateurs. \
						Les routes marquées d'un cadenas demandent `Authorization: Bearer <jeton>` : le jeton \
						d'administration ou un jeton personnel (`mlg_…`, créé sur /espace). Les erreurs ont \
						toutes la forme `Erreur` (`statut`, `code`, `message` en français, `details`).""")
				.license(new License().name("Code : licence du projet ; données : Licence Ouverte 2.0")
					.url("https://www.etalab.gouv.fr/licence-ouverte-open-licence/"))
				.contact(new Contact().name("Maillage")))
			.components(new Components().addSecuritySchemes(BEARER,
					new SecurityScheme().type(SecurityScheme.Type.HTTP)
						.scheme("bearer")
						.description("Jeton d'administration (MAILLAGE_ADMIN_TOKEN) ou jeton personnel mlg_…")));
	}

	@Bean
	OpenApiCustomizer maillageDescriptions(ObjectMapper json) {
		Map<String, RouteDoc> routes = read(json, ROUTES, new TypeReference<Map<String, RouteDoc>>() {
		});
		Map<String, Schema<?>> schemas = readSchemas();
		return openApi -> describe(openApi, routes, schemas);
	}

	static void describe(OpenAPI openApi, Map<String, RouteDoc> routes, Map<String, Schema<?>> schemas) {
		if (openApi.getComponents() == null) {
			openApi.setComponents(new Components());
		}
		if (openApi.getComponents().getSchemas() != null) {
			openApi.getComponents().getSchemas().values().forEach(ApiDocumentation::allowNulls);
		}
		schemas.forEach(openApi.getComponents()::addSchemas);
		Map<String, Tag> tags = new LinkedHashMap<>();
		if (openApi.getPaths() == null) {
			return;
		}
		openApi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
			String route = method.name() + " " + path;
			RouteDoc doc = routes.get(route);
			if (doc != null) {
				apply(operation, doc);
				tags.computeIfAbsent(doc.tag(), name -> new Tag().name(name));
			}
			boolean open = ApiAccessRules.required(method.name(), path) == ApiAccessRules.Who.EVERYONE;
			ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
			operation.setResponses(responses);
			if (open) {
				operation.setSecurity(null);
			}
			else {
				operation.setSecurity(List.of(new SecurityRequirement().addList(BEARER)));
				responses.addApiResponse("401", error("Sans jeton, ou jeton inconnu ou révoqué (code non_autorise)."));
				responses.addApiResponse("403", error("Jeton valide dont le rôle ne suffit pas (code interdit)."));
			}
			if (!responses.containsKey("400") && operation.getParameters() != null
					&& !operation.getParameters().isEmpty()) {
				responses.addApiResponse("400", error("Paramètre invalide : le message dit lequel et pourquoi."));
			}
			if (path.contains("{") && !responses.containsKey("404")) {
				responses.addApiResponse("404", error("Rien à cette adresse (code introuvable)."));
			}
			responses.forEach((status, response) -> {
				if ("OK".equals(response.getDescription()) || "Created".equals(response.getDescription())
						|| "Accepted".equals(response.getDescription())) {
					response.setDescription("Réponse");
				}
				describeFile(path, response);
			});
		}));
		// the types springdoc met in signatures that are no answer's shape
		openApi.getComponents()
			.getSchemas()
			.keySet()
			.removeIf(name -> name.startsWith("MultiValueMap") || name.equals("StreamingResponseBody"));
		tags.values().stream().sorted((a, b) -> a.getName().compareTo(b.getName())).forEach(openApi::addTagsItem);
	}

	/**
	 * The answers write every property, {@code null} when it has no value
	 * ({@code spring.jackson.default-property-inclusion: always}): a property of a type
	 * springdoc read from a record may be {@code null}.
	 */
	private static void allowNulls(Schema<?> generated) {
		if (generated.getProperties() == null) {
			return;
		}
		generated.getProperties().values().forEach(property -> {
			if (property.get$ref() != null) {
				return;
			}
			Set<String> types = new LinkedHashSet<>();
			if (property.getTypes() != null) {
				types.addAll(property.getTypes());
			}
			else if (property.getType() != null) {
				types.add(property.getType());
			}
			if (!types.isEmpty()) {
				types.add("null");
				property.setTypes(types);
			}
		});
	}

	/**
	 * A streamed answer (CSV, GeoJSON, JSON export) is a file: springdoc only sees
	 * {@code StreamingResponseBody}.
	 */
	private static void describeFile(String path, ApiResponse response) {
		if (response.getContent() == null) {
			return;
		}
		boolean streamed = response.getContent()
			.values()
			.stream()
			.anyMatch(media -> media.getSchema() != null && media.getSchema().get$ref() != null
					&& media.getSchema().get$ref().endsWith("/StreamingResponseBody"));
		if (!streamed) {
			return;
		}
		String type = path.endsWith(".csv") ? "text/csv"
				: path.endsWith(".geojson") ? "application/geo+json" : path.endsWith(".zip") ? "application/zip"
						: path.endsWith(".atom") ? "application/atom+xml" : "application/json";
		Schema<Object> file = typed("string");
		file.setContentMediaType(type);
		response.setContent(new Content().addMediaType(type, new MediaType().schema(file)));
	}

	private static void apply(Operation operation, RouteDoc doc) {
		operation.setTags(List.of(doc.tag()));
		operation.setSummary(doc.resume());
		operation.setDescription(doc.description());
		List<Parameter> parameters = new ArrayList<>();
		if (operation.getParameters() != null) {
			for (Parameter parameter : operation.getParameters()) {
				// a map of every query parameter (MultiValueMap): replaced by those
				// routes.json lists
				boolean wholeQuery = "query".equals(parameter.getIn()) && parameter.getSchema() != null
						&& (parameter.getSchema().get$ref() != null || "object".equals(parameter.getSchema().getType())
								|| (parameter.getSchema().getTypes() != null
										&& parameter.getSchema().getTypes().contains("object")));
				if (!wholeQuery) {
					parameters.add(parameter);
				}
			}
		}
		doc.parametres().forEach((name, described) -> {
			Parameter parameter = parameters.stream()
				.filter(existing -> existing.getName().equals(name))
				.findFirst()
				.orElseGet(() -> {
					Parameter added = new Parameter().name(name)
						.in("query")
						.required(Boolean.TRUE.equals(described.requis()));
					parameters.add(added);
					return added;
				});
			parameter.setDescription(described.description());
			if (described.exemple() != null) {
				parameter.setExample(described.exemple());
			}
			if (parameter.getSchema() == null) {
				Schema<Object> schema = typed(described.type() == null ? "string" : described.type());
				parameter.setSchema(Boolean.TRUE.equals(described.liste()) ? typed("array").items(schema) : schema);
				if (Boolean.TRUE.equals(described.liste())) {
					parameter.explode(true);
				}
			}
		});
		operation.setParameters(parameters.isEmpty() ? null : parameters);
		if (doc.reponse() != null) {
			ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
			ApiResponse ok = responses.get("200") != null ? responses.get("200") : new ApiResponse();
			MediaType media = new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + doc.reponse()));
			if (doc.exemple() != null) {
				media.setExample(doc.exemple());
			}
			ok.setContent(new Content().addMediaType("application/json", media));
			ok.setDescription(
					ok.getDescription() == null || ok.getDescription().equals("OK") ? "Réponse" : ok.getDescription());
			responses.addApiResponse("200", ok);
			operation.setResponses(responses);
		}
	}

	private static Schema<Object> typed(String type) {
		Schema<Object> schema = new Schema<>();
		schema.addType(type);
		return schema;
	}

	private static ApiResponse error(String description) {
		return new ApiResponse().description(description)
			.content(new Content().addMediaType("application/json",
					new MediaType().schema(new Schema<>().$ref("#/components/schemas/Erreur"))));
	}

	private static <T> T read(ObjectMapper json, String resource, TypeReference<T> type) {
		try (InputStream in = new ClassPathResource(resource).getInputStream()) {
			return json.readValue(in, type);
		}
		catch (IOException unreadable) {
			throw new UncheckedIOException(resource, unreadable);
		}
	}

	/** The schemas, read by swagger's own 3.1 reader so that every keyword is kept. */
	@SuppressWarnings({ "unchecked", "rawtypes" })
	static Map<String, Schema<?>> readSchemas() {
		try (InputStream in = new ClassPathResource(SCHEMAS).getInputStream()) {
			com.fasterxml.jackson.databind.JsonNode tree = Json31.mapper().readTree(in);
			Map<String, Schema<?>> schemas = new LinkedHashMap<>();
			for (Map.Entry<String, com.fasterxml.jackson.databind.JsonNode> entry : tree.properties()) {
				schemas.put(entry.getKey(), (Schema) Json31.mapper().convertValue(entry.getValue(), Schema.class));
			}
			return schemas;
		}
		catch (IOException unreadable) {
			throw new UncheckedIOException(SCHEMAS, unreadable);
		}
	}

}
