package no.dfo.kundesenter.cases.dashboard;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import no.dfo.kundesenter.access.CurrentUser;
import no.dfo.kundesenter.access.PortalUser;
import no.dfo.kundesenter.cases.Category;
import no.dfo.kundesenter.cases.core.CaseAccessPolicy;
import no.dfo.kundesenter.web.ResourceNotFoundException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Oversikt: the centre's figures. Caseworkers see their categories, administrators all;
 * everyone else gets 404, as on the queue.
 */
@Controller
class DashboardController {

	private final DashboardPages pages;

	DashboardController(DashboardPages pages) {
		this.pages = pages;
	}

	@GetMapping("/saksbehandling/oversikt")
	String dashboard(@CurrentUser PortalUser viewer, Locale locale, Model model) {
		List<Category> categories = categories(viewer);
		if (categories.isEmpty()) {
			throw new ResourceNotFoundException("Only the centre has a dashboard");
		}
		model.addAttribute("dashboard", this.pages.page(categories, locale));
		model.addAttribute("categories", categories);
		return "casework/dashboard";
	}

	/** The categories the viewer sees figures of: all for an administrator. */
	static List<Category> categories(PortalUser viewer) {
		if (viewer.isAdministrator()) {
			return Arrays.asList(Category.values());
		}
		return CaseAccessPolicy.caseworkerCategories(viewer);
	}

}
