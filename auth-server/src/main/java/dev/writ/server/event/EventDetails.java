package dev.writ.server.event;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The values an event's details may hold: exactly what JSON can carry and give back
 * unchanged, so that the details read back from the audit log (or a webhook's body) equal
 * the ones published.
 *
 * <p>
 * Allowed are strings, booleans, whole numbers (kept as {@link Long}, since a JSON reader
 * cannot tell an {@code int} from a {@code long}), finite doubles, and lists and maps
 * (with string keys) of those. A {@code null} is refused: leave the key out instead. Any
 * other type (an {@code Instant}, an enum, a record) is refused when the event is built,
 * where the mistake is, rather than when a listener fails to serialize it; write a time
 * as an ISO-8601 string.
 */
public final class EventDetails {

	private EventDetails() {
	}

	/**
	 * A deep immutable copy of {@code details}.
	 * @throws IllegalArgumentException if a value is not a JSON value
	 * @throws NullPointerException if a key or value is {@code null}
	 */
	public static Map<String, Object> copyOf(Map<String, ?> details) {
		Objects.requireNonNull(details, "details");
		return copyMap(details, "details");
	}

	private static Map<String, Object> copyMap(Map<?, ?> map, String path) {
		Map<String, Object> copy = new LinkedHashMap<>();
		map.forEach((key, value) -> {
			if (!(key instanceof String name)) {
				throw new IllegalArgumentException(path + " has a key that is not a string: " + key);
			}
			copy.put(name, copyValue(value, path + "." + name));
		});
		return Map.copyOf(copy);
	}

	private static Object copyValue(Object value, String path) {
		Objects.requireNonNull(value, () -> path + " is null; leave it out instead");
		if (value instanceof String || value instanceof Boolean || value instanceof Long) {
			return value;
		}
		if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
			return ((Number) value).longValue();
		}
		if (value instanceof Double number) {
			if (!Double.isFinite(number)) {
				throw new IllegalArgumentException(path + " is " + number + ", which JSON cannot hold");
			}
			return number;
		}
		if (value instanceof List<?> list) {
			List<Object> copy = new ArrayList<>(list.size());
			for (int i = 0; i < list.size(); i++) {
				copy.add(copyValue(list.get(i), path + "[" + i + "]"));
			}
			return List.copyOf(copy);
		}
		if (value instanceof Map<?, ?> map) {
			return copyMap(map, path);
		}
		throw new IllegalArgumentException(
				path + " is a " + value.getClass().getName() + ", not a string, boolean, number, list or map");
	}

}
