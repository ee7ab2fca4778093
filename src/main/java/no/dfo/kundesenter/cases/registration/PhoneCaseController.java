package no.dfo.kundesenter.cases.registration;

import java.util.List;

import no.dfo.kundesenter.access.CurrentUser;
import no.dfo.kundesenter.access.Person;
import no.dfo.kundesenter.access.PortalUser;
import no.dfo.kundesenter.access.UserDirectory;
import no.dfo.kundesenter.cases.Category;
import no.dfo.kundesenter.cases.Channel;
import no.dfo.kundesenter.cases.core.CaseAccessPolicy;
import no.dfo.kundesenter.web.FormValues;
import no.dfo.kundesenter.web.ResourceNotFoundException;
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

	private final CaseRegistration registration;

	private final UserDirectory directory;

	PhoneCaseController(CaseRegistration registration, UserDirectory directory) {
		this.registration = registration;
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
		PhoneCaseFormValidator.validate(form, categories, (id) -> this.directory.agencyPerson(id).isPresent(), result);
		if (result.hasErrors()) {
			return VIEW;
		}
		long id = this.registration.register(PhoneCaseFormValidator.toNewCase(form, categories), Channel.PHONE,
				PhoneCaseFormValidator.reporterId(form), viewer);
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
		Long organizationId = FormValues.number(form.organization());
		List<Person> people = List.of();
		if (organizationId != null) {
			people = this.directory.searchAgencyPeople(organizationId, (form.query() != null) ? form.query() : "",
					MAX_PEOPLE);
		}
		model.addAttribute("people", people);
		model.addAttribute("searched", organizationId != null);
		return categories;
	}

}
