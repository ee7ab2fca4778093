package no.dfo.kundesenter.casework;

import java.util.List;

import no.dfo.kundesenter.access.CurrentUser;
import no.dfo.kundesenter.access.PortalUser;
import no.dfo.kundesenter.cases.Category;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
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

	private static final String LIST = "redirect:/saksbehandling/ferdigtekster";

	private final CannedReplies replies;

	CannedReplyController(CannedReplies replies) {
		this.replies = replies;
	}

	@ModelAttribute("categories")
	List<Category> categories(@CurrentUser PortalUser viewer) {
		return this.replies.categories(viewer);
	}

	@GetMapping("/saksbehandling/ferdigtekster")
	String list(@CurrentUser PortalUser viewer, Model model) {
		model.addAttribute("replies", this.replies.list(viewer));
		return "casework/canned-list";
	}

	@GetMapping("/saksbehandling/ferdigtekster/ny")
	String initCreationForm(@ModelAttribute("categories") List<Category> categories, Model model) {
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", new CannedReplyForm(categories.get(0).name(), null, null));
		}
		return FORM_VIEW;
	}

	@PostMapping("/saksbehandling/ferdigtekster")
	String processCreationForm(@CurrentUser PortalUser viewer, @ModelAttribute("categories") List<Category> categories,
			@ModelAttribute("form") CannedReplyForm form, BindingResult result, RedirectAttributes redirect) {
		Category category = CannedReplyFormValidator.validate(form, categories,
				(chosen, title) -> this.replies.titleTaken(chosen, title, 0), result);
		if (result.hasErrors() || category == null) {
			return FORM_VIEW;
		}
		this.replies.create(category, CannedReplyFormValidator.title(form), CannedReplyFormValidator.body(form),
				viewer);
		redirect.addFlashAttribute("saved", true);
		return LIST;
	}

	@GetMapping("/saksbehandling/ferdigtekster/{id:\\d{1,18}}")
	String initUpdateForm(@CurrentUser PortalUser viewer, @PathVariable long id, Model model) {
		CannedReply reply = this.replies.get(id, viewer);
		if (!model.containsAttribute("form")) {
			model.addAttribute("form",
					new CannedReplyForm(reply.getCategory().name(), reply.getTitle(), reply.getBody()));
		}
		model.addAttribute("replyId", id);
		return FORM_VIEW;
	}

	/**
	 * The category of a text stays; a form that claims another is shown with the text's
	 * own.
	 */
	@PostMapping("/saksbehandling/ferdigtekster/{id:\\d{1,18}}")
	String processUpdateForm(@CurrentUser PortalUser viewer, @PathVariable long id,
			@ModelAttribute("form") CannedReplyForm posted, BindingResult result, Model model,
			RedirectAttributes redirect) {
		CannedReply reply = this.replies.get(id, viewer);
		CannedReplyForm form = new CannedReplyForm(reply.getCategory().name(), posted.title(), posted.body());
		CannedReplyFormValidator.validate(form, List.of(reply.getCategory()),
				(chosen, title) -> this.replies.titleTaken(chosen, title, id), result);
		if (result.hasErrors()) {
			model.addAttribute("form", form);
			model.addAttribute("replyId", id);
			return FORM_VIEW;
		}
		this.replies.update(id, CannedReplyFormValidator.title(form), CannedReplyFormValidator.body(form), viewer);
		redirect.addFlashAttribute("saved", true);
		return LIST;
	}

	@PostMapping("/saksbehandling/ferdigtekster/{id:\\d{1,18}}/slett")
	String delete(@CurrentUser PortalUser viewer, @PathVariable long id, RedirectAttributes redirect) {
		this.replies.delete(id, viewer);
		redirect.addFlashAttribute("deleted", true);
		return LIST;
	}

}
