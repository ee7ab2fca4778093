package no.dfo.kundesenter.cases.registration;

import java.util.List;
import java.util.UUID;

import no.dfo.kundesenter.access.PortalUser;
import no.dfo.kundesenter.cases.Category;
import no.dfo.kundesenter.cases.Channel;
import no.dfo.kundesenter.cases.EmailIntake;
import no.dfo.kundesenter.cases.core.NewCase;
import no.dfo.kundesenter.cases.page.Conversation;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * E-mail through the same paths as the web: {@link CaseRegistration} and
 * {@link Conversation}. Joins the caller's transaction, where the mail is recorded as
 * read.
 */
@Service
@Transactional(propagation = Propagation.MANDATORY)
class EmailCases implements EmailIntake {

	private final CaseRegistration registration;

	private final Conversation conversation;

	EmailCases(CaseRegistration registration, Conversation conversation) {
		this.registration = registration;
		this.conversation = conversation;
	}

	@Override
	public long registerCase(PortalUser sender, Category category, String subject, String message,
			List<UUID> draftIds) {
		return this.registration.register(new NewCase(category, subject, message, null, draftIds), Channel.EMAIL,
				sender.id(), sender);
	}

	@Override
	public long postReply(long caseId, PortalUser sender, String message, List<UUID> draftIds) {
		Long id = this.conversation.postCustomerMessageWithDrafts(caseId, message, draftIds, sender).messageId();
		return (id != null) ? id : 0;
	}

}
