package no.dfo.kundesenter.web;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.web.server.context.WebServerGracefulShutdownLifecycle;
import org.springframework.context.ApplicationEventPublisher;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On SIGTERM a node behind a load balancer first turns its readiness down and goes on
 * answering for the delay, and only then lets the web server stop listening: a request
 * the balancer sends meanwhile is answered instead of dropped
 * (docs/operations/nodes-and-faults.md).
 */
class ShutdownDelayTests {

	private final List<Object> events = new ArrayList<>();

	private final ApplicationEventPublisher publisher = this.events::add;

	@Test
	void stopsBeforeTheWebServerStopsListening() {
		// SmartLifecycle beans with a higher phase are stopped first.
		assertThat(new ShutdownDelay(this.publisher, Duration.ZERO).getPhase())
			.isGreaterThan(WebServerGracefulShutdownLifecycle.SMART_LIFECYCLE_PHASE);
	}

	@Test
	void refusesTrafficThenWaitsTheDelay() {
		ShutdownDelay delay = new ShutdownDelay(this.publisher, Duration.ofMillis(300));
		delay.start();
		assertThat(delay.isRunning()).isTrue();

		long started = System.nanoTime();
		delay.stop();

		assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
		assertThat(this.events).singleElement()
			.isInstanceOfSatisfying(AvailabilityChangeEvent.class,
					(event) -> assertThat(event.getState()).isEqualTo(ReadinessState.REFUSING_TRAFFIC));
		assertThat(delay.isRunning()).isFalse();
	}

	@Test
	void withoutADelayStopsAtOnce() {
		ShutdownDelay delay = new ShutdownDelay(this.publisher, Duration.ZERO);
		delay.start();
		long started = System.nanoTime();
		delay.stop();
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));
	}

	@Test
	void startedAgainAfterAStopItAcceptsTrafficAgain() {
		ShutdownDelay delay = new ShutdownDelay(this.publisher, Duration.ZERO);
		delay.start();
		assertThat(this.events).isEmpty();
		delay.stop();
		delay.start();
		assertThat(this.events).hasSize(2)
			.last()
			.isInstanceOfSatisfying(AvailabilityChangeEvent.class,
					(event) -> assertThat(event.getState()).isEqualTo(ReadinessState.ACCEPTING_TRAFFIC));
		assertThat(delay.isRunning()).isTrue();
	}

}
