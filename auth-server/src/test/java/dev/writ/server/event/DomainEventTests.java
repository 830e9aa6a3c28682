package dev.writ.server.event;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** {@link DomainEvent}, {@link Actor}, {@link Target} and {@link EventDetails}. */
class DomainEventTests {

	private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

	private static DomainEvent event(String type) {
		return new DomainEvent(type, "org_acme", Actor.user("usr_alice"), new Target(Target.MEMBERSHIP, "usr_adam"),
				null, NOW, Map.of());
	}

	private static DomainEvent event(Map<String, Object> details) {
		return new DomainEvent(DomainEventTypes.MEMBERSHIP_ADDED, "org_acme", Actor.user("usr_alice"),
				new Target(Target.MEMBERSHIP, "usr_adam"), null, NOW, details);
	}

	@Test
	void constructorWhenTypeNotDottedLowerCaseThenRefused() {
		for (String type : List.of("membership", "Membership.Added", "membership.", ".added", "membership added",
				"membership.role-changed")) {
			assertThatIllegalArgumentException().as(type).isThrownBy(() -> event(type));
		}
		assertThat(event("membership.role_changed").type()).isEqualTo("membership.role_changed");
	}

	@Test
	void constructorWhenDetailsChangedAfterwardsThenEventKeepsItsCopy() {
		List<Object> scopes = new ArrayList<>(List.of("read:projects"));
		Map<String, Object> nested = new HashMap<>(Map.of("scopes", scopes));
		Map<String, Object> details = new HashMap<>(Map.of("grant", nested, "name", "ci"));
		DomainEvent event = event(details);
		details.put("name", "changed");
		nested.put("added", true);
		scopes.add("write:projects");
		assertThat(event.details())
			.isEqualTo(Map.of("grant", Map.of("scopes", List.of("read:projects")), "name", "ci"));
		assertThatExceptionOfType(UnsupportedOperationException.class)
			.isThrownBy(() -> event.details().put("name", "x"));
	}

	@Test
	void constructorWhenWholeNumbersThenKeptAsLong() {
		DomainEvent event = event(Map.of("count", 3, "small", (short) 2, "big", 5_000_000_000L, "ratio", 0.5));
		assertThat(event.details()).containsEntry("count", 3L)
			.containsEntry("small", 2L)
			.containsEntry("big", 5_000_000_000L)
			.containsEntry("ratio", 0.5);
	}

	@Test
	void constructorWhenDetailIsNotAJsonValueThenRefusedNamingIt() {
		assertThatIllegalArgumentException().isThrownBy(() -> event(Map.of("expires_at", NOW)))
			.withMessageContaining("details.expires_at is a java.time.Instant");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> event(Map.of("grant", Map.of("scopes", List.of("a", Actor.user("x"))))))
			.withMessageContaining("details.grant.scopes[1]");
		assertThatIllegalArgumentException().isThrownBy(() -> event(Map.of("ratio", Double.NaN)))
			.withMessageContaining("JSON cannot hold");
		assertThatIllegalArgumentException().isThrownBy(() -> event(Map.of("nested", Map.of(1, "one"))))
			.withMessageContaining("not a string");
	}

	@Test
	void constructorWhenDetailIsNullThenRefused() {
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("role", null);
		assertThatExceptionOfType(NullPointerException.class).isThrownBy(() -> event(details))
			.withMessageContaining("details.role is null");
	}

	@Test
	void constructorWhenRequiredPartMissingThenRefused() {
		Target target = new Target(Target.CLIENT, "demo-web");
		assertThatExceptionOfType(NullPointerException.class).isThrownBy(
				() -> new DomainEvent(DomainEventTypes.CLIENT_CREATED, null, null, target, null, NOW, Map.of()));
		assertThatExceptionOfType(NullPointerException.class)
			.isThrownBy(() -> new DomainEvent(DomainEventTypes.CLIENT_CREATED, null, Actor.system("x"), target, null,
					null, Map.of()));
		assertThatExceptionOfType(NullPointerException.class)
			.isThrownBy(() -> new DomainEvent(DomainEventTypes.CLIENT_CREATED, null, Actor.system("x"), target, null,
					NOW, null));
	}

	@Test
	void actorWhenKnownKindThenMadeAndUnknownRefused() {
		assertThat(Actor.user("usr_1")).isEqualTo(new Actor("user", "usr_1"));
		assertThat(Actor.client("demo-web")).isEqualTo(new Actor("client", "demo-web"));
		assertThat(Actor.system("key-rotation")).isEqualTo(new Actor("system", "key-rotation"));
		assertThatIllegalArgumentException().isThrownBy(() -> new Actor("admin", "usr_1"))
			.withMessage("unknown actor kind 'admin'");
	}

	@Test
	void targetWhenKindNotALowerCaseWordThenRefused() {
		assertThat(new Target(Target.API_TOKEN, "tok_1").kind()).isEqualTo("api_token");
		assertThatIllegalArgumentException().isThrownBy(() -> new Target("API token", "tok_1"));
		assertThatIllegalArgumentException().isThrownBy(() -> new Target("", "tok_1"));
	}

}
