package no.dfo.kundesenter.cases.listing;

import java.io.IOException;
import java.util.Locale;
import java.util.Set;

import jakarta.servlet.http.HttpServletResponse;
import no.dfo.kundesenter.access.AuditAction;
import no.dfo.kundesenter.access.AuditTrail;

import no.dfo.kundesenter.access.CurrentUser;
import no.dfo.kundesenter.access.PortalUser;
import no.dfo.kundesenter.cases.CaseAccess;
import no.dfo.kundesenter.cases.CaseStatus;
import no.dfo.kundesenter.cases.Category;
import no.dfo.kundesenter.cases.Channel;
import org.springframework.data.domain.Page;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The case list and search, and going straight to a case by its number.
 */
@Controller
class CaseListController {

	private final CaseListing cases;

	private final CaseAccess access;

	private final CaseExport export;

	private final CaseCsv csv;

	private final AuditTrail audit;

	CaseListController(CaseListing cases, CaseAccess access, CaseExport export, CaseCsv csv, AuditTrail audit) {
		this.cases = cases;
		this.access = access;
		this.export = export;
		this.csv = csv;
		this.audit = audit;
	}

	/**
	 * The case list: filters, search, order and page all in the query string. A search
	 * that is just the number of a case the viewer may see opens that case.
	 */
	@GetMapping("/saker")
	String list(@CurrentUser PortalUser viewer, @RequestParam MultiValueMap<String, String> params, Model model) {
		CaseListParameters list = CaseListParameters.parse(viewer, params);
		Long caseNumber = list.caseNumber();
		if (caseNumber != null && this.access.isVisible(caseNumber, viewer)) {
			return "redirect:/saker/" + caseNumber;
		}
		CaseListPage result = this.cases.list(viewer, list.query());
		Page<CaseListRow> page = result.page();
		if (page.getNumber() != list.query().page()) {
			list = list.pageClamped();
		}
		model.addAttribute("scope", list.query().scope());
		model.addAttribute("offersChoice", list.offersChoice());
		model.addAttribute("page", page);
		model.addAttribute("countStopped", result.countStopped());
		model.addAttribute("list", list);
		model.addAttribute("links", list.links());
		model.addAttribute("query", list.query());
		model.addAttribute("statuses", CaseStatus.values());
		model.addAttribute("categories", Category.values());
		model.addAttribute("channels", Channel.values());
		model.addAttribute("sorts", CaseSort.values());
		model.addAttribute("activeStatuses", CaseListParameters.ACTIVE);
		model.addAttribute("closedStatuses", CaseListParameters.CLOSED);
		model.addAttribute("noStatuses", Set.of());
		return "cases/list";
	}

	/**
	 * The list with the same parameters as CSV: every page, the same columns, no message
	 * text. Audited with the filters and how many rows went out.
	 */
	@GetMapping("/saker/eksport")
	void export(@CurrentUser PortalUser viewer, @RequestParam MultiValueMap<String, String> params, Locale locale,
			HttpServletResponse response) throws IOException {
		CaseQuery query = CaseListParameters.parse(viewer, params).query();
		int rows = this.csv.write(response, "saker", viewer, locale, (sink) -> this.export.list(viewer, query, sink));
		this.audit.record(viewer, AuditAction.CASES_EXPORTED, null, describe(query) + " rows=" + rows);
	}

	/**
	 * The filters of an export for the audit trail: codes only, never the search words.
	 */
	static String describe(CaseQuery q) {
		return "list scope=" + q.scope() + " status=" + q.statuses().stream().map(Enum::name).sorted().toList()
				+ " category=" + q.category() + " channel=" + q.channel() + " from=" + q.from() + " to=" + q.to()
				+ " text=" + (q.searches() ? "yes" : "no") + " sort=" + (q.descending() ? "-" : "") + q.sort();
	}

}
