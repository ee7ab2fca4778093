package no.dfo.kundesenter.cases.web;

import no.dfo.kundesenter.access.CurrentUser;
import no.dfo.kundesenter.access.PortalUser;
import no.dfo.kundesenter.cases.domain.CannedReplies;
import no.dfo.kundesenter.cases.domain.CaseViews.WorkspaceView;
import no.dfo.kundesenter.cases.domain.CaseWorkspace;
import org.jspecify.annotations.Nullable;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * Gives the case page ({@code GET /saker/{id}}) what the conversation form, the
 * caseworker panel and the timeline need, so the page's own controller stays about
 * showing the case.
 */
@ControllerAdvice(assignableTypes = CaseController.class)
class CaseWorkspaceAdvice {

	private final CaseWorkspace workspace;

	private final CannedReplies cannedReplies;

	CaseWorkspaceAdvice(CaseWorkspace workspace, CannedReplies cannedReplies) {
		this.workspace = workspace;
		this.cannedReplies = cannedReplies;
	}

	@ModelAttribute
	void caseWorkspace(@CurrentUser @Nullable PortalUser viewer,
			@PathVariable(name = "id", required = false) @Nullable Long id, Model model) {
		if (viewer == null || id == null) {
			return;
		}
		addTo(model, this.workspace.of(id, viewer), viewer, this.cannedReplies);
	}

	static void addTo(Model model, WorkspaceView view, PortalUser viewer, CannedReplies cannedReplies) {
		model.addAttribute("workspace", view);
		if (!model.containsAttribute("messageForm")) {
			model.addAttribute("messageForm", MessageForm.empty(view.version()));
		}
		if (view.caseworker()) {
			model.addAttribute("cannedReplies", cannedReplies.list(viewer, view.category()));
		}
	}

}
