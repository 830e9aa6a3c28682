package dev.writ.server.test;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.springframework.context.ApplicationContext;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpMethod;
import org.springframework.web.reactive.function.server.HandlerFunction;
import org.springframework.web.reactive.function.server.RequestPredicate;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;

import reactor.core.publisher.Mono;

/**
 * Every (method, path template) that the application's router functions serve below a
 * prefix, read from the routes themselves (Spring's visitors), so a test can compare them
 * with the OpenAPI document. A route without a method (the 405 fallbacks) serves no
 * operation and is left out.
 */
public final class AdminApiRoutes {

	private AdminApiRoutes() {
	}

	/** {@code "GET /admin/api/organizations/{org}"} and so on. */
	public static Set<String> served(ApplicationContext context, String prefix) {
		Set<String> routes = new LinkedHashSet<>();
		for (RouterFunction<?> function : context.getBeansOfType(RouterFunction.class).values()) {
			function.accept(new Routes(routes));
		}
		routes.removeIf((route) -> !route.substring(route.indexOf(' ') + 1).startsWith(prefix));
		return routes;
	}

	private static final class Routes implements RouterFunctions.Visitor {

		private final Set<String> routes;

		private final Deque<String> prefixes = new ArrayDeque<>();

		Routes(Set<String> routes) {
			this.routes = routes;
		}

		@Override
		public void startNested(RequestPredicate predicate) {
			Predicate parts = Predicate.of(predicate);
			this.prefixes.push(prefix() + String.join("", parts.paths));
		}

		@Override
		public void endNested(RequestPredicate predicate) {
			this.prefixes.pop();
		}

		@Override
		public void route(RequestPredicate predicate, HandlerFunction<?> handler) {
			Predicate parts = Predicate.of(predicate);
			for (HttpMethod method : parts.methods) {
				for (String path : parts.paths.isEmpty() ? List.of("") : parts.paths) {
					this.routes.add(method.name() + " " + prefix() + path);
				}
			}
		}

		private String prefix() {
			return this.prefixes.isEmpty() ? "" : this.prefixes.peek();
		}

		@Override
		public void resources(Function<ServerRequest, Mono<Resource>> lookupFunction) {
		}

		@Override
		public void attributes(Map<String, Object> attributes) {
		}

		@Override
		public void unknown(RouterFunction<?> routerFunction) {
		}

	}

	/** The methods and paths a predicate names, however they are combined. */
	private static final class Predicate implements RequestPredicates.Visitor {

		private final Set<HttpMethod> methods = new LinkedHashSet<>();

		private final List<String> paths = new ArrayList<>();

		static Predicate of(RequestPredicate predicate) {
			Predicate parts = new Predicate();
			predicate.accept(parts);
			return parts;
		}

		@Override
		public void method(Set<HttpMethod> methods) {
			this.methods.addAll(methods);
		}

		@Override
		public void path(String pattern) {
			this.paths.add(pattern);
		}

		@Override
		public void pathExtension(String extension) {
		}

		@Override
		public void header(String name, String value) {
		}

		@Override
		public void queryParam(String name, String value) {
		}

		@Override
		public void version(String version) {
		}

		@Override
		public void startAnd() {
		}

		@Override
		public void and() {
		}

		@Override
		public void endAnd() {
		}

		@Override
		public void startOr() {
		}

		@Override
		public void or() {
		}

		@Override
		public void endOr() {
		}

		@Override
		public void startNegate() {
		}

		@Override
		public void endNegate() {
		}

		@Override
		public void unknown(RequestPredicate predicate) {
		}

	}

}
