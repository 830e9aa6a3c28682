package dev.writ.demo;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.provider.Arguments;

/**
 * The role × action table, defined once: the README publishes it ({@link #markdown()}
 * must equal the README's table, a test checks) and the parameterized test plays every
 * cell. Rows go through sample-api first, then the admin API; the organization's deletion
 * comes last, since its owner's cell ends the scratch organization.
 */
final class RoleActionTable {

	/** The built-in roles, highest first: the table's columns. */
	static final List<String> ROLES = List.of("owner", "admin", "member");

	private RoleActionTable() {
	}

	static List<Action> actions() {
		List<Action> actions = new ArrayList<>();
		actions.addAll(SampleApiActions.actions());
		actions.addAll(OrganizationActions.actions());
		actions.addAll(InvitationActions.actions());
		actions.addAll(ApiTokenActions.actions());
		actions.addAll(RoleActions.actions());
		actions.addAll(ClientActions.actions());
		actions.addAll(UserActions.actions());
		actions.add(OrganizationActions.deleteOrganization());
		return List.copyOf(actions);
	}

	/**
	 * Every cell, row by row; within a row the lowest role first, so that a refused
	 * attempt comes before the one that succeeds (which, for the last row, deletes the
	 * organization).
	 */
	static Stream<Arguments> cells() {
		List<String> lowestFirst = new ArrayList<>(ROLES);
		Collections.reverse(lowestFirst);
		return actions().stream()
			.flatMap((action) -> lowestFirst.stream()
				.map((role) -> Arguments.of(Named.of(action.name(), action), role)));
	}

	/** The table as the README shows it. */
	static String markdown() {
		StringBuilder table = new StringBuilder("| action | request |");
		ROLES.forEach((role) -> table.append(' ').append(role).append(" |"));
		table.append("\n|---|---|");
		ROLES.forEach((role) -> table.append("---|"));
		for (Action action : actions()) {
			table.append("\n| ").append(action.name()).append(" | ").append(action.request()).append(" |");
			ROLES.forEach((role) -> table.append(' ').append(action.status(role)).append(" |"));
		}
		return table.append('\n').toString();
	}

}
