package dev.writ.server.admin;

import java.util.List;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

/**
 * A list answer: the items, and where the next page starts ({@code after}) when there may
 * be one. A page shorter than the limit asked for is the last.
 *
 * @param items the items, in the list's order
 * @param next the value of {@code after} for the next page, or {@code null}
 * @param <T> the item type
 */
public record Page<T>(List<T> items, @Nullable String next) {

	public static <T> Page<T> of(List<T> items) {
		return new Page<>(items, null);
	}

	public static <T> Page<T> of(List<T> items, int limit, Function<T, String> cursor) {
		return new Page<>(items, (items.size() == limit) ? cursor.apply(items.get(items.size() - 1)) : null);
	}

}
