package no.dfo.kundesenter.channels.internal;

import no.dfo.kundesenter.access.CurrentUser;
import no.dfo.kundesenter.access.PortalUser;
import no.dfo.kundesenter.channels.internal.Inbox.LinkResult;
import no.dfo.kundesenter.channels.internal.Inbox.Shown;
import no.dfo.kundesenter.web.FormText;
import no.dfo.kundesenter.web.ResourceNotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Innboks: caseworkers link e-mails from unknown senders to a person or reject them, deal
 * with the mails in quarantine (download the original, reject with a reason), and see
 * mailboxes that cannot be read. Everyone else gets 404.
 */
@Controller
class InboxController {

	static final int MAX_REASON_LENGTH = 500;

	private static final MediaType MESSAGE_RFC822 = new MediaType("message", "rfc822");

	private static final String DETAIL_VIEW = "channels/mail";

	private final Inbox inbox;

	InboxController(Inbox inbox) {
		this.inbox = inbox;
	}

	@GetMapping("/saksbehandling/innboks")
	String list(@CurrentUser PortalUser viewer, Model model) {
		requireCaseworker(viewer);
		model.addAttribute("waiting", this.inbox.waiting(viewer));
		model.addAttribute("quarantined", this.inbox.quarantined(viewer));
		model.addAttribute("failing", this.inbox.failing(viewer));
		return "channels/inbox";
	}

	@GetMapping("/saksbehandling/innboks/{id}")
	String show(@PathVariable long id, @CurrentUser PortalUser viewer, Model model) {
		requireCaseworker(viewer);
		model.addAttribute("mail", shown(id, viewer));
		if (!model.containsAttribute("linkForm")) {
			model.addAttribute("linkForm", new LinkForm(null));
		}
		if (!model.containsAttribute("rejectForm")) {
			model.addAttribute("rejectForm", new RejectForm(null));
		}
		return DETAIL_VIEW;
	}

	@PostMapping("/saksbehandling/innboks/{id}/kobling")
	String link(@PathVariable long id, @CurrentUser PortalUser viewer, @ModelAttribute("linkForm") LinkForm form,
			BindingResult result, Model model, RedirectAttributes redirect) {
		requireCaseworker(viewer);
		Shown mail = shown(id, viewer);
		if (FormText.isBlank(form.email())) {
			result.rejectValue("email", "channels.link.email.required");
		}
		else {
			LinkResult linked;
			try {
				linked = this.inbox.link(id, form.email().strip(), viewer);
			}
			catch (IllegalStateException ex) {
				redirect.addFlashAttribute("handled", true);
				return "redirect:/saksbehandling/innboks";
			}
			if (linked.caseId() != null) {
				redirect.addFlashAttribute("linked", linked.caseId());
				return "redirect:/saksbehandling/innboks";
			}
			result.rejectValue("email", linked.errorCode());
		}
		model.addAttribute("mail", mail);
		model.addAttribute("rejectForm", new RejectForm(null));
		return DETAIL_VIEW;
	}

	@PostMapping("/saksbehandling/innboks/{id}/avvisning")
	String reject(@PathVariable long id, @CurrentUser PortalUser viewer, @ModelAttribute("rejectForm") RejectForm form,
			BindingResult result, Model model, RedirectAttributes redirect) {
		requireCaseworker(viewer);
		Shown mail = shown(id, viewer);
		if (FormText.isBlank(form.reason())) {
			result.rejectValue("reason", "channels.reject.reason.required");
		}
		else if (form.reason().strip().length() > MAX_REASON_LENGTH) {
			result.rejectValue("reason", "channels.reject.reason.tooLong");
		}
		else {
			redirect.addFlashAttribute(this.inbox.reject(id, form.reason().strip(), viewer) ? "rejected" : "handled",
					true);
			return "redirect:/saksbehandling/innboks";
		}
		model.addAttribute("mail", mail);
		model.addAttribute("linkForm", new LinkForm(null));
		return DETAIL_VIEW;
	}

	@GetMapping("/saksbehandling/innboks/{id}/original")
	ResponseEntity<byte[]> original(@PathVariable long id, @CurrentUser PortalUser viewer) {
		requireCaseworker(viewer);
		byte[] raw = this.inbox.original(id, viewer)
			.orElseThrow(() -> new ResourceNotFoundException("No original of such a mail for the viewer"));
		return ResponseEntity.ok()
			.contentType(MESSAGE_RFC822)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename("epost-" + id + ".eml").build().toString())
			.body(raw);
	}

	private Shown shown(long id, PortalUser viewer) {
		return this.inbox.show(id, viewer)
			.orElseThrow(() -> new ResourceNotFoundException("No such mail for the viewer"));
	}

	private void requireCaseworker(PortalUser viewer) {
		if (this.inbox.categories(viewer).isEmpty()) {
			throw new ResourceNotFoundException("Not a caseworker");
		}
	}

	/** Whom the mail is from, as typed: the person's e-mail address. */
	record LinkForm(@Nullable String email) {
	}

	/** Why the mail is rejected, as typed. */
	record RejectForm(@Nullable String reason) {
	}

}
