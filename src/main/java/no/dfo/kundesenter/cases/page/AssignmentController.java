package no.dfo.kundesenter.cases.page;

import no.dfo.kundesenter.access.CurrentUser;
import no.dfo.kundesenter.access.PortalUser;
import no.dfo.kundesenter.cases.CaseNotFoundException;
import no.dfo.kundesenter.cases.core.CaseChangedException;
import no.dfo.kundesenter.web.FormValues;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Who is responsible for a case: take it, give it to a colleague of the same category, or
 * release it. Caseworkers of the case's category only; everyone else gets 404.
 */
@Controller
class AssignmentController {

	static final String ME = "meg";

	static final String NOBODY = "ingen";

	private final Assignments assignments;

	AssignmentController(Assignments assignments) {
		this.assignments = assignments;
	}

	@PostMapping("/saker/{id:\\d{1,18}}/tildeling")
	String assign(@CurrentUser PortalUser viewer, @PathVariable long id,
			@RequestParam(name = "saksbehandler", required = false) @Nullable String assignee,
			@RequestParam(name = "version", required = false) @Nullable String version, RedirectAttributes redirect) {
		if (!viewer.isCaseworker()) {
			throw new CaseNotFoundException(id);
		}
		Long expected = FormValues.number(version);
		try {
			if (expected == null) {
				throw new CaseChangedException(id);
			}
			this.assignments.assign(id, assigneeId(assignee, viewer), expected, viewer);
			redirect.addFlashAttribute("assignmentChanged", true);
		}
		catch (CaseChangedException ex) {
			redirect.addFlashAttribute("assignmentFailed", "assignment.changed");
		}
		catch (IllegalArgumentException | IllegalStateException ex) {
			redirect.addFlashAttribute("assignmentFailed", "assignment.invalid");
		}
		return "redirect:/saker/" + id;
	}

	private static @Nullable Long assigneeId(@Nullable String assignee, PortalUser viewer) {
		if (assignee == null) {
			throw new IllegalArgumentException("No assignee chosen");
		}
		if (NOBODY.equals(assignee)) {
			return null;
		}
		if (ME.equals(assignee)) {
			return viewer.id();
		}
		Long id = FormValues.number(assignee);
		if (id == null) {
			throw new IllegalArgumentException("Not a person: " + assignee);
		}
		return id;
	}

}
