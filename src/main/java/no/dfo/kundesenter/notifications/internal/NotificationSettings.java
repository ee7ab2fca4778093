package no.dfo.kundesenter.notifications.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of e-mail notices ({@code portal.notifications.*}).
 *
 * @param sender the From address of every notice
 * @param baseUrl where people reach the portal; links in mails start with it
 * @param batchWindow notices for one case within this time go out as one mail
 * @param pollInterval how often each node looks for due notices
 * @param sendingEnabled whether this node sends notices at all
 * @param firstRetry the wait after the first failed attempt; doubles each time
 * @param maxRetryInterval the longest wait between two attempts
 * @param maxAttempts attempts before a notice is given up on
 * @param claimTimeout how long a node may take to send a claimed notice before another
 * node may try it
 */
@ConfigurationProperties("portal.notifications")
record NotificationSettings(@DefaultValue("Kundesenter på nett <ikke-svar@kundesenter.example>") String sender,
		@DefaultValue("http://localhost:8080") String baseUrl, @DefaultValue("2m") Duration batchWindow,
		@DefaultValue("10s") Duration pollInterval, @DefaultValue("true") boolean sendingEnabled,
		@DefaultValue("30s") Duration firstRetry, @DefaultValue("1h") Duration maxRetryInterval,
		@DefaultValue("12") int maxAttempts, @DefaultValue("5m") Duration claimTimeout) {

	String caseLink(long caseId) {
		return link("/saker/" + caseId);
	}

	/**
	 * The portal's address of a path (which starts with {@code /}), as mails link to it.
	 */
	String link(String path) {
		return this.baseUrl.replaceAll("/+$", "") + path;
	}

}
