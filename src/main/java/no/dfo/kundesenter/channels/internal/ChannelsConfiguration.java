package no.dfo.kundesenter.channels.internal;

import no.dfo.kundesenter.cases.Category;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * Reads every configured mailbox on a fixed delay; a mailbox whose reads fail waits
 * longer each time ({@link MailboxStatus}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ChannelSettings.class)
class ChannelsConfiguration implements SchedulingConfigurer {

	private final ChannelSettings settings;

	private final ObjectProvider<MailboxReader> reader;

	ChannelsConfiguration(ChannelSettings settings, ObjectProvider<MailboxReader> reader) {
		this.settings = settings;
		this.reader = reader;
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		if (!this.settings.fetchingEnabled()) {
			return;
		}
		for (Category category : Category.values()) {
			if (this.settings.mailbox(category).isPresent()) {
				registrar.addFixedDelayTask(() -> this.reader.getObject().readWhenDue(category),
						this.settings.pollInterval());
			}
		}
	}

}
