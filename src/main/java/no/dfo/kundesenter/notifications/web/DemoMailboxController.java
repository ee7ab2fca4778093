package no.dfo.kundesenter.notifications.web;

import no.dfo.kundesenter.notifications.internal.DemoMailbox;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.server.ResponseStatusException;

/**
 * The demo profile's mailbox: the notices the portal would have mailed. Not there in any
 * other profile, and not when a mail server is configured.
 */
@Controller
@Profile("demo")
class DemoMailboxController {

	private final ObjectProvider<DemoMailbox> mailbox;

	DemoMailboxController(ObjectProvider<DemoMailbox> mailbox) {
		this.mailbox = mailbox;
	}

	@GetMapping("/demo/epost")
	String list(Model model) {
		DemoMailbox box = this.mailbox.getIfAvailable();
		if (box == null) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		model.addAttribute("mails", box.mails());
		return "notifications/demo-mailbox";
	}

}
