package no.dfo.kundesenter.cases.web;

import java.util.List;

import jakarta.servlet.http.HttpServletResponse;
import no.dfo.kundesenter.access.CurrentUser;
import no.dfo.kundesenter.access.PortalUser;
import no.dfo.kundesenter.access.RateLimitExceededException;
import no.dfo.kundesenter.attachments.AttachmentRejectedException;
import no.dfo.kundesenter.cases.CaseNotFoundException;
import no.dfo.kundesenter.cases.domain.CannedReplies;
import no.dfo.kundesenter.cases.domain.CaseChangedException;
import no.dfo.kundesenter.cases.domain.CaseService;
import no.dfo.kundesenter.cases.domain.CaseViews.WorkspaceView;
import no.dfo.kundesenter.cases.domain.CaseWorkspace;
import no.dfo.kundesenter.cases.domain.Conversation;
import no.dfo.kundesenter.cases.domain.Conversation.Posted;
import no.dfo.kundesenter.web.FormText;
import no.dfo.kundesenter.web.ResourceNotFoundException;
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
 * and set the status in the same form. Everyone else gets 404. Files past the upload
 * limit send nothing: the form comes back with its text and 429.
 */
@Controller
class ConversationController {

	private static final String CASE_VIEW = "cases/detail";

	private final Conversation conversation;

	private final CaseService cases;

	private final CaseWorkspace workspace;

	private final CannedReplies cannedReplies;

	private final CaseAttachmentSupport attachmentSupport;

	ConversationController(Conversation conversation, CaseService cases, CaseWorkspace workspace,
			CannedReplies cannedReplies, CaseAttachmentSupport attachmentSupport) {
		this.conversation = conversation;
		this.cases = cases;
		this.workspace = workspace;
		this.cannedReplies = cannedReplies;
		this.attachmentSupport = attachmentSupport;
	}

	@PostMapping("/saker/{id:\\d{1,18}}/meldinger")
	String postMessage(@CurrentUser PortalUser viewer, @PathVariable long id,
			@ModelAttribute("messageForm") MessageForm form, BindingResult result,
			@RequestParam(name = "files", required = false) @Nullable List<MultipartFile> files, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		WorkspaceView view = this.workspace.of(id, viewer);
		List<MultipartFile> chosen = (files != null) ? files : List.of();
		if (view.caseworker()) {
			return respond(viewer, id, view, form, result, chosen, model, redirect, response);
		}
		if (!view.customer() || form.wantsInsert()) {
			// Canned replies are the centre's: a customer asking for one learns nothing.
			throw new CaseNotFoundException(id);
		}
		MessageFormValidator.validateCustomer(form, result);
		if (result.hasErrors()) {
			return render(viewer, id, view, model);
		}
		try {
			Posted posted = this.conversation.postCustomerMessage(id, FormText.strip(form.body()), chosen, viewer);
			redirect.addFlashAttribute("posted", posted);
			return "redirect:/saker/" + id + "#conversation-title";
		}
		catch (AttachmentRejectedException ex) {
			model.addAttribute("attachmentProblems", this.attachmentSupport.describe(ex));
			return render(viewer, id, view, model);
		}
		catch (RateLimitExceededException ex) {
			return rateLimited(viewer, id, view, ex, model, response);
		}
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
		WorkspaceView view = this.workspace.of(id, viewer);
		if (!view.caseworker()) {
			throw new CaseNotFoundException(id);
		}
		return respond(viewer, id, view, form, result, (files != null) ? files : List.of(), model, redirect, response);
	}

	private String respond(PortalUser viewer, long id, WorkspaceView view, MessageForm form, BindingResult result,
			List<MultipartFile> files, Model model, RedirectAttributes redirect, HttpServletResponse response) {
		if (form.wantsInsert()) {
			return insertCannedReply(viewer, id, view, form, result, model);
		}
		MessageFormValidator.validateCaseworker(form, view.status(), result);
		if (result.hasErrors()) {
			return render(viewer, id, view, model);
		}
		try {
			Posted posted = this.conversation.respond(id, MessageFormValidator.toResponse(form), files, viewer);
			redirect.addFlashAttribute("posted", posted);
			return "redirect:/saker/" + id + "#conversation-title";
		}
		catch (AttachmentRejectedException ex) {
			model.addAttribute("attachmentProblems", this.attachmentSupport.describe(ex));
			return render(viewer, id, view, model);
		}
		catch (RateLimitExceededException ex) {
			return rateLimited(viewer, id, view, ex, model, response);
		}
		catch (CaseChangedException | IllegalStateException ex) {
			// Show the case as it is now, keep what was typed, and let the caseworker
			// send
			// again on the new version.
			WorkspaceView current = this.workspace.of(id, viewer);
			model.addAttribute("caseChanged", true);
			model.addAttribute("messageForm", form.withVersion(current.version()));
			return render(viewer, id, current, model);
		}
	}

	private String insertCannedReply(PortalUser viewer, long id, WorkspaceView view, MessageForm form,
			BindingResult result, Model model) {
		Long cannedId = MessageFormValidator.version(form.cannedReply());
		if (cannedId == null) {
			result.rejectValue("cannedReply", "conversation.cannedReply.required");
			return render(viewer, id, view, model);
		}
		String text;
		try {
			text = this.cannedReplies.get(cannedId, viewer).getBody();
		}
		catch (ResourceNotFoundException ex) {
			// Deleted since the page was shown: say so and keep what was typed.
			result.rejectValue("cannedReply", "conversation.cannedReply.gone");
			return render(viewer, id, view, model);
		}
		String body = MessageFormValidator.isBlank(form.body()) ? text : form.body().stripTrailing() + "\n\n" + text;
		model.addAttribute("messageForm", form.withBody(body));
		return render(viewer, id, view, model);
	}

	private String rateLimited(PortalUser viewer, long id, WorkspaceView view, RateLimitExceededException ex,
			Model model, HttpServletResponse response) {
		CaseAttachmentSupport.tooManyRequests(ex, response);
		model.addAttribute("rateLimited", this.attachmentSupport.describe(ex));
		return render(viewer, id, view, model);
	}

	private String render(PortalUser viewer, long id, WorkspaceView view, Model model) {
		var detail = this.cases.detail(id, viewer);
		model.addAttribute("case", detail);
		model.addAttribute("caseAttachments", this.attachmentSupport.forCasePage(detail));
		CaseWorkspaceAdvice.addTo(model, view, viewer, this.cannedReplies);
		return CASE_VIEW;
	}

}
