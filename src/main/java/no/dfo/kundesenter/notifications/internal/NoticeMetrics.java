package no.dfo.kundesenter.notifications.internal;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.stereotype.Component;

/**
 * The notices waiting to go out and those given up on, counted in the database at each
 * scrape, so every node reports the same figures.
 */
@Component
class NoticeMetrics implements MeterBinder {

	private final Notices notices;

	NoticeMetrics(Notices notices) {
		this.notices = notices;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		Gauge.builder("portal.notices.backlog", this.notices, Notices::backlog)
			.description("Notices not sent yet")
			.register(registry);
		Gauge.builder("portal.notices.failed", this.notices, Notices::failed)
			.description("Notices given up on")
			.register(registry);
	}

}
