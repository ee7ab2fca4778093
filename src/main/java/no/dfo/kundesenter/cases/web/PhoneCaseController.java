package no.dfo.kundesenter.cases.web;

import java.util.List;

import no.dfo.kundesenter.access.CurrentUser;
import no.dfo.kundesenter.access.Person;
import no.dfo.kundesenter.access.PortalUser;
import no.dfo.kundesenter.access.UserDirectory;
import no.dfo.kundesenter.cases.Category;
import no.dfo.kundesenter.cases.domain.CaseAccessPolicy;
import no.dfo.kundesenter.cases.domain.CaseWork;
import no.dfo.kundesenter.cases.domain.NewCase;
import no.dfo.kundesenter.web.ResourceNotFoundException;
import no.dfo.kundesenter.web.FormText;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Registrer telefonsak: a caseworker finds the customer who called (by name or e-mail
 * within an agency) and writes the case down for them. Caseworkers only; everyone else
 * gets 404.
 */
@Controller
class PhoneCaseController {

	private static final String VIEW = "casework/phone";

	private static final int MAX_PEOPLE = 20;

	private final CaseWork work;

	private final UserDirectory directory;

	PhoneCaseController(CaseWork work, UserDirectory directory) {
		this.work = work;
		this.directory = directory;
	}

	/** Searching is a GET with the same form, so it works without JavaScript. */
	@GetMapping("/saksbehandling/telefon")
	String initCreationForm(@CurrentUser PortalUser viewer, @ModelAttribute("form") PhoneCaseForm form, Model model) {
		prepare(viewer, form, model);
		return VIEW;
	}

	@PostMapping("/saksbehandling/telefon")
	String processCreationForm(@CurrentUser PortalUser viewer, @ModelAttribute("form") PhoneCaseForm form,
			BindingResult result, Model model, RedirectAttributes redirect) {
		List<Category> categories = prepare(viewer, form, model);
		Long reporterId = MessageFormValidator.version(form.reporter());
		if (reporterId == null || this.directory.agencyPerson(reporterId).isEmpty()) {
			result.rejectValue("reporter", "phone.reporter.required");
		}
		Category category = (categories.size() == 1 && MessageFormValidator.isBlank(form.category()))
				? categories.get(0) : NewCaseFormValidator.category(form.category());
		if (category == null || !categories.contains(category)) {
			result.rejectValue("category", "phone.category.required");
		}
		required(result, "subject", (form.subject() != null) ? FormText.singleLine(form.subject()) : null, 200);
		required(result, "message", form.message(), MessageFormValidator.MAX_LENGTH);
		if (result.hasErrors()) {
			return VIEW;
		}
		long id = this.work.registerByPhone(
				new NewCase(category, FormText.singleLine(form.subject()), FormText.strip(form.message()), null),
				reporterId, viewer);
		redirect.addFlashAttribute("registeredId", id);
		return "redirect:/saker/" + id;
	}

	private List<Category> prepare(PortalUser viewer, PhoneCaseForm form, Model model) {
		List<Category> categories = CaseAccessPolicy.caseworkerCategories(viewer);
		if (categories.isEmpty()) {
			throw new ResourceNotFoundException("Only caseworkers register phone cases");
		}
		model.addAttribute("categories", categories);
		model.addAttribute("agencies", this.directory.agencies());
		Long organizationId = MessageFormValidator.version(form.organization());
		List<Person> people = List.of();
		if (organizationId != null) {
			people = this.directory.searchAgencyPeople(organizationId, (form.query() != null) ? form.query() : "",
					MAX_PEOPLE);
		}
		model.addAttribute("people", people);
		model.addAttribute("searched", organizationId != null);
		return categories;
	}

	private static void required(BindingResult errors, String field, String value, int maxLength) {
		if (MessageFormValidator.isBlank(value)) {
			errors.rejectValue(field, "phone." + field + ".required");
		}
		else if (FormText.strip(value).length() > maxLength) {
			errors.rejectValue(field, "phone." + field + ".tooLong");
		}
	}

}
