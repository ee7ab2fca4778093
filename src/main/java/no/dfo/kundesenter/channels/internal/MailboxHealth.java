package no.dfo.kundesenter.channels.internal;

import no.dfo.kundesenter.cases.Category;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/health}: down while a configured mailbox cannot be read, so reading
 * that fails never goes unnoticed.
 */
@Component("mailboxes")
class MailboxHealth implements HealthIndicator {

	private final ChannelSettings settings;

	private final MailboxStatus status;

	MailboxHealth(ChannelSettings settings, MailboxStatus status) {
		this.settings = settings;
		this.status = status;
	}

	@Override
	public Health health() {
		Health.Builder health = Health.up();
		for (Category category : Category.values()) {
			if (this.settings.mailbox(category).isEmpty()) {
				continue;
			}
			String key = ChannelSettings.key(category);
			var state = this.status.of(category);
			if (state.isPresent() && state.get().failing()) {
				health.down()
					.withDetail(key, "failing since " + state.get().failingSince() + ": " + state.get().problem());
			}
			else {
				health.withDetail(key, state.map((s) -> "read " + s.lastSuccess()).orElse("not read yet"));
			}
		}
		return health.build();
	}

}
