package no.dfo.kundesenter.cases.web;

import java.util.List;

import no.dfo.kundesenter.access.CurrentUser;
import no.dfo.kundesenter.access.PortalUser;
import no.dfo.kundesenter.cases.Category;
import no.dfo.kundesenter.cases.domain.CannedReplies;
import no.dfo.kundesenter.cases.domain.CannedReply;
import no.dfo.kundesenter.cases.domain.CaseAccessPolicy;
import no.dfo.kundesenter.web.ResourceNotFoundException;
import no.dfo.kundesenter.web.FormText;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.Errors;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Ferdigtekster: caseworkers list, write, change and delete the reply texts of their
 * category. Everyone else gets 404.
 */
@Controller
class CannedReplyController {

	private static final String FORM_VIEW = "casework/canned-form";

	private final CannedReplies replies;

	CannedReplyController(CannedReplies replies) {
		this.replies = replies;
	}

	@GetMapping("/saksbehandling/ferdigtekster")
	String list(@CurrentUser PortalUser viewer, Model model) {
		model.addAttribute("replies", this.replies.list(viewer));
		return "casework/canned-list";
	}

	@GetMapping("/saksbehandling/ferdigtekster/ny")
	String initCreationForm(@CurrentUser PortalUser viewer, Model model) {
		List<Category> categories = categories(viewer);
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", new CannedReplyForm(categories.get(0).name(), null, null));
		}
		return FORM_VIEW;
	}

	@PostMapping("/saksbehandling/ferdigtekster")
	String processCreationForm(@CurrentUser PortalUser viewer, @ModelAttribute("form") CannedReplyForm form,
			BindingResult result, Model model, RedirectAttributes redirect) {
		List<Category> categories = categories(viewer);
		Category category = NewCaseFormValidator.category(form.category());
		if (category == null || !categories.contains(category)) {
			result.rejectValue("category", "canned.category.required");
		}
		validate(form, category, 0, result);
		if (result.hasErrors()) {
			return FORM_VIEW;
		}
		this.replies.create(category, FormText.singleLine(form.title()), FormText.strip(form.body()), viewer);
		redirect.addFlashAttribute("saved", true);
		return "redirect:/saksbehandling/ferdigtekster";
	}

	@GetMapping("/saksbehandling/ferdigtekster/{id:\\d{1,18}}")
	String initUpdateForm(@CurrentUser PortalUser viewer, @PathVariable long id, Model model) {
		categories(viewer);
		CannedReply reply = this.replies.get(id, viewer);
		if (!model.containsAttribute("form")) {
			model.addAttribute("form",
					new CannedReplyForm(reply.getCategory().name(), reply.getTitle(), reply.getBody()));
		}
		model.addAttribute("replyId", id);
		return FORM_VIEW;
	}

	@PostMapping("/saksbehandling/ferdigtekster/{id:\\d{1,18}}")
	String processUpdateForm(@CurrentUser PortalUser viewer, @PathVariable long id,
			@ModelAttribute("form") CannedReplyForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		categories(viewer);
		CannedReply reply = this.replies.get(id, viewer);
		validate(form, reply.getCategory(), id, result);
		if (result.hasErrors()) {
			model.addAttribute("form", new CannedReplyForm(reply.getCategory().name(), form.title(), form.body()));
			model.addAttribute("replyId", id);
			return FORM_VIEW;
		}
		this.replies.update(id, FormText.singleLine(form.title()), FormText.strip(form.body()), viewer);
		redirect.addFlashAttribute("saved", true);
		return "redirect:/saksbehandling/ferdigtekster";
	}

	@PostMapping("/saksbehandling/ferdigtekster/{id:\\d{1,18}}/slett")
	String delete(@CurrentUser PortalUser viewer, @PathVariable long id, RedirectAttributes redirect) {
		this.replies.delete(id, viewer);
		redirect.addFlashAttribute("deleted", true);
		return "redirect:/saksbehandling/ferdigtekster";
	}

	@ModelAttribute("categories")
	List<Category> categoriesOfViewer(@CurrentUser PortalUser viewer) {
		return CaseAccessPolicy.caseworkerCategories(viewer);
	}

	private void validate(CannedReplyForm form, @Nullable Category category, long id, Errors errors) {
		if (MessageFormValidator.isBlank(form.title())) {
			errors.rejectValue("title", "canned.title.required");
		}
		else if (FormText.singleLine(form.title()).length() > 100) {
			errors.rejectValue("title", "canned.title.tooLong");
		}
		else if (category != null && this.replies.titleTaken(category, form.title(), id)) {
			errors.rejectValue("title", "canned.title.taken");
		}
		if (MessageFormValidator.isBlank(form.body())) {
			errors.rejectValue("body", "canned.body.required");
		}
		else if (FormText.strip(form.body()).length() > MessageFormValidator.MAX_LENGTH) {
			errors.rejectValue("body", "canned.body.tooLong");
		}
	}

	private static List<Category> categories(PortalUser viewer) {
		List<Category> categories = CaseAccessPolicy.caseworkerCategories(viewer);
		if (categories.isEmpty()) {
			throw new ResourceNotFoundException("Only caseworkers keep canned replies");
		}
		return categories;
	}

}
