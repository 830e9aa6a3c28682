package dev.writ.server.test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpMethod;

/**
 * The admin API's OpenAPI document as the tests read it: its operations (method, path
 * template, operationId), and which operation a concrete request is.
 */
public final class AdminApiDocument {

	private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options",
			"trace");

	private static final Pattern VARIABLE = Pattern.compile("\\{[^/}]+}");

	private static final JsonNode DOCUMENT = load();

	private static final List<Operation> OPERATIONS = operations(DOCUMENT);

	private AdminApiDocument() {
	}

	public static JsonNode document() {
		return DOCUMENT;
	}

	public static List<Operation> operations() {
		return OPERATIONS;
	}

	/** The operation a request with {@code method} to {@code path} (no query) is. */
	public static Operation operationOf(HttpMethod method, String path) {
		for (Operation operation : OPERATIONS) {
			if (operation.method().equals(method) && operation.matches(path)) {
				return operation;
			}
		}
		throw new AssertionError("no documented operation for " + method + " " + path);
	}

	public static JsonNode parse(byte[] json) {
		return JsonMapper.builder().build().readTree(json);
	}

	private static JsonNode load() {
		try (InputStream in = new ClassPathResource("admin-api/openapi.json").getInputStream()) {
			return parse(in.readAllBytes());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static List<Operation> operations(JsonNode document) {
		List<Operation> operations = new ArrayList<>();
		for (Map.Entry<String, JsonNode> path : document.get("paths").properties()) {
			for (Map.Entry<String, JsonNode> method : path.getValue().properties()) {
				if (METHODS.contains(method.getKey())) {
					JsonNode id = method.getValue().get("operationId");
					operations.add(new Operation(HttpMethod.valueOf(method.getKey().toUpperCase(Locale.ROOT)),
							path.getKey(), (id != null) ? id.asString() : null, method.getValue()));
				}
			}
		}
		return List.copyOf(operations);
	}

	/**
	 * A path template with every variable written {@code {}}, for comparing templates.
	 */
	public static String normalized(String template) {
		return VARIABLE.matcher(template).replaceAll("{}");
	}

	/**
	 * One documented operation.
	 *
	 * @param method its method
	 * @param path its path template, e.g. {@code /admin/api/organizations/{org}}
	 * @param operationId its id
	 * @param node the operation object
	 */
	public record Operation(HttpMethod method, String path, String operationId, JsonNode node) {

		boolean matches(String concretePath) {
			String regex = VARIABLE.matcher(Pattern.quote(this.path)).replaceAll("\\\\E[^/]+\\\\Q");
			return concretePath.matches(regex);
		}

		/** The response statuses the document lists. */
		public Set<String> statuses() {
			return Set.copyOf(this.node.get("responses").propertyNames());
		}

	}

}
