package no.dfo.kundesenter.web;

import java.util.List;
import java.util.Map;

import no.dfo.kundesenter.web.RescuedForm.Reason;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.ComponentScan.Filter;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

/**
 * The start page needs no database: it only looks at the session.
 */
@WebMvcTest(useDefaultFilters = false,
		includeFilters = @Filter(type = FilterType.ASSIGNABLE_TYPE, classes = HomeController.class))
@Import(FormRescue.class)
@WithMockUser
class HomeControllerTests {

	@Autowired
	MockMvc mvc;

	@Test
	void theStartPageIsTheCaseList() throws Exception {
		this.mvc.perform(get("/")).andExpect(redirectedUrl("/saker"));
	}

	@Test
	void justAfterSigningInAgainTheStartPageIsTheKeptFormsPage() throws Exception {
		MockHttpSession session = new MockHttpSession();
		session.setAttribute(FormRescue.SESSION_ATTRIBUTE,
				new RescuedForm("/saker/42", Map.of("body", List.of("Hei")), List.of(), false, Reason.SESSION_ENDED));
		this.mvc.perform(get("/").session(session)).andExpect(redirectedUrl("/saker/42"));
	}

}
