package dev.writ.server.admin.clients;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A page of clients, in the order of their ids, and where the next page starts
 * ({@code after}) when there may be one: a page shorter than the limit is the last.
 *
 * @param items the clients
 * @param next the value of {@code after} for the next page, or {@code null}
 */
record ClientPage(List<ClientJson> items, @Nullable String next) {

	static ClientPage of(List<ClientJson> items, int limit) {
		return new ClientPage(items, (items.size() == limit) ? items.get(items.size() - 1).clientId() : null);
	}

}
