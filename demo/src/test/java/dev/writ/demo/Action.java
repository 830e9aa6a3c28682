package dev.writ.demo;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.writ.demo.JsonCall.Answer;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpMethod;

/**
 * One row of the role table: something a user does, the request that does it, and the
 * status each built-in role gets. The request's path is the one the table shows, with its
 * variables ({@code {org}} is always the scene's organization) filled in by the row's
 * {@link Setup}, so what the README says is what the test sends.
 *
 * @param name what the user does, in words
 * @param api which service answers
 * @param method the HTTP method
 * @param path the path, with {@code {variables}}
 * @param statuses the status for each role of {@link RoleActionTable#ROLES}
 * @param setup prepares one cell's targets and knows its effect
 */
record Action(String name, Api api, HttpMethod method, String path, Map<String, Integer> statuses, Setup setup) {

	Action {
		statuses = Map.copyOf(statuses);
	}

	/** A row: {@code owner}, {@code admin} and {@code member} get these statuses. */
	static Action of(String name, Api api, HttpMethod method, String path, int owner, int admin, int member,
			Setup setup) {
		Map<String, Integer> statuses = new LinkedHashMap<>();
		List<Integer> values = List.of(owner, admin, member);
		for (int i = 0; i < RoleActionTable.ROLES.size(); i++) {
			statuses.put(RoleActionTable.ROLES.get(i), values.get(i));
		}
		return new Action(name, api, method, path, statuses, setup);
	}

	int status(String role) {
		return this.statuses.get(role);
	}

	/** How the table shows the request. */
	String request() {
		return this.api.label() + " `" + this.method.name() + " " + this.path + "`";
	}

	/** The request of one cell, its variables filled in. */
	JsonCall call(Scene scene, Prepared prepared) {
		String expanded = this.path.replace("{org}", scene.organizationId());
		for (Map.Entry<String, String> variable : prepared.variables().entrySet()) {
			expanded = expanded.replace("{" + variable.getKey() + "}", variable.getValue());
		}
		if (expanded.contains("{")) {
			throw new IllegalStateException("the setup of '" + this.name + "' left a variable in " + expanded);
		}
		return new JsonCall(this.method, expanded, prepared.body());
	}

	/** The services a row's request goes to. */
	enum Api {

		SAMPLE_API("sample-api"), ADMIN_API("admin API");

		private final String label;

		Api(String label) {
			this.label = label;
		}

		String label() {
			return this.label;
		}

	}

	/** Prepares one cell: creates what the request acts on, as someone else. */
	@FunctionalInterface
	interface Setup {

		Prepared prepare(Scene scene, String role);

	}

	/**
	 * Checks what the request did to the product: the change when it was allowed, no
	 * change when it was refused.
	 */
	@FunctionalInterface
	interface Effect {

		void check(Answer answer, boolean allowed);

	}

	/**
	 * One cell's request, ready.
	 *
	 * @param variables the path's variables besides {@code {org}}
	 * @param body the JSON body, or {@code null}
	 * @param effect what to check afterwards
	 */
	record Prepared(Map<String, String> variables, @Nullable Object body, Effect effect) {

		static Prepared request(Effect effect) {
			return new Prepared(Map.of(), null, effect);
		}

		static Prepared request(Object body, Effect effect) {
			return new Prepared(Map.of(), body, effect);
		}

		static Prepared on(String variable, String value, Effect effect) {
			return new Prepared(Map.of(variable, value), null, effect);
		}

		static Prepared on(String variable, String value, Object body, Effect effect) {
			return new Prepared(Map.of(variable, value), body, effect);
		}

	}

}
