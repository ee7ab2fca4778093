package no.dfo.kundesenter.cases.listing;

import java.io.IOException;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import no.dfo.kundesenter.access.AuditAction;
import no.dfo.kundesenter.access.AuditTrail;

import no.dfo.kundesenter.access.CurrentUser;
import no.dfo.kundesenter.access.PortalUser;
import no.dfo.kundesenter.cases.listing.CaseQueue.Order;
import no.dfo.kundesenter.cases.listing.CaseQueue.View;
import no.dfo.kundesenter.cases.targets.ServiceTargets;
import no.dfo.kundesenter.web.ResourceNotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Saksbehandling: the caseworker's queue. Everyone else gets 404.
 */
@Controller
class QueueController {

	/** The views by their name in the URL ({@code ?visning=...}). */
	static final Map<String, View> VIEWS = Map.of("ufordelt", View.UNASSIGNED, "mine", View.MINE, "alle", View.OPEN,
			"venter", View.WAITING_FOR_CUSTOMER, "utsatt", View.POSTPONED);

	static final String[] VIEW_ORDER = { "ufordelt", "mine", "alle", "venter", "utsatt" };

	/**
	 * The orders by their name in the URL ({@code ?sortering=...}); the first is the
	 * default where clocks run, the second where they stand still.
	 */
	static final Map<String, Order> ORDERS = Map.of("frist", Order.DUE, "ventetid", Order.WAITING);

	static final String[] ORDER_NAMES = { "frist", "ventetid" };

	private final CaseQueue queue;

	private final ServiceTargets targets;

	private final Clock clock;

	private final CaseExport export;

	private final CaseCsv csv;

	private final AuditTrail audit;

	QueueController(CaseQueue queue, ServiceTargets targets, Clock clock, CaseExport export, CaseCsv csv,
			AuditTrail audit) {
		this.queue = queue;
		this.targets = targets;
		this.clock = clock;
		this.export = export;
		this.csv = csv;
		this.audit = audit;
	}

	@GetMapping("/saksbehandling")
	String queue(@CurrentUser PortalUser viewer, @RequestParam(name = "visning", defaultValue = "ufordelt") String view,
			@RequestParam(name = "sortering", defaultValue = "") String sort,
			@RequestParam(name = "side", defaultValue = "1") String side, Model model) {
		if (!viewer.isCaseworker()) {
			throw new ResourceNotFoundException("Only caseworkers have a queue");
		}
		String chosen = VIEWS.containsKey(view) ? view : VIEW_ORDER[0];
		boolean runs = CaseQueue.runs(VIEWS.get(chosen));
		String byDefault = ORDER_NAMES[runs ? 0 : 1];
		String order = (runs && ORDERS.containsKey(sort)) ? sort : byDefault;
		model.addAttribute("page", this.queue.page(viewer, VIEWS.get(chosen), ORDERS.get(order), pageIndex(side)));
		model.addAttribute("links", new Links(chosen, order.equals(byDefault) ? null : order));
		UriComponentsBuilder exportLink = UriComponentsBuilder.fromPath("/saksbehandling/eksport")
			.queryParam("visning", chosen);
		if (!order.equals(byDefault)) {
			exportLink.queryParam("sortering", order);
		}
		model.addAttribute("exportLink", exportLink.encode().build().toUriString());
		model.addAttribute("now", this.clock.instant());
		model.addAttribute("targets", this.targets);
		model.addAttribute("view", chosen);
		model.addAttribute("views", Arrays.asList(VIEW_ORDER));
		model.addAttribute("order", order);
		model.addAttribute("orders", runs ? Arrays.asList(ORDER_NAMES) : List.<String>of());
		return "casework/queue";
	}

	/**
	 * A view of the queue as CSV: every page, the same order, no message text. Audited
	 * with the view and how many rows went out. Everyone but caseworkers gets 404, as on
	 * the queue.
	 */
	@GetMapping("/saksbehandling/eksport")
	void export(@CurrentUser PortalUser viewer, @RequestParam(name = "visning", defaultValue = "ufordelt") String view,
			@RequestParam(name = "sortering", defaultValue = "") String sort, Locale locale,
			HttpServletResponse response) throws IOException {
		if (!viewer.isCaseworker()) {
			throw new ResourceNotFoundException("Only caseworkers have a queue");
		}
		String chosen = VIEWS.containsKey(view) ? view : VIEW_ORDER[0];
		boolean runs = CaseQueue.runs(VIEWS.get(chosen));
		Order order = ORDERS.getOrDefault(runs ? sort : "", runs ? Order.DUE : Order.WAITING);
		int rows = this.csv.write(response, "saksbehandling-" + chosen, viewer, locale,
				(sink) -> this.export.queue(viewer, VIEWS.get(chosen), order, sink));
		this.audit.record(viewer, AuditAction.CASES_EXPORTED, null, "queue view=" + chosen + " rows=" + rows);
	}

	private static int pageIndex(String side) {
		try {
			return Math.max(Integer.parseInt(side.strip()) - 1, 0);
		}
		catch (NumberFormatException ex) {
			return 0;
		}
	}

	/**
	 * The pages of one view in one order.
	 *
	 * @param order {@literal null} for the default
	 */
	record Links(String view, @Nullable String order) implements PageLinks {

		@Override
		public String pageLink(int oneBasedPage) {
			UriComponentsBuilder uri = UriComponentsBuilder.fromPath("/saksbehandling")
				.queryParam("visning", this.view);
			if (this.order != null) {
				uri.queryParam("sortering", this.order);
			}
			if (oneBasedPage > 1) {
				uri.queryParam("side", oneBasedPage);
			}
			return uri.encode().build().toUriString();
		}

	}

}
