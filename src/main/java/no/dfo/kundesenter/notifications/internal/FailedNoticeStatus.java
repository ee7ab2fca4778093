package no.dfo.kundesenter.notifications.internal;

import java.util.List;

import no.dfo.kundesenter.access.PortalUser;
import no.dfo.kundesenter.cases.CaseAccess;
import no.dfo.kundesenter.notifications.FailedNotice;
import no.dfo.kundesenter.notifications.NoticeStatus;
import org.springframework.stereotype.Service;

@Service("noticeStatus")
class FailedNoticeStatus implements NoticeStatus {

	private final Notices notices;

	private final CaseAccess access;

	FailedNoticeStatus(Notices notices, CaseAccess access) {
		this.notices = notices;
		this.access = access;
	}

	@Override
	public List<FailedNotice> failuresFor(long caseId, PortalUser viewer) {
		if (!this.access.seesInternalNotes(caseId, viewer)) {
			return List.of();
		}
		return this.notices.failuresOf(caseId);
	}

}
