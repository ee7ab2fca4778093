package no.dfo.kundesenter.notifications.internal;

import no.dfo.kundesenter.access.EmailConfirmationRequested;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Sends the link that confirms a person's new address, once the request is committed. A
 * mail that could not go out is logged; the person sees none arrive and asks again.
 */
@Component
class ConfirmationMails {

	private static final Logger log = LoggerFactory.getLogger(ConfirmationMails.class);

	private final NoticeMailComposer composer;

	private final Mailer mailer;

	ConfirmationMails(NoticeMailComposer composer, Mailer mailer) {
		this.composer = composer;
		this.mailer = mailer;
	}

	@ApplicationModuleListener
	void on(EmailConfirmationRequested request) {
		try {
			this.mailer.send(this.composer.composeConfirmation(request.address(), request.confirmationPath(),
					request.language()));
		}
		catch (DeliveryFailedException ex) {
			log.warn("The confirmation mail for user {} to {} did not go out: {}", request.userId(),
					NoticeSender.masked(request.address()), ex.getMessage());
		}
	}

}
