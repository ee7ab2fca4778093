package no.dfo.kundesenter.notifications.internal;

import no.dfo.kundesenter.cases.CaseDirectory;
import no.dfo.kundesenter.cases.CaseStatusChanged;
import no.dfo.kundesenter.cases.MessagePosted;
import org.jspecify.annotations.Nullable;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Turns what happened on a case into a notice for its reporter. Runs after the case's
 * transaction committed, in its own; the event publication registry keeps the event until
 * this succeeded, and hands it over again after a restart.
 */
@Component
class NoticeEvents {

	private final Notices notices;

	private final CaseDirectory cases;

	private final NotificationSettings settings;

	NoticeEvents(Notices notices, CaseDirectory cases, NotificationSettings settings) {
		this.notices = notices;
		this.cases = cases;
		this.settings = settings;
	}

	@ApplicationModuleListener
	void on(MessagePosted event) {
		schedule(event.caseId(), NoticeKind.of(event));
	}

	@ApplicationModuleListener
	void on(CaseStatusChanged event) {
		schedule(event.caseId(), NoticeKind.of(event));
	}

	private void schedule(long caseId, @Nullable NoticeKind kind) {
		if (kind == null) {
			return;
		}
		this.cases.reporterOf(caseId)
			.ifPresent((reporter) -> this.notices.schedule(caseId, reporter, kind, this.settings.batchWindow()));
	}

}
