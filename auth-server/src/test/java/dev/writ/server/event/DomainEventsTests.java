package dev.writ.server.event;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.annotation.Order;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link DomainEvents}: every listener, in order, and a failure fails the publication.
 */
class DomainEventsTests {

	private static final DomainEvent EVENT = new DomainEvent(DomainEventTypes.MEMBERSHIP_ROLE_CHANGED, "org_acme",
			Actor.user("usr_alice"), new Target(Target.MEMBERSHIP, "usr_adam"), "192.0.2.1",
			Instant.parse("2026-03-01T10:00:00Z"), Map.of("from", "member", "to", "admin"));

	/** What the listeners saw, shared by the listener beans of one test. */
	static final class Calls {

		final List<String> names = new CopyOnWriteArrayList<>();

		final List<DomainEvent> events = new CopyOnWriteArrayList<>();

		Mono<Void> record(String name, DomainEvent event) {
			return Mono.fromRunnable(() -> {
				this.names.add(name);
				this.events.add(event);
			});
		}

	}

	@Order(1)
	static final class First implements DomainEventListener {

		private final Calls calls;

		First(Calls calls) {
			this.calls = calls;
		}

		@Override
		public Mono<Void> on(DomainEvent event) {
			// completes later than the others would: the next one must still wait for it
			return Mono.delay(Duration.ofMillis(50)).then(this.calls.record("first", event));
		}

	}

	@Order(2)
	static final class Second implements DomainEventListener {

		private final Calls calls;

		Second(Calls calls) {
			this.calls = calls;
		}

		@Override
		public Mono<Void> on(DomainEvent event) {
			return this.calls.record("second", event);
		}

	}

	@Order(3)
	static final class Third implements DomainEventListener {

		private final Calls calls;

		Third(Calls calls) {
			this.calls = calls;
		}

		@Override
		public Mono<Void> on(DomainEvent event) {
			return this.calls.record("third", event);
		}

	}

	@Order(2)
	static final class Failing implements DomainEventListener {

		@Override
		public Mono<Void> on(DomainEvent event) {
			return Mono.error(new IllegalStateException("audit log unavailable"));
		}

	}

	/** Registered in an order other than their {@code @Order}, which must win. */
	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withBean(Clock.class, Clock::systemUTC)
		.withBean(Calls.class)
		.withBean(Third.class)
		.withBean(First.class)
		.withBean(DomainEvents.class);

	@Test
	void publishWhenListenerBeansThenEachGetsTheEventInOrderBeforePublishCompletes() {
		this.runner.withBean(Second.class).run((context) -> {
			Calls calls = context.getBean(Calls.class);
			StepVerifier.create(context.getBean(DomainEvents.class).publish(EVENT))
				.then(() -> assertThat(calls.names).isEmpty())
				.verifyComplete();
			assertThat(calls.names).containsExactly("first", "second", "third");
			assertThat(calls.events).containsOnly(EVENT);
		});
	}

	@Test
	void publishWhenNotSubscribedThenNoListenerCalled() {
		List<DomainEvent> called = new ArrayList<>();
		DomainEvents events = new DomainEvents(List.of((event) -> {
			called.add(event);
			return Mono.empty();
		}), Clock.systemUTC());
		Mono<Void> publication = events.publish(EVENT);
		assertThat(called).isEmpty();
		publication.block(Duration.ofSeconds(5));
		assertThat(called).containsExactly(EVENT);
	}

	@Test
	void publishWhenListenerFailsThenPublishFailsAndLaterListenersNotCalled() {
		this.runner.withBean(Failing.class).run((context) -> {
			Calls calls = context.getBean(Calls.class);
			StepVerifier.create(context.getBean(DomainEvents.class).publish(EVENT))
				.expectErrorSatisfies((error) -> assertThat(error).isInstanceOf(IllegalStateException.class)
					.hasMessage("audit log unavailable"))
				.verify(Duration.ofSeconds(5));
			assertThat(calls.names).containsExactly("first");
		});
	}

	@Test
	void publishWhenListenerThrowsInsteadOfReturningAnErrorThenPublishFails() {
		DomainEvents events = new DomainEvents(List.of((event) -> {
			throw new IllegalStateException("thrown");
		}), Clock.systemUTC());
		StepVerifier.create(events.publish(EVENT)).expectErrorMessage("thrown").verify(Duration.ofSeconds(5));
	}

	@Test
	void publishWhenMadeOnARequestThenDatedNowFromItsClientAddress() {
		List<DomainEvent> published = new CopyOnWriteArrayList<>();
		Instant now = Instant.parse("2026-11-23T12:00:00Z");
		DomainEvents events = new DomainEvents(List.of((event) -> Mono.fromRunnable(() -> published.add(event))),
				Clock.fixed(now, java.time.ZoneOffset.UTC));
		events
			.publish(DomainEventTypes.MEMBERSHIP_REMOVED, "org_acme", Actor.user("usr_alice"),
					new Target(Target.USER, "usr_adam"), Map.of("role", "member"))
			.contextWrite((context) -> ClientAddress.put(context, "203.0.113.7"))
			.block(Duration.ofSeconds(5));
		assertThat(published)
			.containsExactly(new DomainEvent(DomainEventTypes.MEMBERSHIP_REMOVED, "org_acme", Actor.user("usr_alice"),
					new Target(Target.USER, "usr_adam"), "203.0.113.7", now, Map.of("role", "member")));
	}

	@Test
	void publishWhenNoListenersThenCompletes() {
		new ApplicationContextRunner().withBean(Clock.class, Clock::systemUTC)
			.withBean(DomainEvents.class)
			.run((context) -> StepVerifier.create(context.getBean(DomainEvents.class).publish(EVENT)).verifyComplete());
	}

}
