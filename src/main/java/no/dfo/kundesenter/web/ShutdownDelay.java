package no.dfo.kundesenter.web;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.web.server.context.WebServerGracefulShutdownLifecycle;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * On shutdown, before the web server stops listening: readiness turns
 * {@link ReadinessState#REFUSING_TRAFFIC} and the node goes on taking requests for
 * {@code portal.web.shutdown-delay}, so that a load balancer polling the readiness probe
 * takes it out first. Without it a request the balancer sends while the node closes its
 * listening socket gets no answer, and a POST is not sent again (decision 0082). Zero,
 * the default, where the platform takes the node out before SIGTERM (Kubernetes' pre-stop
 * pause); a few health-check intervals behind HAProxy or nginx on machines of their own.
 */
@Component
class ShutdownDelay implements SmartLifecycle {

	/** Stops before the web server's graceful shutdown, which closes the connector. */
	static final int PHASE = WebServerGracefulShutdownLifecycle.SMART_LIFECYCLE_PHASE + 1;

	private final ApplicationEventPublisher events;

	private final Duration delay;

	private volatile boolean running;

	private volatile boolean stopped;

	@Autowired
	ShutdownDelay(ApplicationEventPublisher events, WebSettings settings) {
		this(events, settings.shutdownDelay());
	}

	ShutdownDelay(ApplicationEventPublisher events, Duration delay) {
		this.events = events;
		this.delay = delay;
	}

	@Override
	public void start() {
		if (this.stopped) {
			// Started again after a stop (a paused context resumed): take traffic again.
			AvailabilityChangeEvent.publish(this.events, this, ReadinessState.ACCEPTING_TRAFFIC);
		}
		this.running = true;
	}

	@Override
	public void stop() {
		AvailabilityChangeEvent.publish(this.events, this, ReadinessState.REFUSING_TRAFFIC);
		try {
			Thread.sleep(this.delay);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		finally {
			this.running = false;
			this.stopped = true;
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		return PHASE;
	}

}
