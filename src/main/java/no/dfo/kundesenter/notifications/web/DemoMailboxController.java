package no.dfo.kundesenter.notifications.web;

import no.dfo.kundesenter.notifications.DemoOutbox;
import no.dfo.kundesenter.notifications.internal.WaitingNotices;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.server.ResponseStatusException;

/**
 * The demo profile's mail page: the notices waiting to go out, and the mails the portal
 * has sent, from memory or from the demo's mail server. Not there in any other profile,
 * nor where the portal's mail goes to a server the demo does not run.
 */
@Controller
@Profile("demo")
class DemoMailboxController {

	private final ObjectProvider<DemoOutbox> outbox;

	private final WaitingNotices waiting;

	DemoMailboxController(ObjectProvider<DemoOutbox> outbox, WaitingNotices waiting) {
		this.outbox = outbox;
		this.waiting = waiting;
	}

	@GetMapping("/demo/epost")
	String list(Model model) {
		DemoOutbox box = this.outbox.getIfUnique();
		if (box == null) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		model.addAttribute("mails", box.sent());
		model.addAttribute("imapPort", box.imapPort());
		model.addAttribute("waiting", this.waiting.list());
		return "notifications/demo-mailbox";
	}

}
