package no.dfo.kundesenter.cases.page;

import java.util.List;

import jakarta.servlet.http.HttpServletResponse;
import no.dfo.kundesenter.access.CurrentUser;
import no.dfo.kundesenter.access.PortalUser;
import no.dfo.kundesenter.access.RateLimitExceededException;
import no.dfo.kundesenter.attachments.AttachmentRejectedException;
import no.dfo.kundesenter.cases.CannedTexts;
import no.dfo.kundesenter.cases.CaseNotFoundException;
import no.dfo.kundesenter.cases.core.CaseChangedException;
import no.dfo.kundesenter.cases.core.Refusals;
import no.dfo.kundesenter.cases.page.Conversation.Posted;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Writing on a case. Customers add messages; caseworkers reply or write internal notes
 * and set the status in the same form. Everyone else gets 404. A form that cannot be sent
 * comes back on the case page with its text; past the upload limit with 429.
 */
@Controller
class ConversationController {

	private final Conversation conversation;

	private final CasePages pages;

	private final CannedTexts cannedTexts;

	private final Refusals refusals;

	ConversationController(Conversation conversation, CasePages pages, CannedTexts cannedTexts, Refusals refusals) {
		this.conversation = conversation;
		this.pages = pages;
		this.cannedTexts = cannedTexts;
		this.refusals = refusals;
	}

	@PostMapping("/saker/{id:\\d{1,18}}/meldinger")
	String postMessage(@CurrentUser PortalUser viewer, @PathVariable long id,
			@ModelAttribute("messageForm") MessageForm form, BindingResult result,
			@RequestParam(name = "files", required = false) @Nullable List<MultipartFile> files, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		CasePage page = this.pages.read(id, viewer);
		List<MultipartFile> chosen = (files != null) ? files : List.of();
		if (page.caseworker()) {
			return respond(viewer, page, form, result, chosen, model, redirect, response);
		}
		if (!page.customer() || form.wantsInsert()) {
			// Canned replies are the centre's: a customer asking for one learns nothing.
			throw new CaseNotFoundException(id);
		}
		MessageFormValidator.validateCustomer(form, result);
		if (result.hasErrors()) {
			return CasePageController.show(page, model);
		}
		try {
			Posted posted = this.conversation.postCustomerMessage(id, MessageFormValidator.body(form), chosen, viewer);
			return posted(posted, redirect);
		}
		catch (AttachmentRejectedException ex) {
			model.addAttribute("attachmentProblems", this.refusals.describe(ex));
		}
		catch (RateLimitExceededException ex) {
			rateLimited(ex, model, response);
		}
		return CasePageController.show(page, model);
	}

	/**
	 * DESIGN.md's status endpoint: the caseworker's form, where a status change can come
	 * with a reply or a note.
	 */
	@PostMapping("/saker/{id:\\d{1,18}}/status")
	String changeStatus(@CurrentUser PortalUser viewer, @PathVariable long id,
			@ModelAttribute("messageForm") MessageForm form, BindingResult result,
			@RequestParam(name = "files", required = false) @Nullable List<MultipartFile> files, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		CasePage page = this.pages.read(id, viewer);
		if (!page.caseworker()) {
			throw new CaseNotFoundException(id);
		}
		return respond(viewer, page, form, result, (files != null) ? files : List.of(), model, redirect, response);
	}

	private String respond(PortalUser viewer, CasePage page, MessageForm form, BindingResult result,
			List<MultipartFile> files, Model model, RedirectAttributes redirect, HttpServletResponse response) {
		if (form.wantsInsert()) {
			return insertCannedReply(viewer, page, form, result, model);
		}
		MessageFormValidator.validateCaseworker(form, page.status(), result);
		if (result.hasErrors()) {
			return CasePageController.show(page, model);
		}
		try {
			Posted posted = this.conversation.respond(page.id(), MessageFormValidator.toResponse(form), files, viewer);
			return posted(posted, redirect);
		}
		catch (AttachmentRejectedException ex) {
			model.addAttribute("attachmentProblems", this.refusals.describe(ex));
		}
		catch (RateLimitExceededException ex) {
			rateLimited(ex, model, response);
		}
		catch (CaseChangedException ex) {
			// Show the case as it is now, keep what was typed, and let the caseworker
			// send again on the new version.
			CasePage current = this.pages.read(page.id(), viewer);
			model.addAttribute("caseChanged", true);
			model.addAttribute("messageForm", form.withVersion(current.version()));
			return CasePageController.show(current, model);
		}
		return CasePageController.show(page, model);
	}

	private String insertCannedReply(PortalUser viewer, CasePage page, MessageForm form, BindingResult result,
			Model model) {
		Long cannedId = MessageFormValidator.validateInsert(form, result);
		if (cannedId != null) {
			this.cannedTexts.find(cannedId, viewer)
				.ifPresentOrElse((text) -> model.addAttribute("messageForm", form.insert(text.body())),
						// Deleted since the page was shown: say so and keep what was
						// typed.
						() -> result.rejectValue("cannedReply", "conversation.cannedReply.gone"));
		}
		return CasePageController.show(page, model);
	}

	private static String posted(Posted posted, RedirectAttributes redirect) {
		redirect.addFlashAttribute("posted", posted);
		return "redirect:/saker/" + posted.caseId() + "#conversation-title";
	}

	private void rateLimited(RateLimitExceededException ex, Model model, HttpServletResponse response) {
		Refusals.tooManyRequests(ex, response);
		model.addAttribute("rateLimited", this.refusals.describe(ex));
	}

}
