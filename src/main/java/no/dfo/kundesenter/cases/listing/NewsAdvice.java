package no.dfo.kundesenter.cases.listing;

import no.dfo.kundesenter.access.CurrentUser;
import no.dfo.kundesenter.access.PortalUser;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Gives the layout's menu how many cases have news for the person ({@link CaseNews}),
 * counted only when a page that shows the menu is rendered: not for redirects, files or
 * the portal's static resources.
 */
@ControllerAdvice(basePackages = "no.dfo.kundesenter")
class NewsAdvice {

	private final CaseNews news;

	NewsAdvice(CaseNews news) {
		this.news = news;
	}

	@ModelAttribute("news")
	@Nullable NewsCount news(@CurrentUser @Nullable PortalUser viewer) {
		return (viewer != null) ? new NewsCount(this.news, viewer) : null;
	}

	/**
	 * The count, read the first time the template asks for it.
	 */
	public static final class NewsCount {

		private final CaseNews news;

		private final PortalUser viewer;

		private @Nullable Long count;

		NewsCount(CaseNews news, PortalUser viewer) {
			this.news = news;
			this.viewer = viewer;
		}

		public long count() {
			if (this.count == null) {
				this.count = this.news.count(this.viewer);
			}
			return this.count;
		}

	}

}
